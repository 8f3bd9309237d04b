import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CardholderRecord } from '../dataset/records';

export class CardholderFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CardholderFileError';
  }
}

/**
 * Reads `cards.jsonl` line by line. Constant memory and natural backpressure: the next line
 * is read only when the consumer asks for the next record, so a million-person file can back
 * the bulk extract. Returning early (a consumer's `break`) closes the file: the extract pager
 * abandons read sessions, so the read stream is destroyed explicitly (closing readline alone
 * leaves the file descriptor open, which is why this does not reuse dataset/readJsonLines).
 */
export async function* readCardholderFile(path: string): AsyncGenerator<CardholderRecord> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      yield parseCardholderLine(line, lineNumber);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** Loads the whole file (the by-id indexes need it in memory anyway). */
export async function loadCardholderFile(path: string): Promise<CardholderRecord[]> {
  const records: CardholderRecord[] = [];
  for await (const record of readCardholderFile(path)) records.push(record);
  return records;
}

/** One line; the error names the line, never its content (it is customer data). */
function parseCardholderLine(line: string, lineNumber: number): CardholderRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CardholderFileError(`cards file line ${lineNumber} is not JSON`);
  }
  const record = value as Partial<CardholderRecord> | null;
  if (!record || typeof record.cardholderId !== 'string' || !Array.isArray(record.cards)) {
    throw new CardholderFileError(`cards file line ${lineNumber} is not a cardholder record`);
  }
  return record as CardholderRecord;
}
