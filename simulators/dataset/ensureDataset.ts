/**
 * Loads the dataset in `dir`, generating it first when the directory does not already hold one
 * made with the same seed, size, noise level and generator version (so `npm start` and the
 * simulators share one population without regenerating it on every run).
 */
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
  let existing = null;
  try {
    existing = await readManifest(dir);
  } catch (error) {
    // A corrupt manifest means an unusable directory: regenerate over it.
    if (!(error instanceof DatasetFormatError)) throw error;
  }
  const upToDate =
    existing !== null &&
    existing.seed === wanted.seed &&
    existing.persons === wanted.persons &&
    existing.noise === wanted.noise &&
    existing.generatorVersion === GENERATOR_VERSION;
  if (!upToDate) await writeDataset({ ...wanted, out: dir });
  return loadDataset(dir);
}
