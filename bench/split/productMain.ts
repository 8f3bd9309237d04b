/**
 * Process 5 of `npm run bench -- --split`: the whole product in one process, as `npm start` runs
 * it (stack/startStack: adapters, identity, the subgraphs and the gateway, which calls them
 * in-process), over simulators running in another process. argv: DATASET_DIR, the simulators'
 * urls as JSON, the audit trail file this process writes. The bench's gateway settings
 * (token secret, rate limit off) come in the environment. Announces one JSON line
 * (benchChild.announceReady) `{ url }` of the gateway when it serves; SIGTERM stops it.
 */
import pino from 'pino';
import { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import { startStack } from '../../stack/startStack';
import { COLD_CACHE_ENV } from '../stackVariants';
import { announceReady } from './benchChild';
import { productChildArgs } from './productArgs';

async function main(): Promise<void> {
  const { datasetDir, simulators, auditPath } = productChildArgs(process.argv.slice(2), 'productMain.ts');
  const stack = await startStack({
    dataset: await ensureDataset(datasetDir, {}),
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
