/**
 * parties.jsonl: one canonical SourceParty per line (see README.md). Streamed line by line so a
 * million-record file is never held as one string; each line is checked against the canonical
 * shape with zod, and a bad line is a MatchInputError naming the line number only.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { SOURCE_SYSTEMS, type SourceParty } from '../../../adapters/canonical';
import { MatchInputError } from './matchErrors';

const text = z.string().nullable();

const sourcePartySchema = z.object({
  system: z.enum(SOURCE_SYSTEMS),
  localId: z.string().min(1),
  givenName: text.optional().default(null),
  familyName: text.optional().default(null),
  rawName: text.optional().default(null),
  birthDate: text.optional().default(null),
  nationalId: text.optional().default(null),
  phones: z.array(z.string()).optional().default([]),
  emails: z.array(z.string()).optional().default([]),
  address: z
    .object({
      line1: text.optional().default(null),
      line2: text.optional().default(null),
      city: text.optional().default(null),
      postalCode: text.optional().default(null),
      country: text.optional().default(null),
    })
    .nullable()
    .optional()
    .default(null),
  changedAt: text.optional().default(null),
});

/** Parses one line; throws MatchInputError (without the line's content) when it is not a party. */
export function parsePartyLine(line: string, file?: string, lineNumber?: number): SourceParty {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new MatchInputError('line is not valid JSON', file, lineNumber);
  }
  const parsed = sourcePartySchema.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(line)'))].join(', ');
    throw new MatchInputError(`line is not a SourceParty (bad fields: ${fields})`, file, lineNumber);
  }
  return parsed.data as SourceParty;
}

/** Streams the lines of a JSON-lines file (blank lines skipped) with their line numbers. */
export async function* readLines(file: string): AsyncIterable<{ line: string; lineNumber: number }> {
  try {
    await access(file);
  } catch {
    throw new MatchInputError('input file not found', file);
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() !== '') yield { line, lineNumber };
    }
  } finally {
    lines.close();
  }
}

export async function* readPartyLines(file: string): AsyncIterable<SourceParty> {
  for await (const { line, lineNumber } of readLines(file)) yield parsePartyLine(line, file, lineNumber);
}
