import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openTestDatabase, templateCacheFile } from './testDatabase';

describe('the cached dump of a migrated database, by what it is made of', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'uv-template-key-'));
    write('node_modules/@electric-sql/pglite/package.json', '{"version":"0.5.17"}');
    write('db/database.ts', 'open');
    write('db/migrate.ts', 'migrate');
    write('db/migrations/0001_a.ts', 'create table a');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lives in node_modules/.cache and keeps its name while nothing changes', () => {
    const file = templateCacheFile(root);
    expect(path.dirname(file)).toBe(path.join(root, 'node_modules', '.cache', 'unified-view-tests'));
    expect(path.basename(file)).toMatch(/^pglite-migrated-[0-9a-f]{20}\.bin$/);
    expect(templateCacheFile(root)).toBe(file);
  });

  it.each([
    ['an edited migration', 'db/migrations/0001_a.ts', 'create table a (x int)'],
    ['a new migration', 'db/migrations/0002_b.ts', 'create table b'],
    ['another PGlite', 'node_modules/@electric-sql/pglite/package.json', '{"version":"0.6.0"}'],
    ['a change to how a database opens', 'db/database.ts', 'open differently'],
    ['a change to how migrations run', 'db/migrate.ts', 'migrate differently'],
  ])('gets another name after %s', (_change, file, text) => {
    const before = templateCacheFile(root);
    write(file, text);
    expect(templateCacheFile(root)).not.toBe(before);
  });
});

describe('embedded test databases', () => {
  it('are migrated copies of the cached dump, each of its own', async () => {
    const one = await openTestDatabase('embedded');
    const two = await openTestDatabase('embedded');
    try {
      expect(existsSync(templateCacheFile())).toBe(true);
      const migrations = async (db: typeof one) => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.database.db)).rows.map((r) => r.name);
      const expected = ['0001_identity', '0002_audit_trail', '0003_review_queue', '0004_mortgage_store'];
      expect(await migrations(one)).toEqual(expected);
      expect(await migrations(two)).toEqual(expected);
      await sql`create table probe (x int)`.execute(one.database.db);
      await sql`insert into probe values (1)`.execute(one.database.db);
      await expect(sql`select x from probe`.execute(two.database.db)).rejects.toThrow(/probe/);
    } finally {
      await one.cleanup();
      await two.cleanup();
    }
  });
});
