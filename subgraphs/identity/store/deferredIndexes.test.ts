import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import type { Schema } from '../../../db/schema';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { dropIndexes, ReferencedTableError } from './deferredIndexes';

// Tables of this test's own (the product's are not needed): a parent with a primary key, a
// unique key and a partial index; a child with an identity primary key, a plain index and two
// foreign keys, one to the parent and one to a table outside the load.
const SCHEMA = [
  `create table bulk_outer (id int primary key)`,
  `insert into bulk_outer values (1)`,
  `create table bulk_parent (id text primary key, code text not null unique, retired boolean not null default false)`,
  `create index bulk_parent_live on bulk_parent (id) where not retired`,
  `create table bulk_child (
     child_id bigint generated always as identity primary key,
     parent_id text not null references bulk_parent,
     outer_id int not null references bulk_outer,
     note text not null)`,
  `create index bulk_child_by_parent on bulk_child (parent_id, note)`,
];
const TABLES = ['bulk_parent', 'bulk_child'];

/** What the catalog says about the two tables' keys and indexes (read here, not by the module). */
async function catalog(db: Kysely<Schema>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select 'index ' || indexdef as line from pg_indexes where tablename in ('bulk_parent', 'bulk_child')
    union all
    select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    from pg_constraint where contype in ('p', 'u', 'f') and conrelid::regclass::text in ('bulk_parent', 'bulk_child')
    order by 1`.execute(db);
  return rows.map((r) => r.line);
}

describe.each(DATABASE_KINDS)('indexes and keys dropped for a bulk load (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let before: string[];

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
    for (const statement of SCHEMA) await sql.raw(statement).execute(database.db);
    before = await catalog(database.db);
  });
  afterAll(() => cleanup());

  afterEach(async () => {
    await sql`delete from bulk_child`.execute(database.db);
    await sql`delete from bulk_parent`.execute(database.db);
  });

  it('holds what the test expects before anything is dropped', () => {
    // Written by hand: two primary keys, one unique key, two foreign keys, two more indexes.
    expect(before.filter((l) => l.startsWith('constraint ')).map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual([
      'bulk_child bulk_child_outer_id_fkey',
      'bulk_child bulk_child_parent_id_fkey',
      'bulk_child bulk_child_pkey',
      'bulk_parent bulk_parent_code_key',
      'bulk_parent bulk_parent_pkey',
    ]);
    expect(before.filter((l) => l.startsWith('index '))).toHaveLength(5);
  });

  it('drops every key and index of the tables, and makes the same ones again over the rows written meanwhile', async () => {
    await database.db.transaction().execute(async (trx) => {
      const dropped = await dropIndexes(trx, TABLES);
      expect(await catalog(trx)).toEqual([]);
      await sql`insert into bulk_parent (id, code) select 'p' || n, 'c' || n from generate_series(1, 500) n`.execute(trx);
      await sql`insert into bulk_child (parent_id, outer_id, note) select 'p' || (1 + n % 500), 1, 'n' || n from generate_series(1, 2000) n`.execute(trx);
      await dropped.rebuild({ serial: true });
      expect(await catalog(trx)).toEqual(before);
    });
    expect(await catalog(database.db)).toEqual(before);
    // The keys work again: a duplicate and an orphan are refused at once.
    await expect(sql`insert into bulk_parent (id, code) values ('p1', 'other')`.execute(database.db)).rejects.toThrow(/duplicate key/);
    await expect(sql`insert into bulk_child (parent_id, outer_id, note) values ('nobody', 1, 'x')`.execute(database.db)).rejects.toThrow(/foreign key/);
  });

  // What the rows written while the keys were away may break: the rebuild refuses it, and the
  // rolled-back transaction leaves the tables with every key and index they had.
  const broken: Array<[string, string, RegExp]> = [
    ['a primary key twice', `insert into bulk_parent (id, code) values ('p1', 'a'), ('p1', 'b')`, /could not create unique index|duplicate/],
    ['a unique key twice', `insert into bulk_parent (id, code) values ('p1', 'a'), ('p2', 'a')`, /could not create unique index|duplicate/],
    ['a child of a parent that does not exist', `insert into bulk_child (parent_id, outer_id, note) values ('nobody', 1, 'x')`, /foreign key/],
    ['a child naming a row of the table outside the load that does not exist', `insert into bulk_parent (id, code) values ('p1', 'a'); insert into bulk_child (parent_id, outer_id, note) values ('p1', 2, 'x')`, /foreign key/],
  ];
  it.each(broken)('refuses to rebuild over %s, and the rollback keeps every key', async (_case, rows, error) => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        const dropped = await dropIndexes(trx, TABLES);
        for (const statement of rows.split('; ')) await sql.raw(statement).execute(trx);
        await dropped.rebuild();
      }),
    ).rejects.toThrow(error);
    expect(await catalog(database.db)).toEqual(before);
  });

  it('refuses, dropping nothing, when a key of the tables is needed by a foreign key of a table outside them', async () => {
    await expect(database.db.transaction().execute((trx) => dropIndexes(trx, ['bulk_parent']))).rejects.toThrow(ReferencedTableError);
    await expect(database.db.transaction().execute((trx) => dropIndexes(trx, ['bulk_parent']))).rejects.toThrow(/bulk_child/);
    expect(await catalog(database.db)).toEqual(before);
  });
});
