import path from 'node:path';
import type { SourceSystem } from '../adapters/canonical';
import { adapterModuleOf } from '../adapters/adapterModules';
import { adaptersReady } from '../subgraphs/identity/identityAdapters';
import { startCacheLayer, type CacheLayer, type SourceAdapters } from '../adapters/cache';
import { systemConfigFromEnv, type SystemClientConfig } from '../adapters/kit/config';
import type { AuditStore } from '../gateway/audit/auditStore';
import { PostgresAuditStore } from '../gateway/audit/postgresAuditStore';
import { changePollMsFromEnv } from '../adapters/cache/changeWatcher';
import { databaseOptionsFromEnv, openDatabase, type Database, type DatabaseOptions } from '../db/database';
import { recordAuditEvent, useAuditStore } from '../gateway/audit/recordAuditEvent';
import { withAuditSpool } from '../gateway/audit/spooledAuditStore';
import { createGateway, type GatewayHandle } from '../gateway/createGateway';
import { persistedQueryCache } from '../gateway/persistedQueryCache';
import { registerCacheMetrics } from '../gateway/metrics/cacheMetrics';
import { createGatewayMetrics, type GatewayMetrics } from '../gateway/metrics/gatewayMetrics';
import { defaultGatewayPlugins, type SecurityOptions } from '../gateway/plugins';
import type { Logger } from 'pino';
import type { Dataset } from '../simulators/dataset/loadDataset';
import { startAllSimulators, type RunningSimulators } from '../simulators/startAllSimulators';
import { IdentityService } from '../subgraphs/identity/identityService';
import { startIdentitySubgraph } from '../subgraphs/identity/service';
import { startProfileSubgraph } from '../subgraphs/profile/service';
import { startInsightsSubgraph } from '../subgraphs/insights/service';
import { startAuditSubgraph } from '../subgraphs/audit/service';
import { defaultSubgraphKeys } from '../subgraphs/runtime/callSignature';
import type { RunningSubgraph } from '../subgraphs/runtime/serveSubgraph';
import { subgraphModuleOf } from '../subgraphs/runtime/systemSubgraphs';
import { SYSTEM_REGISTRY } from '../systems/registry';
import { SUBGRAPHS } from '../schema/subgraphList';

export interface StackOptions {
  dataset: Dataset;
  /** `default`: the documented ports; `free`: OS-chosen ports (tests, benchmarks). */
  ports?: 'default' | 'free';
  /** Adjusts each system client's config (e.g. short timeouts in tests). */
  tuneClient?: (config: SystemClientConfig) => SystemClientConfig;
  gatewayLogger?: Logger;
  production?: boolean;
  /**
   * Gateway auth, field policy, rate limit, shape limits and deadline. Default: from the
   * environment (securityOptionsFromEnv; authentication off in development without AUTH_*).
   */
  security?: SecurityOptions;
  /**
   * The store of record (identity, audit trail): a PostgreSQL server (`url`) or embedded PGlite
   * (`dataDir`). Default: from the environment (DATABASE_URL, else data/pglite). The stack opens
   * and closes it; replicas of the stack given the same server share one store.
   */
  databaseOptions?: DatabaseOptions;
  /**
   * The audit trail the gateway writes and the audit subgraph reads (also the process store,
   * so steward decisions recorded in this process land there). Default: the `audit_trail` table
   * of the stack's database behind the local spool (AUDIT_SPOOL_DIR). The stack closes it.
   */
  auditStore?: AuditStore;
  /**
   * Environment for the cache layer (TTLs, Redis) and the one change-feed follower
   * (`CHANGE_POLL_MS`, 0: identity does not follow the feeds by itself). Default process.env;
   * e.g. `{ CACHE_TTL_MS: '0', CHANGE_POLL_MS: '0' }` runs uncached and unfollowed.
   */
  cacheEnv?: NodeJS.ProcessEnv;
  /**
   * Legacy systems already running (another replica's): this stack then starts only the
   * adapters, caches, subgraphs and gateway over them, and leaves them running when it closes.
   */
  simulators?: RunningSimulators;
  /** Safelist mode (only these operation fingerprints run); default from `OPERATION_SAFELIST`. */
  safelist?: ReadonlySet<string> | null;
}

/** Everything but the gateway: what gateway workers (GATEWAY_WORKERS) run in front of. */
export interface RunningBackends {
  simulators: RunningSimulators;
  database: Database;
  databaseOptions: DatabaseOptions;
  identity: IdentityService;
  subgraphs: Record<string, RunningSubgraph>;
  auditStore: AuditStore;
  cache: CacheLayer;
  close(): Promise<void>;
}

export interface RunningStack extends RunningBackends {
  gateway: GatewayHandle;
  /** The gateway's Prometheus registry and series (register more sources, e.g. registerCacheMetrics). */
  metrics: GatewayMetrics;
  close(): Promise<void>;
}

/**
 * Starts the product's backends on one machine: every registered system's simulator over a population, the adapters
 * pointed at them, identity resolution over their extracts, the cache layer and every subgraph.
 * Every piece is its own HTTP service; this only wires their URLs together.
 */
