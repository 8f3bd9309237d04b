/**
 * Process 5 of `npm run bench -- --split`: the whole product in one process, as `npm start` runs
 * it (stack/startStack: adapters, identity, the subgraphs and the gateway, which calls them
 * in-process), over simulators running in another process. argv: DATASET_DIR, the simulators'
 * urls as JSON, the audit trail file this process writes. The bench's gateway settings
 * (token secret, rate limit off) come in the environment. Announces one JSON line
 * (benchChild.announceReady) `{ url }` of the gateway when it serves; SIGTERM stops it.
 */
import pino from 'pino';
import type { SourceSystem } from '../../adapters/canonical';
import { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import type { RunningSimulators } from '../../simulators/startAllSimulators';
import { startStack } from '../../stack/startStack';
import { COLD_CACHE_ENV } from '../stackVariants';
import { announceReady } from './benchChild';

async function main(): Promise<void> {
  const [dir, urlsJson, auditPath] = process.argv.slice(2);
  if (!dir || !urlsJson || !auditPath) throw new Error('usage: productMain.ts DATASET_DIR SIMULATOR_URLS_JSON AUDIT_PATH');
  const urls = JSON.parse(urlsJson) as Record<SourceSystem, string>;
  // As backendsMain.ts: only the simulators' urls are read here; they run in their own process.
  const simulators = Object.fromEntries(Object.entries(urls).map(([system, url]) => [system, { url }])) as unknown as RunningSimulators;
  const stack = await startStack({
    dataset: await ensureDataset(dir, {}),
    ports: 'free',
    simulators,
    cacheEnv: { ...process.env, ...COLD_CACHE_ENV },
    auditStore: new JsonlAuditStore(auditPath),
    gatewayLogger: pino({ level: 'silent' }),
  });
  // Nothing edits records during a bench: the follower's polls would count as legacy calls.
  stack.identity.stopFollowing();
  announceReady({ url: stack.gateway.url });
  process.once('SIGTERM', () => {
    stack.close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`split product failed: ${error.message}`);
  process.exit(1);
});
