/**
 * Reads a whole dataset directory into memory (for the simulators, tests and `npm start`,
 * which serve populations of a few thousand persons; use readJsonLines for the big ones).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetFormatError, DatasetMissingError } from './datasetErrors';
import { NOISE_LEVELS } from './noiseProfile';
import { readJsonLines } from './readJsonLines';
import { DATASET_FILES } from './records';
import type {
  AdvisorRecord,
  BusinessPartnerRecord,
  CardholderRecord,
  ContactRecord,
  CoreBankingCustomerRecord,
  MortgageBorrowerRecord,
  DatasetManifest,
  TruePerson,
} from './records';

export interface Dataset {
  manifest: DatasetManifest;
  truth: TruePerson[];
  coreBanking: CoreBankingCustomerRecord[];
  cards: CardholderRecord[];
  erp: BusinessPartnerRecord[];
  callCenter: ContactRecord[];
  mortgages: MortgageBorrowerRecord[];
  advisors: AdvisorRecord[];
}

/** Reads and checks manifest.json; null when the directory has none. */
export async function readManifest(dir: string): Promise<DatasetManifest | null> {
  const file = join(dir, DATASET_FILES.manifest);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DatasetFormatError('manifest is not valid JSON', file);
  }
  const m = value as Partial<DatasetManifest> | null;
  if (
    m === null ||
    typeof m !== 'object' ||
    typeof m.seed !== 'number' ||
    typeof m.persons !== 'number' ||
    !NOISE_LEVELS.includes(m.noise as DatasetManifest['noise']) ||
    typeof m.asOf !== 'string' ||
    typeof m.counts !== 'object' ||
    m.counts === null
  ) {
    throw new DatasetFormatError('manifest lacks seed, persons, noise, counts or asOf', file);
  }
  return m as DatasetManifest;
}

async function readAll<T>(file: string): Promise<T[]> {
  const out: T[] = [];
  for await (const record of readJsonLines<T>(file)) out.push(record);
  return out;
}

export async function loadDataset(dir: string): Promise<Dataset> {
  const manifest = await readManifest(dir);
  if (manifest === null) throw new DatasetMissingError(join(dir, DATASET_FILES.manifest));
  const [truth, coreBanking, cards, erp, callCenter, mortgages, advisors] = await Promise.all([
    readAll<TruePerson>(join(dir, DATASET_FILES.truth)),
    readAll<CoreBankingCustomerRecord>(join(dir, DATASET_FILES.coreBanking)),
    readAll<CardholderRecord>(join(dir, DATASET_FILES.cards)),
    readAll<BusinessPartnerRecord>(join(dir, DATASET_FILES.erp)),
    readAll<ContactRecord>(join(dir, DATASET_FILES.callCenter)),
    readAll<MortgageBorrowerRecord>(join(dir, DATASET_FILES.mortgages)),
    readAll<AdvisorRecord>(join(dir, DATASET_FILES.advisors)),
  ]);
  return { manifest, truth, coreBanking, cards, erp, callCenter, mortgages, advisors };
}
