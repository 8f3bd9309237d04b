/** The dataset module's public API: generate, load and stream the seeded population. */
export { writeDataset, DEFAULT_DATASET_OPTIONS, GENERATOR_VERSION } from './writeDataset';
export type { DatasetOptions, WriteDatasetOptions } from './writeDataset';
export { loadDataset, readManifest } from './loadDataset';
export type { Dataset } from './loadDataset';
export { ensureDataset } from './ensureDataset';
export { readJsonLines } from './readJsonLines';
export { DatasetFormatError, DatasetMissingError, DatasetOptionsError } from './datasetErrors';
export { NICKNAMES, nicknamesOf } from './nicknames';
export { NOISE_PROFILES, COVERAGE } from './noiseProfile';
export type { NoiseLevel, NoiseProfile } from './noiseProfile';
export { AS_OF } from './timeline';
export * from './records';
