import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { CHANGE_CODES, DELTA_COLUMNS, FULL_COLUMNS, dataFileName, manifestFileName, type ChangeKind, type ExtractKind } from './extractLayout';
import type { ExtractRow } from './extractRows';

/** The manifest the system writes beside each data file (PROTOCOL.md, "Manifest"). */
export interface DropManifest {
  file: string;
  type: ExtractKind;
  businessDate: string;
  recordCount: number;
  sha256: string;
}

export interface WrittenDrop {
  dataFile: string;
  manifestFile: string;
  manifest: DropManifest;
}

/** The CSV bytes of a file (RFC 4180, CRLF, a header row, every field quoted only when needed). */
export function csvBytes(columns: readonly string[], rows: ReadonlyArray<Record<string, string>>): Buffer {
  const text = stringify(
    rows.map((row) => columns.map((c) => row[c] ?? '')),
    { header: true, columns: columns.map((c) => ({ key: String(columns.indexOf(c)), header: c })), record_delimiter: 'windows' },
  );
  return Buffer.from(text, 'utf8');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes a data file and then its manifest into `folder`, each under a temporary name renamed
 * into place, as an SFTP drop does: a reader that sees the manifest sees the whole data file.
 */
export async function writeDropFiles(folder: string, dataFile: string, bytes: Buffer, manifest: DropManifest): Promise<WrittenDrop> {
  await mkdir(folder, { recursive: true });
  const dataPath = path.join(folder, dataFile);
  const manifestPath = path.join(folder, manifestFileName(dataFile));
  await writeFile(`${dataPath}.part`, bytes);
  await rename(`${dataPath}.part`, dataPath);
  await writeFile(`${manifestPath}.part`, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  await rename(`${manifestPath}.part`, manifestPath);
  return { dataFile: dataPath, manifestFile: manifestPath, manifest };
}

/** The nightly full extract of `rows` for `businessDate`. */
export function writeFullExtract(folder: string, businessDate: string, rows: readonly ExtractRow[]): Promise<WrittenDrop> {
  const bytes = csvBytes(FULL_COLUMNS, rows);
  const file = dataFileName('FULL', businessDate);
  return writeDropFiles(folder, file, bytes, { file, type: 'FULL', businessDate, recordCount: rows.length, sha256: sha256Hex(bytes) });
}

/** One change of a daily delta: the loan's rows after the change. */
export interface DeltaChange {
  kind: ChangeKind;
  rows: readonly ExtractRow[];
}

/** The daily delta file of `changes` for `businessDate`. */
export function writeDelta(folder: string, businessDate: string, changes: readonly DeltaChange[]): Promise<WrittenDrop> {
  const rows = changes.flatMap((change) => change.rows.map((row) => ({ CHANGE_CODE: CHANGE_CODES[change.kind], ...row })));
  const bytes = csvBytes(DELTA_COLUMNS, rows);
  const file = dataFileName('DELTA', businessDate);
  return writeDropFiles(folder, file, bytes, { file, type: 'DELTA', businessDate, recordCount: rows.length, sha256: sha256Hex(bytes) });
}
