import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { claimEmbeddedDirectory } from './embeddedDirectoryLock';
import { migrateToLatest } from './migrate';
import { pgliteDialect } from './pgliteDialect';
import type { PgliteWireCodec } from './pglitePreparedStatements';
import type { Schema } from './schema';

/** A session lock held for as long as this process wants it (or until its connection dies). */
export interface SessionLock {
  /** Settles when the lock is lost (connection gone) or released. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/** The store of record: PostgreSQL (a server) or PGlite (embedded), behind one Kysely. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly kind: 'server' | 'embedded';
  /**
   * Tries to take the session-level advisory lock `key` on a connection of its own; null when
   * another session holds it. Embedded: one process owns the database, so it always succeeds.
   */
  tryLock(key: number): Promise<SessionLock | null>;
  /**
   * Embedded only: the whole data directory as PGlite's uncompressed tarball, to be opened again
   * with `loadDataDir` (a copy of this database as it is now).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://...`: a PostgreSQL server. Absent: embedded PGlite in `dataDir`. */
  url?: string;
  /** PGlite's directory (`memory://` for a throwaway in-memory database). */
  dataDir?: string;
  /** Server connections in the pool (default 10). */
  poolSize?: number;
  /** Apply db/migrations on open (default true). */
  migrate?: boolean;
  /**
   * In-memory PGlite only (`memory://`): start from this dumped data directory (`dumpDataDir`)
   * instead of an empty cluster. Skips PGlite's initdb, which is most of an embedded open (~2 s of CPU): the tests
   * open a throwaway database per test from one migrated copy.
   */
  loadDataDir?: Blob;
}

export class DatabaseConfigError extends Error {
  override readonly name = 'DatabaseConfigError';
}

export const DEFAULT_EMBEDDED_DIR = 'data/pglite';

/**
 * `DATABASE_URL` (a PostgreSQL server) or, when absent, embedded PGlite persisted in
 * `PGLITE_DIR` (default data/pglite, relative to the working directory).
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  const poolSize = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined;
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1)) throw new DatabaseConfigError('DATABASE_POOL_SIZE must be a positive integer');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new DatabaseConfigError('DATABASE_URL must start with postgres:// or postgresql://');
    return { url, poolSize };
  }
  const dir = env.PGLITE_DIR?.trim() || DEFAULT_EMBEDDED_DIR;
  return { dataDir: dir === 'memory://' ? dir : path.resolve(cwd, dir) };
}

// int8 (bigint ids, counts) as JavaScript numbers: ids stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // Loading into a directory that already holds a cluster would be ignored by PGlite, silently.
  if (options.loadDataDir && (options.url || (options.dataDir ?? 'memory://') !== 'memory://')) throw new DatabaseConfigError('loadDataDir opens an in-memory copy only (dataDir memory://)');
  const database = options.url ? openServer(options.url, options.poolSize ?? 10) : await openEmbedded(options.dataDir ?? 'memory://', options.loadDataDir);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db as Kysely<unknown>);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/**
 * Settings of every pooled session. JIT compilation off: the store's statements are short
 * lookups and writes by key, and a server compiles a statement whose estimated cost passes
 * `jit_above_cost` anew on every execution. At a million persons a change's read of its region's
 * blocks (602 keys, an index range each) was estimated at 162,000 and compiled 7 functions on
 * every change; a region four times larger would pass `jit_optimize_above_cost` and
 * `jit_inline_above_cost` too, where compiling costs hundreds of milliseconds. (The latencies
 * measured with and without it did not differ beyond the machine's noise: BENCHMARKS.md.)
 * A `DATABASE_URL` with its own `options` parameter replaces these (pg reads the URL last).
 */
const SESSION_OPTIONS = '-c jit=off';

function openServer(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: SESSION_OPTIONS });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const locks = new Set<SessionLock>();
  return {
    db,
    kind: 'server',
    async tryLock(key) {
      const client = new pg.Client({ connectionString: url });
      let lose!: () => void;
      const lost = new Promise<void>((resolve) => (lose = resolve));
      client.on('error', () => lose());
      client.on('end', () => lose());
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key]);
      if (!rows[0]?.locked) {
        await client.end().catch(() => undefined);
        return null;
      }
      const lock: SessionLock = {
        lost,
        async release() {
          locks.delete(lock);
          // Closing the session releases every lock it holds.
          await client.end().catch(() => undefined);
          lose();
        },
      };
      locks.add(lock);
      return lock;
    },
    async close() {
      for (const lock of [...locks]) await lock.release();
      await db.destroy();
    },
  };
}

async function openEmbedded(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
  let releaseDirectory = () => undefined as void;
  if (dataDir !== 'memory://') {
    fs.mkdirSync(dataDir, { recursive: true });
    // PGlite is one process's database: a second process opening the same files would corrupt them.
    releaseDirectory = claimEmbeddedDirectory(dataDir);
  }
  const pglite = loadPglite();
  let client: PGlite;
  try {
    client = await pglite.PGlite.create({ dataDir: dataDir === 'memory://' ? undefined : dataDir, loadDataDir });
  } catch (error) {
    releaseDirectory();
    throw error;
  }
  const db = new Kysely<Schema>({ dialect: pgliteDialect(client, pgliteWireCodec(pglite)) });
  await sql`select 1`.execute(db);
  return {
    db,
    kind: 'embedded',
    async tryLock() {
      let release!: () => void;
      const lost = new Promise<void>((resolve) => (release = resolve));
      return { lost, release: async () => release() };
    },
    async dumpDataDir() {
      // PGlite's File is a Blob; 'none': a tarball that loads without decompressing.
      return client.dumpDataDir('none');
    },
    async close() {
      await db.destroy();
      releaseDirectory();
    },
  };
}

/**
 * PGlite through Node's own loader: its CommonJS build imports Node built-ins with a dynamic
 * `import()`, which a test runner's module sandbox (jest's vm) cannot serve.
 */
export function loadPglite(): typeof import('@electric-sql/pglite') {
  // `process.getBuiltinModule` reaches Node's real loader even inside jest's sandbox.
  const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
  const nodeRequire = createRequire(__filename);
  return nodeRequire('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
}

/** The protocol serializer and result parser of a loaded PGlite module (pglitePreparedStatements.ts). */
export function pgliteWireCodec(pglite: typeof import('@electric-sql/pglite')): PgliteWireCodec {
  return { serialize: pglite.protocol.serialize, parseResults: pglite.parse.parseResults };
}

export async function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  return openDatabase(databaseOptionsFromEnv(env));
}
