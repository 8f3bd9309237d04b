/**
 * `npm run dataset`: writes a seeded population to a directory and prints what it wrote
 * (counts only: no customer data on the console). `--help` lists the options.
 */
import { datasetCommand, datasetOptions } from './cliArgs';
import { DatasetOptionsError } from './datasetErrors';
import { writeDataset } from './writeDataset';

async function main(): Promise<number> {
  const command = datasetCommand().parse();
  let options;
  try {
    options = datasetOptions(command.opts());
  } catch (error) {
    if (error instanceof DatasetOptionsError) {
      console.error(`${error.message}\n`);
      command.outputHelp({ error: true });
      return 2;
    }
    throw error;
  }
  // Elapsed time is reported only; it never reaches the generated data.
  const started = process.hrtime.bigint();
  const manifest = await writeDataset(options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `dataset written to ${options.out} (seed ${manifest.seed}, ${manifest.persons} persons, noise ${manifest.noise}, asOf ${manifest.asOf}) in ${seconds.toFixed(1)} s`,
  );
  for (const [file, count] of Object.entries(manifest.counts)) console.log(`  ${file}: ${count} records`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`dataset generation failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
