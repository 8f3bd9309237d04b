import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DropFileRejected, type RejectionReason } from './dropFileRejected';
import { decodeDropFile } from './extractCodec';
import { mapDropRecords } from './extractMapping';
import { manifestSchema, type DropManifest } from './extractWire';
import type { FileOutcome, MortgageStore } from './mortgageStore';

/** What became of one file of the drop folder in one ingest run (file names and counts only: no customer data). */
export interface IngestedFile {
  file: string;
  /** WAITING: a delta held back until a full extract has been applied (looked at again next pass). */
  outcome: FileOutcome | 'ALREADY_SEEN' | 'WAITING';
  reason?: RejectionReason;
  records?: number;
  /** For a rejection: false when an earlier pass already refused these very bytes (report it once). */
  firstReport?: boolean;
  /** How long checking (and applying) the file took. */
  durationMs?: number;
}

const MANIFEST = /^MORTGAGES_(FULL|DELTA)_(\d{8})\.csv\.manifest$/;

/** The manifests in the folder, oldest business date first and, on one date, the full extract before the delta. */
async function manifestsIn(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => MANIFEST.test(name));
  const key = (name: string) => {
    const [, type, date] = MANIFEST.exec(name)!;
    return `${date}-${type === 'FULL' ? 0 : 1}`;
  };
  return names.sort((a, b) => key(a).localeCompare(key(b)));
}

async function readManifest(folder: string, name: string): Promise<DropManifest | DropFileRejected> {
  const dataFile = name.slice(0, -'.manifest'.length);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
  } catch {
    return new DropFileRejected(dataFile, 'MANIFEST_INVALID', 'the manifest is not JSON');
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) return new DropFileRejected(dataFile, 'MANIFEST_INVALID', `the manifest lacks or misstates ${parsed.error.issues[0]?.path.join('.') || 'a field'}`);
  const manifest = parsed.data;
  const [, type, date] = MANIFEST.exec(name)!;
  if (manifest.file !== dataFile || manifest.type !== type || manifest.businessDate.replaceAll('-', '') !== date) {
    return new DropFileRejected(dataFile, 'NAME_MISMATCH', 'the manifest names another file, type or business date');
  }
  return manifest;
}

/**
 * One pass over the drop folder: every data file with a manifest (the manifest is written last,
 * so its presence means the transfer ended) that the store has not seen with these bytes is
 * checked whole and then applied in one transaction, or refused whole and recorded. A refused
 * file changes nothing: the data served stays what the earlier files made it. Files without a
 * manifest are not looked at yet.
 */
export async function ingestDropFolder(folder: string, store: MortgageStore): Promise<IngestedFile[]> {
  const results: IngestedFile[] = [];
  for (const name of await manifestsIn(folder)) {
    const manifest = await readManifest(folder, name);
    if (manifest instanceof DropFileRejected) {
      // Without a valid manifest there is no checksum to remember it by: it is reported on every pass until fixed.
      results.push({ file: manifest.file, outcome: 'REJECTED', reason: manifest.reason, firstReport: true });
      continue;
    }
    const status = await store.fileStatus(manifest);
    // A refused file is checked again on every pass: a re-delivered data file may now match its manifest.
    if (status.outcome === 'APPLIED' || status.outcome === 'SUPERSEDED') {
      results.push({ file: manifest.file, outcome: 'ALREADY_SEEN' });
      continue;
    }
    const started = performance.now();
    try {
      if (manifest.type === 'DELTA' && !(await store.hasAppliedFull())) {
        results.push({ file: manifest.file, outcome: 'WAITING' });
        continue;
      }
      if (status.appliedWithOtherBytes) throw new DropFileRejected(manifest.file, 'CONFLICTS_WITH_APPLIED', 'a file of this name was applied with other contents');
      let bytes: Buffer;
      try {
        bytes = await readFile(path.join(folder, manifest.file));
      } catch {
        throw new DropFileRejected(manifest.file, 'TRUNCATED', 'the data file named by the manifest is missing');
      }
      const content = mapDropRecords(manifest, decodeDropFile(manifest, bytes));
      const outcome = await store.apply(manifest, content);
      results.push({ file: manifest.file, outcome, records: manifest.recordCount, durationMs: performance.now() - started });
    } catch (error) {
      if (!(error instanceof DropFileRejected)) throw error;
      if (status.outcome !== 'REJECTED') await store.recordRejection(manifest, error.reason);
      results.push({ file: manifest.file, outcome: 'REJECTED', reason: error.reason, firstReport: status.outcome !== 'REJECTED', durationMs: performance.now() - started });
    }
  }
  return results;
}
