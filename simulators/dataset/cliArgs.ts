/**
 * The command line of `npm run dataset -- --seed N --persons N --out DIR [--noise default|harsh]`
 * (commander: `--help` prints the options and writes nothing).
 */
import { Command, CommanderError, Option } from 'commander';
import { DatasetOptionsError } from './datasetErrors';
import { MAX_PERSONS } from './ids';
import { NOISE_LEVELS, type NoiseLevel } from './noiseProfile';
import { DEFAULT_DATASET_OPTIONS, validateDatasetOptions } from './writeDataset';
import type { WriteDatasetOptions } from './writeDataset';

export function datasetCommand(): Command {
  const defaults = DEFAULT_DATASET_OPTIONS;
  return new Command('npm run dataset --')
    .description('Write a seeded population of the four legacy systems (and the truth of who is who) to a directory.')
    .option('--seed <integer>', 'random seed: the same seed writes the same population', String(defaults.seed))
    .option('--persons <integer>', `how many persons, 1 to ${MAX_PERSONS}`, String(defaults.persons))
    .option('--out <dir>', 'the directory to write', defaults.out)
    .addOption(new Option('--noise <level>', 'how dirty the records are').choices([...NOISE_LEVELS]).default(defaults.noise))
    .showHelpAfterError();
}

/** The options a command line asks for; a bad value is a DatasetOptionsError naming it. */
export function parseCliArgs(argv: readonly string[]): WriteDatasetOptions {
  const command = datasetCommand()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new DatasetOptionsError(error.message);
    throw error;
  }
  return datasetOptions(command.opts());
}

/** Commander's raw values -> validated options. */
export function datasetOptions(values: { seed: string; persons: string; out: string; noise: string }): WriteDatasetOptions {
  if (values.out.trim() === '') throw new DatasetOptionsError('--out must name a directory');
  const options: WriteDatasetOptions = {
    seed: integerOption('seed', values.seed),
    persons: integerOption('persons', values.persons),
    noise: values.noise as NoiseLevel,
    out: values.out,
  };
  validateDatasetOptions(options);
  return options;
}

function integerOption(name: string, raw: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new DatasetOptionsError(`--${name} must be an integer`);
  return Number(raw);
}
