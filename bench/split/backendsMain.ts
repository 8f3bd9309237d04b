/**
 * Process 2 of `npm run bench -- --split`: the product's backends (adapters, cache layer off,
 * identity, the eight subgraphs; stack/startBackends) over simulators running in another
 * process. argv: DATASET_DIR, the simulators' urls as JSON, the audit trail file the gateway
 * process writes (the audit subgraph reads it). Announces one JSON line (benchChild.announceReady) `{ name: url }` of the
 * subgraphs when they serve; SIGTERM stops them.
 */
import { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import { startBackends } from '../../stack/startStack';
import { COLD_CACHE_ENV } from '../stackVariants';
import { announceReady } from './benchChild';
import { productChildArgs } from './productArgs';

async function main(): Promise<void> {
  const { datasetDir, simulators, auditPath } = productChildArgs(process.argv.slice(2), 'backendsMain.ts');
  const backends = await startBackends({
    dataset: await ensureDataset(datasetDir, {}),
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
