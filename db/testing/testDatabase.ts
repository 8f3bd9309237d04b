import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

// Every embedded test database is a copy of one migrated in-memory database (PGlite's
// dumpDataDir / loadDataDir), which skips PGlite's initdb: a copy opens in ~0.6 s of CPU, a new
// cluster plus the migrations ~3.9 s. The dump is made once per PGlite version and migration set,
// by the first test file that needs it, the real way (an empty cluster, then the migrations), and
// kept in node_modules/.cache for the other files and jest workers (jest gives each file its own
// modules, so a module variable alone would make it once per file). A cached dump that fails to
// load (it should not: it is renamed into place whole) is cleared with
// `rm -rf node_modules/.cache/unified-view-tests`.
const ROOT = path.join(__dirname, '..', '..');

/**
 * The cached dump's file under `root`: named by a hash of what the migrated database is made of
 * (PGlite's package.json, db/database.ts, db/migrate.ts, every file of db/migrations), so a new
 * PGlite or an edited migration gets a dump of its own.
 */
export function templateCacheFile(root = ROOT): string {
  const hash = createHash('sha256');
  const migrations = path.join(root, 'db', 'migrations');
  const inputs = [
    path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'),
    path.join(root, 'db', 'database.ts'),
    path.join(root, 'db', 'migrate.ts'),
    ...readdirSync(migrations).sort().map((f) => path.join(migrations, f)),
  ];
  for (const file of inputs) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
  return path.join(root, 'node_modules', '.cache', 'unified-view-tests', `pglite-migrated-${hash.digest('hex').slice(0, 20)}.bin`);
}

let migratedTemplate: Blob | undefined;

function readCachedTemplate(file: string): Blob | undefined {
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/**
 * Written under a temporary name and renamed: a worker reading at the same time sees all of it or
 * nothing. A cache that cannot be written (a read-only node_modules) only costs the next test
 * files a real first open each, so it does not fail the test.
 */
async function writeCachedTemplate(file: string, dump: Blob): Promise<void> {
  const part = `${file}.${process.pid}.part`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
    renameSync(part, file);
  } catch {
    rmSync(part, { force: true });
  }
}

async function openFromTemplate(): Promise<Database> {
  const file = templateCacheFile();
  migratedTemplate ??= readCachedTemplate(file);
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
  await writeCachedTemplate(file, migratedTemplate);
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
