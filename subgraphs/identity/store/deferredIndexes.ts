import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../../db/schema';
import { isEmbeddedDatabase } from './embeddedDatabase';

/** Indexes dropped for a bulk load, to be built again once it is written. */
export interface DroppedIndexes {
  /**
   * Builds them again from their own definitions. On a server the statements leave as one
   * message (the simple query protocol runs them in order), so the database builds every index
   * while this thread computes something else without a turn of its event loop between two
   * statements (the initial load runs the batch matcher meanwhile); on PGlite one at a time.
   * Rejects, like any statement, when a build fails (the transaction is then lost).
   * `serial`: without parallel build workers, for a build that runs beside other work.
   */
  rebuild(options?: { serial?: boolean }): Promise<void>;
}

/**
 * Drops the indexes of `tables` (primary keys included) before a bulk load, having read their
 * definitions from the catalog: one sorted build afterwards is far cheaper than millions of index
 * insertions. In the caller's transaction, so a failed load leaves the tables as they were,
 * indexes and all. The tables must not be referenced by foreign keys (their primary keys go away
 * for a while).
 */
export async function dropIndexes(trx: Transaction<Schema>, tables: readonly string[]): Promise<DroppedIndexes> {
  const constraints = await sql<{ table: string; name: string; definition: string }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype in ('p', 'u') and conrelid::regclass::text = any(${[...tables]}::text[])`.execute(trx);
  const owned = new Set(constraints.rows.map((c) => c.name));
  const indexes = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = any(${[...tables]}::text[])`.execute(trx);
  const plain = indexes.rows.filter((i) => !owned.has(i.name));
  for (const index of plain) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  for (const c of constraints.rows) await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(trx);
  const builds = [
    ...constraints.rows.map((c) => `alter table ${quoteIdent(c.table)} add constraint ${quoteIdent(c.name)} ${c.definition}`),
    ...plain.map((index) => index.definition),
  ];
  const embedded = await isEmbeddedDatabase(trx);
  return {
    async rebuild({ serial = false } = {}) {
      const statements = [`set local maintenance_work_mem = '1GB'`, ...(serial ? ['set local max_parallel_maintenance_workers = 0'] : []), ...builds];
      if (!embedded) await sql.raw(statements.join(';\n')).execute(trx);
      else for (const statement of statements) await sql.raw(statement).execute(trx);
    },
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
