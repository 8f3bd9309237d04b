import type { LegacySystemHealth } from '../adapters/kit/systemHealth';
import { SIGNATURE_HEADER, type CallSigner } from '../subgraphs/runtime/callSignature';

export interface SubgraphTarget {
  name: string;
  url: string | undefined;
}

export interface SubgraphProbe {
  name: string;
  up: boolean;
  url?: string;
  /** Why it is down: `timeout`, `HTTP 503`, `HTTP 401` (keys disagree), `ECONNREFUSED`, ... */
  reason?: string;
  /** The legacy systems behind it and their breakers, from its GET /health (absent if it has none). */
  systems?: LegacySystemHealth[];
}

/** A legacy system as the subgraphs that call it see it: the worst of their breakers. */
export interface SystemState extends LegacySystemHealth {
  /** The subgraphs reporting it. */
  subgraphs: string[];
}

export interface ReadinessReport {
  ready: boolean;
  /** Set when the gateway itself is not ready (no supergraph, shutting down). */
  reason?: string;
  subgraphs: SubgraphProbe[];
  /** Legacy systems with their breaker state; any not `closed` is degraded. */
  systems: SystemState[];
}

const PROBE_BODY = JSON.stringify({ query: '{ __typename }' });

/** `http://host:4003/graphql` -> `http://host:4003/health`. */
function healthUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/health';
  url.search = '';
  return url.toString();
}

/**
 * Asks one subgraph the cheapest question there is, signed like any gateway call (so a key that
 * the subgraph does not share shows as `HTTP 401` here, not at the first client request). Any
 * answer other than a GraphQL result naming the root type within `timeoutMs` counts as down.
 * Its GET /health adds the breaker state of each legacy system behind it.
 */
export async function probeSubgraph(target: SubgraphTarget, timeoutMs: number, sign?: CallSigner): Promise<SubgraphProbe> {
  const { name, url } = target;
  if (!url) return { name, up: false, reason: 'no url' };
  const [probe, systems] = await Promise.all([probeGraphQL(name, url, timeoutMs, sign), legacySystemsOf(url, timeoutMs)]);
  return systems ? { ...probe, systems } : probe;
}

async function probeGraphQL(name: string, url: string, timeoutMs: number, sign: CallSigner | undefined): Promise<SubgraphProbe> {
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (sign) headers[SIGNATURE_HEADER] = await sign({ audience: name, body: PROBE_BODY });
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: PROBE_BODY,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { name, url, up: false, reason: `HTTP ${response.status}` };
    }
    const body = (await response.json()) as { data?: { __typename?: unknown } };
    return typeof body?.data?.__typename === 'string'
      ? { name, url, up: true }
      : { name, url, up: false, reason: 'unexpected response' };
  } catch (error) {
    return { name, url, up: false, reason: probeFailureReason(error) };
  }
}

