/**
 * Process 5 of `npm run bench -- --split`, and the product of `npm run bench:warm`: the whole
 * product in one process, as `npm start` runs it (stack/startStack: adapters, identity, the
 * subgraphs and the gateway, which calls them in-process), over simulators running in another
 * process. argv: DATASET_DIR, the simulators' urls as JSON, the audit trail file this process
 * writes, the cache state (cold, the default, or warm: bench/stackVariants.ts) and `follow` to keep
 * the identity follower polling the change feeds as `npm start` does. The bench's
 * gateway settings (token secret, rate limit off) and REDIS_URL come in the environment. Announces one JSON line
 * (benchChild.announceReady) `{ url }` of the gateway when it serves; SIGTERM stops it.
 */
import pino from 'pino';
import { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import { startStack } from '../../stack/startStack';
import { BENCH_CACHE_ENV } from '../stackVariants';
import { announceReady } from './benchChild';
import { productChildArgs } from './productArgs';

async function main(): Promise<void> {
  const { datasetDir, simulators, auditPath, cache, follow } = productChildArgs(process.argv.slice(2), 'productMain.ts');
  const cacheEnv: NodeJS.ProcessEnv = { ...process.env, ...BENCH_CACHE_ENV[cache] };
  // Following: the change polling of the environment, else the product's default, as npm start.
  if (follow) cacheEnv.CHANGE_POLL_MS = process.env.CHANGE_POLL_MS;
  const stack = await startStack({
    dataset: await ensureDataset(datasetDir, {}),
    ports: 'free',
    simulators,
    cacheEnv,
    auditStore: new JsonlAuditStore(auditPath),
    gatewayLogger: pino({ level: 'silent' }),
  });
  // Nothing edits records during a bench: the follower's polls would count as legacy calls.
  if (!follow) stack.identity.stopFollowing();
  announceReady({ url: stack.gateway.url });
  process.once('SIGTERM', () => {
    stack.close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`split product failed: ${error.message}`);
  process.exit(1);
});
