/**
 * Generates a population and streams it to `<out>/*.jsonl`, person by person.
 *
 * manifest.json is removed first and written last: a directory holding a manifest holds a
 * complete dataset, which is what ensureDataset relies on.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAdvisors, advisorCountFor } from './advisors';
import { DatasetOptionsError } from './datasetErrors';
import { MAX_PERSONS } from './ids';
import { JsonLinesWriter } from './jsonLinesWriter';
import { NOISE_LEVELS, NOISE_PROFILES } from './noiseProfile';
import type { NoiseLevel } from './noiseProfile';
import { generatePersonRecords } from './personRecords';
import { DATASET_FILES } from './records';
import type { DatasetManifest } from './records';
import { AS_OF } from './timeline';

/** Bumped whenever the same options would produce different bytes, so caches regenerate. */
export const GENERATOR_VERSION = 5;

export interface DatasetOptions {
  seed: number;
  persons: number;
  noise: NoiseLevel;
}

export interface WriteDatasetOptions extends DatasetOptions {
  out: string;
}

export const DEFAULT_DATASET_OPTIONS: DatasetOptions & { out: string } = {
  seed: 42,
  persons: 2000,
  noise: 'default',
  out: 'data/dataset',
};

export function validateDatasetOptions(options: DatasetOptions): void {
  if (!Number.isSafeInteger(options.seed)) throw new DatasetOptionsError('seed must be an integer');
  if (!Number.isSafeInteger(options.persons) || options.persons < 1 || options.persons > MAX_PERSONS) {
    throw new DatasetOptionsError(`persons must be an integer between 1 and ${MAX_PERSONS}`);
  }
  if (!NOISE_LEVELS.includes(options.noise)) throw new DatasetOptionsError(`noise must be one of ${NOISE_LEVELS.join(', ')}`);
}

export async function writeDataset(options: WriteDatasetOptions): Promise<DatasetManifest> {
  validateDatasetOptions(options);
  const { seed, persons, noise, out } = options;
  await mkdir(out, { recursive: true });
  await rm(join(out, DATASET_FILES.manifest), { force: true });

  const files = {
    truth: new JsonLinesWriter(join(out, DATASET_FILES.truth)),
    coreBanking: new JsonLinesWriter(join(out, DATASET_FILES.coreBanking)),
    cards: new JsonLinesWriter(join(out, DATASET_FILES.cards)),
    erp: new JsonLinesWriter(join(out, DATASET_FILES.erp)),
    callCenter: new JsonLinesWriter(join(out, DATASET_FILES.callCenter)),
    mortgages: new JsonLinesWriter(join(out, DATASET_FILES.mortgages)),
    advisors: new JsonLinesWriter(join(out, DATASET_FILES.advisors)),
  };
  const all = Object.values(files);
  let failure: { error: unknown } | null = null;
  try {
    const advisorCount = advisorCountFor(persons);
    for (const advisor of generateAdvisors(seed, advisorCount)) {
      files.advisors.write(advisor);
      if (files.advisors.mustWait) await files.advisors.ready();
    }

    const ctx = { seed, profile: NOISE_PROFILES[noise], advisorCount, persons };
    for (let i = 0; i < persons; i++) {
      const records = generatePersonRecords(i, ctx);
      files.truth.write(records.truth);
      for (const r of records.coreBanking) files.coreBanking.write(r);
      for (const r of records.cards) files.cards.write(r);
      for (const r of records.erp) files.erp.write(r);
      for (const r of records.callCenter) files.callCenter.write(r);
      for (const r of records.mortgages) files.mortgages.write(r);
      // Awaiting only when a stream pushed back keeps the hot loop free of promises.
      for (const w of all) if (w.mustWait) await w.ready();
    }
  } catch (error) {
    failure = { error };
  }
  // Close every file whatever happened, then report the first failure.
  const closed = await Promise.allSettled(all.map((w) => w.close()));
  if (failure) throw failure.error;
  const failedClose = closed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failedClose) throw failedClose.reason;

  const manifest: DatasetManifest = {
    seed,
    persons,
    noise,
    counts: {
      truth: files.truth.lines,
      coreBanking: files.coreBanking.lines,
      cards: files.cards.lines,
      erp: files.erp.lines,
      callCenter: files.callCenter.lines,
      mortgages: files.mortgages.lines,
      advisors: files.advisors.lines,
    },
    asOf: AS_OF,
    generatorVersion: GENERATOR_VERSION,
  };
  await writeFile(join(out, DATASET_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return manifest;
}
