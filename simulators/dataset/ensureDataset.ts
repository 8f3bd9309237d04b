/**
 * Loads the dataset in `dir`, generating it first when the directory does not already hold one
 * made with the same seed, size, noise level and generator version (so `npm start` and the
 * simulators share one population without regenerating it on every run).
 */
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { loadDataset, readManifest } from './loadDataset';
import type { Dataset } from './loadDataset';
import { DEFAULT_DATASET_OPTIONS, GENERATOR_VERSION, validateDatasetOptions, writeDataset } from './writeDataset';
import type { DatasetOptions } from './writeDataset';
import { DatasetFormatError } from './datasetErrors';

export async function ensureDataset(dir: string, options: Partial<DatasetOptions> = {}): Promise<Dataset> {
  const wanted: DatasetOptions = {
    seed: options.seed ?? DEFAULT_DATASET_OPTIONS.seed,
    persons: options.persons ?? DEFAULT_DATASET_OPTIONS.persons,
    noise: options.noise ?? DEFAULT_DATASET_OPTIONS.noise,
  };
  validateDatasetOptions(wanted);
  if (!(await holds(dir, wanted))) {
    // Generated beside the target and renamed into place, so a process that reads the directory
    // (another test worker, another checkout's suite) never sees half a population.
    const staging = `${dir}.staging-${process.pid}-${randomUUID().slice(0, 8)}`;
    try {
      await writeDataset({ ...wanted, out: staging });
      // Someone else may have finished the same population meanwhile: theirs is as good as ours.
      if (!(await holds(dir, wanted))) {
        await rm(dir, { recursive: true, force: true });
        await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
          if (!(await holds(dir, wanted))) throw error;
        });
      }
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return loadDataset(dir);
}

/** Whether `dir` already holds the population `wanted` describes, made by this generator version. */
async function holds(dir: string, wanted: DatasetOptions): Promise<boolean> {
  let existing = null;
  try {
    existing = await readManifest(dir);
  } catch (error) {
    // A corrupt manifest means an unusable directory: regenerate over it.
    if (!(error instanceof DatasetFormatError)) throw error;
  }
  return (
    existing !== null &&
    existing.seed === wanted.seed &&
    existing.persons === wanted.persons &&
    existing.noise === wanted.noise &&
    existing.generatorVersion === GENERATOR_VERSION
  );
}