/** The subgraph's legacy systems from its /health; undefined when it reports none (not one of ours, or down). */
async function legacySystemsOf(url: string, timeoutMs: number): Promise<LegacySystemHealth[] | undefined> {
  try {
    const response = await fetch(healthUrlOf(url), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const body = (await response.json()) as { systems?: unknown };
    if (!Array.isArray(body.systems)) return undefined;
    const systems = body.systems.filter(
      (s): s is LegacySystemHealth => typeof s?.system === 'string' && ['closed', 'open', 'half-open', 'isolated'].includes(s?.breaker),
    );
    return systems.length
      ? systems.map(({ system, breaker, reason, freshness }) => ({
          system,
          breaker,
          ...(typeof reason === 'string' ? { reason } : {}),
          ...(isFreshness(freshness) ? { freshness: { asOf: freshness.asOf, ageMs: freshness.ageMs, stale: freshness.stale } } : {}),
        }))
      : undefined;
  } catch {
    return undefined;
  }
}

/** A batch system's freshness as its subgraph's /health reports it (adapters/kit/systemHealth.ts). */
function isFreshness(value: unknown): value is NonNullable<LegacySystemHealth['freshness']> {
  const f = value as LegacySystemHealth['freshness'];
  return typeof f === 'object' && f !== null && typeof f.stale === 'boolean' && (f.asOf === null || typeof f.asOf === 'string') && (f.ageMs === null || typeof f.ageMs === 'number');
}

interface FetchFailure {
  name?: string;
  code?: string;
  message?: string;
  cause?: FetchFailure & { errors?: FetchFailure[] };
}

/** undici hides the socket error in `cause` (or in `cause.errors` when several addresses were tried). */
function probeFailureReason(error: unknown): string {
  const err = error as FetchFailure;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout';
  const cause = err?.cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? err?.code ?? cause?.message ?? err?.message ?? 'error';
}

const SEVERITY: Record<LegacySystemHealth['breaker'], number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/** Each legacy system once, with the worst breaker any subgraph reports for it. */
export function systemStates(probes: readonly SubgraphProbe[]): SystemState[] {
  const states = new Map<string, SystemState>();
  for (const probe of probes) {
    for (const health of probe.systems ?? []) {
      const known = states.get(health.system);
      if (!known) states.set(health.system, { ...health, subgraphs: [probe.name] });
      else {
        known.subgraphs.push(probe.name);
        if (SEVERITY[health.breaker] > SEVERITY[known.breaker]) states.set(health.system, { ...health, subgraphs: known.subgraphs });
      }
    }
  }
  return [...states.values()].sort((a, b) => a.system.localeCompare(b.system));
}

export async function probeSubgraphs(targets: readonly SubgraphTarget[], timeoutMs: number, sign?: CallSigner): Promise<ReadinessReport> {
  const subgraphs = await Promise.all(targets.map((t) => probeSubgraph(t, timeoutMs, sign)));
  return { ready: subgraphs.every((s) => s.up), subgraphs, systems: systemStates(subgraphs) };
}

/**
 * Legacy systems whose breaker is not closed (the gateway answers, without their data), and batch
 * systems whose data is older than their delivery schedule (the gateway answers with it, marked
 * in `extensions.stale`).
 */
export function degradedSystems(report: ReadinessReport): string[] {
  return report.systems.filter((s) => s.breaker !== 'closed' || s.freshness?.stale === true).map((s) => s.system);
}

/**
 * 503 when the gateway cannot serve (a subgraph down, no supergraph, shutting down). A degraded
 * legacy system still answers 200 (the gateway serves everything else, and taking the replica
 * out of rotation would not bring the system back) unless `strict`, for orchestrators that want
 * a replica with any degraded system out of rotation.
 */
export function readinessStatus(report: ReadinessReport, options: { strict: boolean }): 200 | 503 {
  if (!report.ready) return 503;
  return options.strict && degradedSystems(report).length > 0 ? 503 : 200;
}

/**
 * The /ready body. Production names the subgraphs that are down, the degraded systems and every
 * system's breaker, and nothing else (no urls, no socket errors that name internal hosts);
 * development adds urls and reasons.
 */
export function readinessBody(report: ReadinessReport, options: { production: boolean }) {
  const down = report.subgraphs.filter((s) => !s.up).map((s) => s.name);
  const degraded = degradedSystems(report);
  const status = !report.ready ? 'unavailable' : degraded.length ? 'degraded' : 'ready';
  const base = { status, ...(report.reason ? { reason: report.reason } : {}), down, degraded };
  if (options.production) return { ...base, systems: report.systems.map(({ system, breaker, freshness }) => ({ system, breaker, ...(freshness ? { stale: freshness.stale } : {}) })) };
  return { ...base, subgraphs: report.subgraphs.map(({ systems: _systems, ...probe }) => probe), systems: report.systems };
}

/** `/ready?strict=1` (or `true`) asks for strict mode on one request; READY_STRICT=1 makes it the default. */
export function strictReadiness(search: string, env: NodeJS.ProcessEnv): boolean {
  const asked = new URLSearchParams(search).get('strict');
  if (asked !== null) return asked === '1' || asked === 'true';
  const configured = env.READY_STRICT?.trim();
  return configured === '1' || configured === 'true';
}
