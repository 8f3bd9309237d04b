import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../database';

/** The server the end-to-end tests use (`.ci/run` starts it when it does not answer). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** `postgres://.../uv_test_<random>`: a database of its own, dropped by `drop()`. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, with a random name (one per test run). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `uv_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_SERVER_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The database kinds a store's unit tests run on: embedded PGlite (in memory) and the server. */
export const DATABASE_KINDS = ['embedded', 'server'] as const;

// One migrated in-memory database per test file (jest gives each file its own modules), dumped
// once: every later embedded test database is a copy of it, which skips PGlite's initdb (~2 s of
// CPU of the ~2.5 s an embedded open costs). The first open of a file is the real path: an empty
// cluster, then the migrations.
let migratedTemplate: Blob | undefined;

async function openFromTemplate(): Promise<Database> {
  // Migrations still run on a copy (a no-op): it is checked to be at the latest one.
  if (migratedTemplate) return openDatabase({ dataDir: 'memory://', loadDataDir: migratedTemplate });
  const first = await openDatabase({ dataDir: 'memory://' });
  try {
    if (!first.dumpDataDir) throw new Error('an embedded database is expected to dump its data directory');
    migratedTemplate = await first.dumpDataDir();
  } catch (error) {
    await first.close();
    throw error;
  }
  return first;
}

/** Opens a migrated database of that kind; `cleanup` closes it and drops the server database. */
export async function openTestDatabase(kind: (typeof DATABASE_KINDS)[number]): Promise<{ database: Database; url: string | null; cleanup(): Promise<void> }> {
  if (kind === 'embedded') {
    const database = await openFromTemplate();
    return { database, url: null, cleanup: () => database.close() };
  }
  const created = await createTestDatabase();
  const database = await openDatabase({ url: created.url, poolSize: 4 });
  return {
    database,
    url: created.url,
    async cleanup() {
      await database.close();
      await created.drop();
    },
  };
}
