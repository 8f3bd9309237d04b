/**
 * `npm run simulators`: the four legacy simulators on their documented ports over the default
 * population (generated into data/dataset on first use). Ctrl-C stops them. `--help` says so
 * and starts nothing.
 */
import path from 'node:path';
import { Command } from 'commander';
import { ensureDataset } from './dataset/ensureDataset';
import { startAllSimulators } from './startAllSimulators';

new Command('npm run simulators --')
  .description(
    'Start the four simulated legacy systems (core banking, cards, ERP, call center) over the default population.\n' +
      'Settings come from the environment: DATASET_DIR (data/dataset), <SYSTEM>_SIM_PORT (4101-4104).\n' +
      'Each answers the operator API at /__admin (faults, stats, reset, records): see docs/configuration.md.',
  )
  .showHelpAfterError()
  .parse();

async function main(): Promise<void> {
  const dir = process.env.DATASET_DIR ?? path.join(__dirname, '..', 'data', 'dataset');
  const dataset = await ensureDataset(dir, { seed: 42, persons: 2000, noise: 'default' });
  const sims = await startAllSimulators(dataset);
  for (const [system, sim] of Object.entries(sims)) if (typeof sim === 'object') console.log(`${system.padEnd(13)} ${sim.url}`);
  const stop = () => {
    sims.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`simulators failed to start: ${error.message}`);
  process.exit(1);
});
