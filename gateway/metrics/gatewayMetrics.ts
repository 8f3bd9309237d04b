import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { createOperationLabeler } from './operationLabel';

/** Seconds: from a warm cache read (~ms) to a slow legacy call timing out (seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Breaker states as gauge values (a gauge must be a number; alert on `> 0`). */
export const BREAKER_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2, isolated: 3 } as const;

export interface GatewayMetrics {
  /** This gateway's own registry: several gateways in one process (tests) never share series. */
  readonly registry: Registry;
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'operation'>;
  readonly subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  readonly legacyCalls: Counter<'system' | 'outcome'>;
  readonly legacyCallDuration: Histogram<'system'>;
  readonly legacyErrors: Counter<'system' | 'code'>;
  readonly legacyRetries: Counter<'system'>;
  readonly breakerState: Gauge<'system'>;
  readonly auditEvents: Counter<'outcome'>;
  readonly unauthenticated: Counter<'reason'>;
  /** Events in the audit spool not yet in the store (sources registered with watchAuditSpool). */
  readonly auditSpoolPending: Gauge;
  /** Adds a source of spooled-event counts to uv_audit_spool_pending_events; returns its removal. */
  watchAuditSpool(pending: () => number): () => void;
  readonly cacheRequests: Counter<'system' | 'result'>;
  readonly cacheHitRatio: Gauge<'system'>;
  /** Bounded operation label (see operationLabel.ts). */
  operationLabel(operationName: string | null | undefined): string;
}

/**
 * The gateway's Prometheus metrics, all under `uv_`, in a registry of their own, plus the
 * Node.js process defaults (CPU, memory, event loop lag, GC).
 */
export function createGatewayMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  // The event-loop delay histogram samples every 50 ms rather than prom-client's 10: a stall still
  // delays the next sample by its length, and the gateway no longer wakes 100 times a second when
  // idle (3 to 5 ms of CPU a second on the project's VM, measured with the gateway idle).
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 50 });
  const registers = [registry];

  const spoolSources = new Set<() => number>();

  const cacheRequests = new Counter({
    name: 'uv_cache_requests_total',
    help: 'Adapter cache lookups by system and result (hit: fresh entry; miss: read from the system; stale: expired entry served because the system failed).',
    labelNames: ['system', 'result'] as const,
    registers,
  });

  return {
    registry,
    requests: new Counter({
      name: 'uv_gateway_requests_total',
      help: 'GraphQL requests answered by the gateway, by operation name and outcome (ok, or error when the response carries errors).',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'uv_gateway_request_duration_seconds',
      help: 'GraphQL request latency at the gateway (parse to response), by operation name.',
      labelNames: ['operation'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    subgraphFetchDuration: new Histogram({
      name: 'uv_subgraph_fetch_duration_seconds',
      help: 'Latency of one gateway fetch to a subgraph, by subgraph and outcome (ok, error: transport failure or GraphQL errors).',
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    legacyCalls: new Counter({
      name: 'uv_legacy_calls_total',
      help: 'Calls to legacy systems through the adapter kit (retries included in one call), by system and outcome (ok or the error code).',
      labelNames: ['system', 'outcome'] as const,
      registers,
    }),
    legacyCallDuration: new Histogram({
      name: 'uv_legacy_call_duration_seconds',
      help: 'Latency of one legacy call including retries and queueing, by system.',
      labelNames: ['system'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    legacyErrors: new Counter({
      name: 'uv_legacy_errors_total',
      help: 'Legacy calls that failed, by system and error code (UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, ...).',
      labelNames: ['system', 'code'] as const,
      registers,
    }),
    legacyRetries: new Counter({
      name: 'uv_legacy_retries_total',
      help: 'Retried attempts of legacy calls, by system.',
      labelNames: ['system'] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: 'uv_legacy_breaker_state',
      help: 'Circuit breaker state per legacy system: 0 closed, 1 half-open, 2 open, 3 isolated.',
      labelNames: ['system'] as const,
      registers,
    }),
    auditEvents: new Counter({
      name: 'uv_audit_events_total',
      help: 'Audit events (ACCESS and DENIED), by outcome (recorded: taken by the store or its local spool; failed: neither took it).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    auditSpoolPending: new Gauge({
      name: 'uv_audit_spool_pending_events',
      help: 'Audit events held in the local spool because the audit store did not take them, not yet replayed to it (alert when it stays above 0).',
      registers,
      collect() {
        let pending = 0;
        for (const source of spoolSources) pending += source();
        this.set(pending);
      },
    }),
    watchAuditSpool(pending) {
      spoolSources.add(pending);
      return () => spoolSources.delete(pending);
    },
    unauthenticated: new Counter({
      name: 'uv_gateway_unauthenticated_total',
      help: 'GraphQL requests refused with 401 before anything ran, by reason (missing token, expired, invalid: bad signature, issuer, audience, lifetime or claims).',
      labelNames: ['reason'] as const,
      registers,
    }),
    cacheRequests,
    cacheHitRatio: new Gauge({
      name: 'uv_cache_hit_ratio',
      help: 'Adapter cache hits / (hits + misses) since start, by system.',
      labelNames: ['system'] as const,
      registers,
      // Derived at scrape time from the counter, so the two never disagree.
      async collect() {
        const { values } = await cacheRequests.get();
        const totals = new Map<string, { hit: number; miss: number }>();
        for (const { labels, value } of values) {
          const system = String(labels.system);
          const entry = totals.get(system) ?? { hit: 0, miss: 0 };
          if (labels.result === 'hit') entry.hit += value;
          if (labels.result === 'miss') entry.miss += value;
          totals.set(system, entry);
        }
        for (const [system, { hit, miss }] of totals) if (hit + miss > 0) this.set({ system }, hit / (hit + miss));
      },
    }),
    operationLabel: createOperationLabeler(),
  };
}
