import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DropFileRejected } from './dropFileRejected';
import { DELTA_EXTRA_COLUMN, EXTRACT_COLUMNS, type DropManifest } from './extractWire';

/** The header row a file of this type must start with. */
export function expectedHeader(type: DropManifest['type']): string[] {
  return type === 'DELTA' ? [DELTA_EXTRA_COLUMN, ...EXTRACT_COLUMNS] : [...EXTRACT_COLUMNS];
}

/**
 * Checks a data file's bytes against its manifest and splits it into records (column name ->
 * value), refusing the whole file at the first problem: a file cut short (no final CRLF, or a last
 * record with missing fields), a checksum or record count other than the manifest's, a header other
 * than the layout's, a record with the wrong number of fields, bytes that are not UTF-8.
 * Field values are validated by the caller (extractMapping.ts).
 */
export function decodeDropFile(manifest: DropManifest, bytes: Buffer): Array<Record<string, string>> {
  const reject = (reason: ConstructorParameters<typeof DropFileRejected>[1], detail: string) => new DropFileRejected(manifest.file, reason, detail);
  const endsWhole = bytes.length >= 2 && bytes[bytes.length - 2] === 0x0d && bytes[bytes.length - 1] === 0x0a;
  const checksum = createHash('sha256').update(bytes).digest('hex');
  if (checksum !== manifest.sha256) {
    // A cut-off transfer is the usual cause; say so when the bytes show it.
    throw endsWhole ? reject('CHECKSUM_MISMATCH', 'SHA-256 differs from the manifest') : reject('TRUNCATED', 'the file ends inside a record (and its SHA-256 differs from the manifest)');
  }
  if (!endsWhole) throw reject('TRUNCATED', 'the file does not end with CRLF');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw reject('MALFORMED', 'not UTF-8');
  }
  let records: string[][];
  try {
    records = parse(text, { record_delimiter: '\r\n', relax_column_count: false, skip_empty_lines: false, bom: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw reject('MALFORMED', `not RFC 4180 CSV${line ? ` near line ${line}` : ''}`);
  }
  const [header, ...rows] = records;
  const expected = expectedHeader(manifest.type);
  if (!header || header.length !== expected.length || header.some((name, i) => name !== expected[i])) throw reject('MALFORMED', `the header is not the ${manifest.type} layout`);
  if (rows.length !== manifest.recordCount) throw reject('COUNT_MISMATCH', `${rows.length} records, the manifest says ${manifest.recordCount}`);
  return rows.map((row) => Object.fromEntries(expected.map((name, i) => [name, row[i]])));
}
