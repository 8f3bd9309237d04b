import { sql, type Kysely } from 'kysely';

/**
 * The mortgage servicing adapter's own store (adapters/mortgages/mortgageStore.ts). The system has
 * no online interface: its nightly extract and daily delta files are ingested into these tables,
 * which the subgraph and identity read. The files themselves stay in the drop folder; these rows
 * are what was applied from them.
 *
 * - mortgage_drop_files: every file looked at, once per (name, checksum), with what became of it
 *   (APPLIED, SUPERSEDED by a newer full extract, REJECTED with a reason code). The same file twice
 *   is a no-op; a re-delivered corrected file (new checksum) is looked at again.
 * - mortgage_borrowers / mortgage_loans: the latest state, each row with the business date of the
 *   file it came from (`as_of`). A loan names its borrowers (a joint loan two).
 * - mortgage_changes: the change feed (what each applied file changed), read by cursor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table mortgage_drop_files (
      file_name text not null,
      sha256 text not null,
      type text not null check (type in ('FULL', 'DELTA')),
      business_date date not null,
      record_count integer not null,
      outcome text not null check (outcome in ('APPLIED', 'SUPERSEDED', 'REJECTED')),
      reason text,
      seen_at timestamptz not null default now(),
      primary key (file_name, sha256)
    )`,
    sql`create table mortgage_borrowers (
      borrower_id text primary key,
      party jsonb not null,
      as_of date not null
    )`,
    sql`create table mortgage_loans (
      loan_id text primary key,
      borrower_ids text[] not null,
      loan jsonb not null,
      as_of date not null
    )`,
    sql`create index mortgage_loans_borrowers on mortgage_loans using gin (borrower_ids)`,
    sql`create table mortgage_changes (
      seq bigserial primary key,
      entity text not null,
      local_id text not null,
      changed_at timestamptz not null default now()
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['mortgage_changes', 'mortgage_loans', 'mortgage_borrowers', 'mortgage_drop_files']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
