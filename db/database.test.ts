import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, DATABASE_KINDS, openTestDatabase, type TestDatabase } from './testing/testDatabase';
import { DatabaseConfigError, openDatabase, type Database } from './database';

describe.each(DATABASE_KINDS)('database (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterAll(async () => cleanup?.());

  it('has every migration applied', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual(['0001_identity', '0002_audit_trail', '0003_review_queue', '0004_mortgage_store']);
  });

  it('keeps a rolled-back transaction from taking concurrent writes with it', async () => {
    await sql`create table tx_probe (x int)`.execute(database.db);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = database.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into tx_probe values (1)`.execute(trx);
        entered();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await inside;
    await sql`insert into tx_probe values (2)`.execute(database.db);
    expect(await failing).toBe('rolled back');
    const { rows } = await sql<{ x: number }>`select x from tx_probe`.execute(database.db);
    expect(rows).toEqual([{ x: 2 }]);
  });
});

describe('database sessions on a server', () => {
  let created: TestDatabase;
  beforeAll(async () => {
    created = await createTestDatabase();
  });
  afterAll(async () => created?.drop());

  const jitOf = async (database: Database) => (await sql<{ jit: string }>`show jit`.execute(database.db)).rows[0].jit;

  it('run without JIT compilation, where the server compiles by default', async () => {
    const plain = new pg.Client({ connectionString: created.url });
    await plain.connect();
    const serverDefault = (await plain.query<{ jit: string }>('show jit')).rows[0].jit;
    await plain.end();
    expect(serverDefault).toBe('on');
    const database = await openDatabase({ url: created.url, poolSize: 2, migrate: false });
    try {
      // Every pooled session, not only the first.
      expect(await Promise.all([jitOf(database), jitOf(database), jitOf(database)])).toEqual(['off', 'off', 'off']);
    } finally {
      await database.close();
    }
  });

  it("take a DATABASE_URL's own options instead", async () => {
    const database = await openDatabase({ url: `${created.url}?options=${encodeURIComponent('-c jit=on')}`, poolSize: 1, migrate: false });
    try {
      expect(await jitOf(database)).toBe('on');
    } finally {
      await database.close();
    }
  });
});

describe('in-memory copies of an embedded database (what the tests open per test)', () => {
  it('start with the rows of the dump, and diverge from the original afterwards', async () => {
    // Itself a copy when another embedded test of this file opened first (testDatabase.ts).
    const { database: original, cleanup: closeOriginal } = await openTestDatabase('embedded');
    let copy: Database | undefined;
    try {
      await sql`create table copy_probe (x int)`.execute(original.db);
      await sql`insert into copy_probe values (1), (2)`.execute(original.db);
      const dump = await original.dumpDataDir?.();
      expect(dump).toBeInstanceOf(Blob);
      copy = await openDatabase({ dataDir: 'memory://', loadDataDir: dump });
      await sql`insert into copy_probe values (3)`.execute(copy.db);
      await sql`delete from copy_probe where x = 1`.execute(original.db);
      const xs = async (database: Database) => (await sql<{ x: number }>`select x from copy_probe order by x`.execute(database.db)).rows.map((r) => r.x);
      expect(await xs(copy)).toEqual([1, 2, 3]);
      expect(await xs(original)).toEqual([2]);
      // The migrations the copy was dumped with are there, none applied twice.
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(copy.db);
      expect(rows[0].n).toBe(4);
    } finally {
      await copy?.close();
      await closeOriginal();
    }
  });

  it.each([
    ['a server', { url: 'postgres://postgres@127.0.0.1:5432/uv_never_created' }],
    ['a directory on disk, which may hold a cluster already', { dataDir: '/tmp/uv-never-created' }],
  ])('are refused into %s, before anything is opened', async (_, target) => {
    await expect(openDatabase({ ...target, loadDataDir: new Blob([]) })).rejects.toThrow(new DatabaseConfigError('loadDataDir opens an in-memory copy only (dataDir memory://)'));
    expect(existsSync('/tmp/uv-never-created')).toBe(false);
  });
});
