/**
 * Parses `npm run dataset -- --seed N --persons N --out DIR [--noise default|harsh]`.
 */
import { parseArgs } from 'node:util';
import { DatasetOptionsError } from './datasetErrors';
import type { NoiseLevel } from './noiseProfile';
import { DEFAULT_DATASET_OPTIONS, validateDatasetOptions } from './writeDataset';
import type { WriteDatasetOptions } from './writeDataset';

export const USAGE = 'usage: npm run dataset -- [--seed 42] [--persons 2000] [--out data/dataset] [--noise default|harsh]';

function integerOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new DatasetOptionsError(`--${name} must be an integer`);
  return Number(raw);
}

export function parseCliArgs(argv: readonly string[]): WriteDatasetOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        seed: { type: 'string' },
        persons: { type: 'string' },
        out: { type: 'string' },
        noise: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DatasetOptionsError((error as Error).message);
  }
  const out = typeof values.out === 'string' ? values.out : DEFAULT_DATASET_OPTIONS.out;
  if (out.trim() === '') throw new DatasetOptionsError('--out must name a directory');
  const options: WriteDatasetOptions = {
    seed: integerOption('seed', values.seed as string | undefined, DEFAULT_DATASET_OPTIONS.seed),
    persons: integerOption('persons', values.persons as string | undefined, DEFAULT_DATASET_OPTIONS.persons),
    noise: ((values.noise as string | undefined) ?? DEFAULT_DATASET_OPTIONS.noise) as NoiseLevel,
    out,
  };
  validateDatasetOptions(options);
  return options;
}
