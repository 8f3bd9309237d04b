import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `npm start` keeps its development signing secret (data/ is gitignored). */
export const DEV_SECRET_PATH = join(__dirname, '..', '..', 'data', 'dev-auth-secret');

/**
 * The development HS256 secret: read from `path`, or generated once (32 random bytes) and
 * written there with owner-only permissions, so `npm run token` mints tokens the running dev
 * server accepts across restarts. Never used in production (authConfig refuses).
 */
export function loadOrCreateDevSecret(path: string = DEV_SECRET_PATH): string {
  const existing = readSecret(path);
  if (existing) return existing;
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx': two processes starting at once must not overwrite each other's secret.
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSecret(path);
  if (!created) throw new Error(`could not create the development auth secret at ${path}`);
  return created;
}

/** The secret in `path`, or undefined when the file is missing or empty. */
export function readSecret(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
