/**
 * Whether console/dist is up to date: a fingerprint of everything the last build read (the
 * project files esbuild bundled, the HTML and icons, the build script, and package-lock.json
 * standing for every dependency in node_modules), stored beside the output. `npm start` and
 * `npm test` rebuild only when one of those changed (or the output is gone).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FINGERPRINT_FILE = '.build-fingerprint.json';

/** Relative path (from `root`) -> sha256 of its content. */
export type Fingerprint = Record<string, string>;

export function fingerprintOf(root: string, files: readonly string[]): Fingerprint {
  const fingerprint: Fingerprint = {};
  for (const file of [...new Set(files)].sort()) fingerprint[file] = hashOf(join(root, file));
  return fingerprint;
}

export function writeFingerprint(outdir: string, fingerprint: Fingerprint): void {
  writeFileSync(join(outdir, FINGERPRINT_FILE), `${JSON.stringify(fingerprint, null, 1)}\n`);
}

/**
 * True when `outdir` holds a build whose every input still has the content it was built from.
 * Anything unreadable (no fingerprint, a file gone, bad JSON) means "build again".
 */
export function isUpToDate(outdir: string, root: string): boolean {
  let stored: Fingerprint;
  try {
    stored = JSON.parse(readFileSync(join(outdir, FINGERPRINT_FILE), 'utf8')) as Fingerprint;
  } catch {
    return false;
  }
  const files = Object.keys(stored);
  if (files.length === 0) return false;
  return files.every((file) => existsSync(join(root, file)) && hashOf(join(root, file)) === stored[file]);
}

function hashOf(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
