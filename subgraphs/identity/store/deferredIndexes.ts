import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../../db/schema';

/**
 * Runs a bulk load into `tables` with their indexes (primary keys included) dropped, and builds
 * them again afterwards from their own definitions, as read from the catalog before dropping:
 * one sorted build is far cheaper than millions of index insertions. In the caller's transaction,
 * so a failed load leaves the tables as they were, indexes and all. The tables must not be
 * referenced by foreign keys (their primary keys go away for a while).
 */
export async function withIndexesDeferred<T>(trx: Transaction<Schema>, tables: readonly string[], load: () => Promise<T>): Promise<T> {
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
  const result = await load();
  await sql`set local maintenance_work_mem = '1GB'`.execute(trx);
  for (const c of constraints.rows) await sql`alter table ${sql.id(c.table)} add constraint ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(trx);
  for (const index of plain) await sql.raw(index.definition).execute(trx);
  return result;
}
