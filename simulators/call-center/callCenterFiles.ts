import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DATASET_FILES, type AdvisorRecord, type ContactRecord } from '../dataset/records';
import type { CallCenterRecords } from './callCenterSimulator';

export class CallCenterFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallCenterFileError';
  }
}

/** Reads one JSONL file line by line; errors name the file and line, never the content (customer data). */
async function readJsonl<T>(file: string, isRecord: (value: unknown) => boolean): Promise<T[]> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const records: T[] = [];
  let lineNumber = 0;
  const name = path.basename(file);
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new CallCenterFileError(`${name} line ${lineNumber} is not JSON`);
      }
      if (!isRecord(value)) throw new CallCenterFileError(`${name} line ${lineNumber} is not the expected record`);
      records.push(value as T);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return records;
}

const isContact = (v: unknown): boolean => {
  const r = v as Partial<ContactRecord> | null;
  return !!r && typeof r.contactId === 'string' && typeof r.phone === 'string' && Array.isArray(r.interactions) && Array.isArray(r.cases);
};
const isAdvisor = (v: unknown): boolean => {
  const r = v as Partial<AdvisorRecord> | null;
  return !!r && typeof r.advisorId === 'string' && typeof r.name === 'string' && Array.isArray(r.slots);
};

/** Loads `call-center.jsonl` and `advisors.jsonl` from a dataset directory (the by-id indexes need them in memory). */
export async function loadCallCenterRecords(datasetDir: string): Promise<CallCenterRecords> {
  const [contacts, advisors] = await Promise.all([
    readJsonl<ContactRecord>(path.join(datasetDir, DATASET_FILES.callCenter), isContact),
    readJsonl<AdvisorRecord>(path.join(datasetDir, DATASET_FILES.advisors), isAdvisor),
  ]);
  return { contacts, advisors };
}
