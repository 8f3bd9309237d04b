import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../../db/schema';
import { isEmbeddedDatabase } from './embeddedDatabase';

/** Indexes and keys dropped for a bulk load, to be made again once it is written. */
export interface DroppedIndexes {
  /**
   * Makes them again from their own definitions: primary and unique keys, then the other indexes,
   * then the foreign keys (each checked over the whole table in one join). On a server the
   * statements leave as one message (the simple query protocol runs them in order), so the
   * database builds every index while this thread computes something else without a turn of its
   * event loop between two statements (the initial load runs the batch matcher meanwhile); on
   * PGlite one at a time. Rejects, like any statement, when a build or a check fails (a duplicate
   * key, a row naming a missing one: the transaction is then lost).
   * `serial`: without parallel build workers, for a build that runs beside other work.
   */
  rebuild(options?: { serial?: boolean }): Promise<void>;
}

/** A key or index of the catalog, as the statement that makes it again. */
interface Definition {
  name: string;
  table: string;
  definition: string;
}

/** Refused: a table to load is referenced by a foreign key of a table outside the load. */
export class ReferencedTableError extends Error {
  override readonly name = 'ReferencedTableError';
}

/**
 * Drops the indexes of `tables` (primary keys included) and their foreign keys before a bulk
 * load, having read their definitions from the catalog. One sorted build afterwards is far
 * cheaper than millions of index insertions, and one join checking a foreign key far cheaper
 * than a check (and a row lock on the referenced row) per row written: a million persons, the
 * customers and their 2.6 million crosswalk rows went in checked row by row. In the caller's
 * transaction, so a failed load leaves the tables as they were, indexes and keys and all.
 * A key another table's foreign key needs cannot go: such a table must be in `tables` too, or
 * the call is refused before anything is dropped.
 */
export async function dropIndexes(trx: Transaction<Schema>, tables: readonly string[]): Promise<DroppedIndexes> {
  const names = [...tables];
  const outside = await sql<{ table: string }>`
    select conrelid::regclass::text as table from pg_constraint
    where contype = 'f' and confrelid::regclass::text = any(${names}::text[]) and not (conrelid::regclass::text = any(${names}::text[]))`.execute(trx);
  if (outside.rows.length > 0) throw new ReferencedTableError(`a foreign key of ${outside.rows[0].table} needs a key of the tables to load; load them together`);
  const constraints = await sql<Definition & { type: 'p' | 'u' | 'f' }>`
    select conrelid::regclass::text as table, conname as name, contype as type, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype in ('p', 'u', 'f') and conrelid::regclass::text = any(${names}::text[])
    order by conname`.execute(trx);
  const keys = constraints.rows.filter((c) => c.type !== 'f');
  const foreign = constraints.rows.filter((c) => c.type === 'f');
  const owned = new Set(keys.map((c) => c.name));
  const indexes = await sql<Definition>`
    select indexname as name, tablename as table, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = any(${names}::text[]) order by indexname`.execute(trx);
  const plain = indexes.rows.filter((i) => !owned.has(i.name));
  // Foreign keys first (a primary key they need cannot go before them), then the indexes.
  for (const c of foreign) await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(trx);
  for (const index of plain) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  for (const c of keys) await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(trx);
  const addConstraint = (c: Definition) => `alter table ${quoteIdent(c.table)} add constraint ${quoteIdent(c.name)} ${c.definition}`;
  const builds = [...keys.map(addConstraint), ...plain.map((index) => index.definition), ...foreign.map(addConstraint)];
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