export async function startBackends(options: StackOptions): Promise<RunningBackends> {
  const ports = options.ports ?? 'default';
  const port = (name: string) => (ports === 'free' ? 0 : (SUBGRAPHS.find((s) => s.name === name)?.defaultPort ?? 0));
  const closers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const databaseOptions = options.databaseOptions ?? databaseOptionsFromEnv();
    const database = await openDatabase(databaseOptions);
    closers.push(() => database.close());
    const auditStore = options.auditStore ?? withAuditSpool(new PostgresAuditStore(database.db), databaseOptions);
    useAuditStore(auditStore);
    closers.push(async () => {
      useAuditStore(undefined);
      await auditStore.close();
    });
    const simulators = options.simulators ?? (await startAllSimulators(options.dataset, ports));
    if (!options.simulators) closers.push(() => simulators.close());
    const config = (system: SourceSystem) => {
      const base = { ...systemConfigFromEnv(system), baseUrl: simulators[system].url };
      return options.tuneClient ? options.tuneClient(base) : base;
    };
    // Every registered system's adapter, by its handle (systems/registry.ts, adapters/<slug>/adapterModule.ts).
    const raw = Object.fromEntries(SYSTEM_REGISTRY.map((system) => [system.handle, adapterModuleOf(system.name).create(config(system.name), { database })])) as SourceAdapters;
    const adapters = SYSTEM_REGISTRY.map((system) => raw[system.handle]);
    closers.push(() => adapters.forEach((adapter) => adapter.close()));
    // An adapter over a store of its own (a file-drop system) ingests and loads it before identity reads.
    await adaptersReady(adapters);
    // The subgraphs read through the cache (TTL per system, stale-if-error, coalescing);
    // identity reads the systems themselves.
    const cacheEnv = options.cacheEnv ?? process.env;
    const cache = await startCacheLayer(raw, { env: cacheEnv });
    closers.push(() => cache.close());

    // Identity loads an empty store and (the replica holding the follower lock) reads every
    // change feed once, for itself and for the cache's evictions.
    const identityService = await IdentityService.start({
      database,
      adapters,
      pollMs: changePollMsFromEnv(cacheEnv),
      invalidate: (changes) => cache.invalidateChanges(changes),
      recorder: {
        // Steward decisions go to the same audit trail as data access: who, when, why, which customers.
        stewardDecision: async (decision, customerIds) => {
          await recordAuditEvent({ kind: 'STEWARD_DECISION', subject: decision.decidedBy, customerIds, action: decision.kind, reason: decision.reason }, auditStore);
        },
      },
    });
    closers.push(() => identityService.close());
    const identity = await startIdentitySubgraph({ port: port('identity'), service: identityService });
    closers.push(() => identity.close());
    const started = await Promise.all([
      ...SYSTEM_REGISTRY.map((system) =>
        subgraphModuleOf(system.name).start({ port: port(system.slug), adapter: cache.adapters[system.handle], identityUrl: identity.url }),
      ),
      startProfileSubgraph({ port: port('profile') }),
      // The population is frozen at its as-of instant: "the last 90 days" must be the data's last 90 days.
      startInsightsSubgraph({ port: port('insights'), clock: () => new Date(options.dataset.manifest.asOf) }),
      startAuditSubgraph({ port: port('audit'), store: auditStore }),
    ]);
    for (const subgraph of started) closers.push(() => subgraph.close());
    const subgraphs: Record<string, RunningSubgraph> = Object.fromEntries([identity, ...started].map((s) => [s.name, s]));

    return { simulators, database, databaseOptions, identity: identityService, subgraphs, auditStore, cache, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * The whole product: the backends and, in front of them, the gateway (in this process), which
 * calls the subgraphs in-process (gateway/subgraphDataSource.ts; `SUBGRAPH_CALLS=http` for HTTP).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const ports = options.ports ?? 'default';
  const backends = await startBackends(options);
  const { subgraphs, auditStore, cache } = backends;
  const closers: Array<() => Promise<void> | void> = [() => backends.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const metrics = createGatewayMetrics();
    closers.push(registerCacheMetrics(metrics, cache.cache.metrics));
    const gateway = await createGateway({
      port: ports === 'free' ? 0 : Number(process.env.PORT ?? 4000),
      host: '127.0.0.1',
      supergraphPath: path.join(__dirname, '..', 'schema', 'supergraph.graphql'),
      subgraphUrlOverrides: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
      // This process serves them: called in-process (no socket, no signature) unless SUBGRAPH_CALLS=http.
      inProcessSubgraphs: new Map(Object.values(subgraphs).map((s) => [s.url, s.callInProcess])),
      logger: options.gatewayLogger,
      production: options.production,
      // The keys this process's subgraphs verify with (SUBGRAPH_SIGNING_KEY, or the development key).
      subgraphKeys: defaultSubgraphKeys(),
      plugins: defaultGatewayPlugins({
        ...(options.security ? { security: options.security } : {}),
        ...(options.safelist !== undefined ? { safelist: options.safelist } : {}),
        audit: { store: auditStore },
        metrics: { metrics },
      }),
      // APQ on the cache layer's store: Redis when configured, so every replica shares them.
      persistedQueryCache: persistedQueryCache(cache.backend.store),
    });
    closers.push(() => gateway.close());
    return { ...backends, gateway, metrics, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
