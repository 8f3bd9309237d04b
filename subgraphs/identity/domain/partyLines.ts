/**
 * parties.jsonl: one canonical SourceParty per line (see README.md). Streamed line by line so a
 * million-record file is never held as one string; each line is checked against the canonical
 * shape, and a bad line is a MatchInputError naming the line number and fields, never content.
 *
 * The check is written out rather than a zod schema: at a million lines zod's ~20 µs a line
 * alone would take a sixth of the 120 s budget, for a shape this small and flat.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { SOURCE_SYSTEMS, type PostalAddress, type SourceParty } from '../../../adapters/canonical';
import { MatchInputError } from './matchErrors';

const SYSTEMS: ReadonlySet<string> = new Set(SOURCE_SYSTEMS);
const TEXT_FIELDS = ['givenName', 'familyName', 'rawName', 'birthDate', 'nationalId', 'changedAt'] as const;
const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'postalCode', 'country'] as const;

const isText = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';
const isTextList = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** The fields of `value` that do not fit SourceParty (empty when it fits). Missing optional fields are fine. */
export function sourcePartyIssues(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['(line)'];
  const v = value as Record<string, unknown>;
  const issues: string[] = [];
  if (typeof v.system !== 'string' || !SYSTEMS.has(v.system)) issues.push('system');
  if (typeof v.localId !== 'string' || v.localId === '') issues.push('localId');
  for (const f of TEXT_FIELDS) if (!isText(v[f])) issues.push(f);
  if (!isTextList(v.phones)) issues.push('phones');
  if (!isTextList(v.emails)) issues.push('emails');
  const a = v.address;
  if (a !== undefined && a !== null) {
    if (typeof a !== 'object' || Array.isArray(a)) issues.push('address');
    else for (const f of ADDRESS_FIELDS) if (!isText((a as Record<string, unknown>)[f])) issues.push(`address.${f}`);
  }
  return issues;
}

/** A checked value as a SourceParty with every absent optional field made null (or empty). */
function complete(v: Record<string, unknown>): SourceParty {
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  const a = v.address as Record<string, unknown> | null | undefined;
  const address: PostalAddress | null = a
    ? { line1: text(a.line1), line2: text(a.line2), city: text(a.city), postalCode: text(a.postalCode), country: text(a.country) }
    : null;
  return {
    system: v.system as SourceParty['system'],
    localId: v.localId as string,
    givenName: text(v.givenName),
    familyName: text(v.familyName),
    rawName: text(v.rawName),
    birthDate: text(v.birthDate),
    nationalId: text(v.nationalId),
    phones: (v.phones as string[] | null | undefined) ?? [],
    emails: (v.emails as string[] | null | undefined) ?? [],
    address,
    changedAt: text(v.changedAt),
  };
}

/** Parses one line; throws MatchInputError (without the line's content) when it is not a party. */
export function parsePartyLine(line: string, file?: string, lineNumber?: number): SourceParty {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new MatchInputError('line is not valid JSON', file, lineNumber);
  }
  const issues = sourcePartyIssues(value);
  if (issues.length > 0) throw new MatchInputError(`line is not a SourceParty (bad fields: ${issues.join(', ')})`, file, lineNumber);
  return complete(value as Record<string, unknown>);
}

/** A byte range of a file, `end` exclusive, starting at a line's first byte. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Streams the lines of a JSON-lines file (blank lines skipped) with their line numbers, counted
 * from the range's start. `counted.lines` ends as the number of lines read, blank ones included.
 */
export async function* readLines(file: string, range?: ByteRange, counted: { lines: number } = { lines: 0 }): AsyncIterable<{ line: string; lineNumber: number }> {
  try {
    await access(file);
  } catch {
    throw new MatchInputError('input file not found', file);
  }
  if (range && range.end <= range.start) return;
  const input = createReadStream(file, range ? { encoding: 'utf8', start: range.start, end: range.end - 1 } : { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      counted.lines++;
      if (line.trim() !== '') yield { line, lineNumber: counted.lines };
    }
  } finally {
    lines.close();
  }
}

/** The parties of a file (or of a range of it, see readLines), each line checked by parsePartyLine. */
export async function* readPartyLines(file: string, range?: ByteRange, counted?: { lines: number }): AsyncIterable<SourceParty> {
  for await (const { line, lineNumber } of readLines(file, range, counted)) yield parsePartyLine(line, file, lineNumber);
}
