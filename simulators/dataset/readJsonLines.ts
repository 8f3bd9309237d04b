/**
 * Streams the records of a JSON-lines file one at a time (the 1M-person files do not fit
 * comfortably in memory as one string). Blank lines are skipped; a line that is not JSON is a
 * DatasetFormatError naming the file and line number, never the line's content.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DatasetFormatError, DatasetMissingError } from './datasetErrors';

export async function* readJsonLines<T>(file: string): AsyncIterable<T> {
  try {
    await access(file);
  } catch {
    throw new DatasetMissingError(file);
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new DatasetFormatError('line is not valid JSON', file, lineNumber);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new DatasetFormatError('line is not a JSON object', file, lineNumber);
      }
      yield value as T;
    }
  } finally {
    lines.close();
  }
}
