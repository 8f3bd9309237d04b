import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { DatabaseOptions } from '../../db/database';

/** Where the audit spool files live when AUDIT_SPOOL_DIR is not set (relative to the working directory). */
export const DEFAULT_AUDIT_SPOOL_DIR = 'data/audit-spool';

/**
 * The directory the audit spool of a process writing to `store` uses.
 *
 * Set, AUDIT_SPOOL_DIR is taken as given: the operator keeps one per store (docs/security.md).
 * Unset, the default is a folder per store under data/audit-spool, named by a digest of where the
 * store is (the server's URL without its password, or the embedded directory). Why: a process
 * adopts the spool files that dead processes left in its spool directory and replays them into
 * its own store, and on one checkout several stores share data/ (`npm start` on data/pglite, a
 * benchmark, a test stack on a database of its own). With one shared folder, events spooled for
 * one store were replayed into another: recorded in the wrong trail and missing from theirs.
 * An in-memory store dies with its process, so its folder is the process's own (nobody adopts it).
 */
export function auditSpoolDir(store: DatabaseOptions, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const set = env.AUDIT_SPOOL_DIR?.trim();
  if (set) return resolve(cwd, set);
  return resolve(cwd, DEFAULT_AUDIT_SPOOL_DIR, `store-${createHash('sha256').update(storeLocation(store, cwd)).digest('hex').slice(0, 16)}`);
}

/** Where a store is, as one string: what tells two stores apart (never a password). */
function storeLocation(store: DatabaseOptions, cwd: string): string {
  if (store.url) {
    const url = new URL(store.url);
    url.password = '';
    return `server:${url.toString()}`;
  }
  const dir = store.dataDir ?? 'memory://';
  if (dir === 'memory://') return `memory:${process.pid}:${process.hrtime.bigint()}`;
  return `embedded:${resolve(cwd, dir)}`;
}
