/**
 * Process 2 of `npm run bench -- --split`: the product's backends (adapters, cache layer off,
 * identity, the eight subgraphs; stack/startBackends) over simulators running in another
 * process. argv: DATASET_DIR, the simulators' urls as JSON, the audit trail file the gateway
 * process writes (the audit subgraph reads it). Announces one JSON line (benchChild.announceReady) `{ name: url }` of the
 * subgraphs when they serve; SIGTERM stops them.
 */
import type { SourceSystem } from '../../adapters/canonical';
import { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import type { RunningSimulators } from '../../simulators/startAllSimulators';
import { startBackends } from '../../stack/startStack';
import { COLD_CACHE_ENV } from '../stackVariants';
import { announceReady } from './benchChild';

async function main(): Promise<void> {
  const [dir, urlsJson, auditPath] = process.argv.slice(2);
  if (!dir || !urlsJson || !auditPath) throw new Error('usage: backendsMain.ts DATASET_DIR SIMULATOR_URLS_JSON AUDIT_PATH');
  const urls = JSON.parse(urlsJson) as Record<SourceSystem, string>;
  // startBackends reads only the url of simulators it is given (it neither starts nor stops
  // them); their counters and faults live in the simulators' process, reached over /__admin.
  const simulators = Object.fromEntries(Object.entries(urls).map(([system, url]) => [system, { url }])) as unknown as RunningSimulators;
  const backends = await startBackends({
    dataset: await ensureDataset(dir, {}),
    ports: 'free',
    simulators,
    cacheEnv: { ...process.env, ...COLD_CACHE_ENV },
    auditStore: new JsonlAuditStore(auditPath),
  });
  // Nothing edits records during a bench: the follower's polls would count as legacy calls.
  backends.identity.stopFollowing();
  announceReady(Object.fromEntries(Object.values(backends.subgraphs).map((s) => [s.name, s.url])));
  process.once('SIGTERM', () => {
    backends.close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`split backends failed: ${error.message}`);
  process.exit(1);
});
