/**
 * Process 1 of `npm run bench -- --split`: every registered system's simulator over the population in
 * DATASET_DIR (argv[2]) on free ports. Announces one JSON line (benchChild.announceReady) `{ CORE_BANKING: url, ... }` when
 * they serve; SIGTERM stops them.
 */
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import { startAllSimulators } from '../../simulators/startAllSimulators';
import { announceReady } from './benchChild';
import { SOURCE_SYSTEMS } from '../../adapters/canonical';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: simulatorsMain.ts DATASET_DIR');
  const simulators = await startAllSimulators(await ensureDataset(dir, {}), 'free');
  announceReady(Object.fromEntries(SOURCE_SYSTEMS.map((system) => [system, simulators[system].url])));
  process.once('SIGTERM', () => {
    simulators.close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`split simulators failed: ${error.message}`);
  process.exit(1);
});
