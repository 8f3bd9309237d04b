/**
 * The identity subgraph as a process of its own, for running several replicas over one
 * PostgreSQL: `DATABASE_URL=postgres://... npx tsx subgraphs/identity/main.ts`.
 *
 * Every replica serves reads; the one holding the follower lock loads an empty store and follows
 * the change feeds (and evicts the shared cache when REDIS_URL is set); when it dies another
 * replica takes over within IDENTITY_LEADER_RETRY_MS (1000). Without DATABASE_URL it opens the
 * embedded database (PGLITE_DIR), which only one process may hold.
 *
 * Environment: DATABASE_URL, IDENTITY_PORT (4001), HOST (127.0.0.1), <SYSTEM>_URL (the legacy
 * systems), CHANGE_POLL_MS (250; 0: never follow), IDENTITY_LEADER_RETRY_MS, REDIS_URL.
 * Prints one JSON line per lifecycle event on stdout (`ready`, `leading`, `standby`; `loading`
 * with each stage of an initial load as it ends, `loaded` at its end), never customer data.
 */
import { createCacheInvalidator } from '../../adapters/cache/cacheLayer';
import { changePollMsFromEnv } from '../../adapters/cache/changeWatcher';
import { openDatabaseFromEnv } from '../../db/database';
import { recordAuditEvent } from '../../gateway/audit/recordAuditEvent';
import { PostgresAuditStore } from '../../gateway/audit/postgresAuditStore';
import { adaptersReady, identityAdaptersFromEnv } from './identityAdapters';
import { IdentityService } from './identityService';
import { startIdentitySubgraph } from './service';

// A reader that went away (its parent stopped) must not crash the service with EPIPE.
process.stdout.on('error', () => undefined);
const say = (event: string, detail: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, pid: process.pid, at: new Date().toISOString(), ...detail })}\n`);

async function main(): Promise<void> {
  const database = await openDatabaseFromEnv();
  const adapters = identityAdaptersFromEnv(process.env, { database });
  await adaptersReady(adapters);
  const invalidator = await createCacheInvalidator(process.env, { onError: () => undefined });
  const auditStore = new PostgresAuditStore(database.db);
  const retry = Number(process.env.IDENTITY_LEADER_RETRY_MS ?? 1000);
  const service = await IdentityService.start({
    database,
    adapters,
    pollMs: changePollMsFromEnv(),
    leaderRetryMs: Number.isFinite(retry) && retry > 0 ? retry : 1000,
    invalidate: (changes) => invalidator.invalidateChanges(changes),
    recorder: {
      stewardDecision: async (decision, customerIds) => {
        await recordAuditEvent({ kind: 'STEWARD_DECISION', subject: decision.decidedBy, customerIds, action: decision.kind, reason: decision.reason }, auditStore);
      },
    },
    onError: (error, system) => say('error', { system: system ?? null, error: error instanceof Error ? error.name : 'Error' }),
    onLoaded: (stats) => say('loaded', { records: stats.records, customers: stats.customers, ms: stats.ms }),
    onLoadProgress: (stage) => say('loading', { stage }),
  });
  const subgraph = await startIdentitySubgraph({ service, port: Number(process.env.IDENTITY_PORT ?? 4001), host: process.env.HOST ?? '127.0.0.1' });
  say('ready', { url: subgraph.url, leader: service.isLeader() });
  let leading = service.isLeader();
  const watch = setInterval(() => {
    if (service.isLeader() === leading) return;
    leading = service.isLeader();
    say(leading ? 'leading' : 'standby');
  }, 100);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    // Apollo Server stops itself on SIGTERM/SIGINT too; in-flight requests get a moment to finish.
    await Promise.race([subgraph.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await service.close();
    await invalidator.close();
    for (const adapter of adapters) adapter.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  say('failed', { error: error.name, message: error.message });
  process.exit(1);
});
