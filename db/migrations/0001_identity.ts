import { sql, type Kysely } from 'kysely';

/**
 * The identity store: source records as each system last sent them, their blocking and search
 * keys, every customer id ever issued, the crosswalk with validity intervals, the changes and
 * events that moved records between customers, steward decisions and the change-feed cursors.
 *
 * Record keys are `SYSTEM:localId` (the matcher's `sourceKey`). Times are the committing
 * transaction's `now()`, so everything one change wrote carries one instant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table source_records (
      record_key text primary key,
      system text not null,
      local_id text not null,
      -- The canonical SourceParty as the adapter mapped it (adapters/canonical.ts).
      party jsonb not null,
      -- The keys this record is indexed under in blocking_keys / search_keys (to remove them exactly).
      block_keys text[] not null,
      search_terms text[] not null,
      updated_at timestamptz not null default now()
    )`,
    // Candidates for matching: records sharing a blocking key. Rebuilt when the rules change.
    sql`create table blocking_keys (
      block_key text not null,
      record_key text not null,
      primary key (block_key, record_key)
    )`,
    // searchCustomers: normalised name tokens, emails and phones per record.
    sql`create table search_keys (
      search_term text not null,
      record_key text not null,
      primary key (search_term, record_key)
    )`,
    sql`create table steward_decisions (
      decision_id bigint generated always as identity primary key,
      kind text not null check (kind in ('LINK', 'UNLINK')),
      record_a text not null,
      record_b text not null,
      decided_by text not null,
      reason text not null,
      decided_at timestamptz not null default now()
    )`,
    sql`create index steward_decisions_a on steward_decisions (record_a)`,
    sql`create index steward_decisions_b on steward_decisions (record_b)`,
    // One row per transaction that changed the crosswalk: why it changed.
    sql`create table identity_changes (
      change_id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      cause text not null check (cause in ('INITIAL_LOAD', 'FEED', 'STEWARD', 'REINDEX')),
      system text,
      decision_id bigint references steward_decisions
    )`,
    sql`create table customers (
      customer_id text primary key,
      -- The record the id was derived from (ids are never reused: see the matcher's customerId.ts).
      anchor text not null,
      created_at timestamptz not null default now(),
      created_by bigint not null references identity_changes,
      retired_at timestamptz,
      retired_by bigint references identity_changes,
      -- Set when the customer was merged into another: customer(id) follows it.
      merged_into text references customers
    )`,
    sql`create index customers_anchor on customers (anchor)`,
    sql`create index customers_live on customers (customer_id) where retired_at is null`,
    // The crosswalk with history: a record belongs to a customer from valid_from until valid_to.
    sql`create table crosswalk (
      record_key text not null,
      customer_id text not null references customers,
      valid_from timestamptz not null,
      valid_to timestamptz,
      opened_by bigint not null references identity_changes,
      closed_by bigint references identity_changes
    )`,
    sql`create unique index crosswalk_current on crosswalk (record_key) where valid_to is null`,
    sql`create index crosswalk_by_customer on crosswalk (customer_id, valid_from)`,
    sql`create index crosswalk_by_record on crosswalk (record_key, valid_from)`,
    sql`create table identity_events (
      event_id bigint generated always as identity primary key,
      change_id bigint not null references identity_changes,
      type text not null,
      customer_id text not null,
      -- MERGED: the retired ids; SPLIT: the ids records moved to.
      related_ids text[] not null,
      members_before text[] not null,
      members_after text[] not null,
      -- The matcher's event as it emitted it.
      detail jsonb not null
    )`,
    sql`create index identity_events_customer on identity_events (customer_id)`,
    sql`create index identity_events_related on identity_events using gin (related_ids)`,
    sql`create index identity_events_change on identity_events (change_id)`,
    // Every party change read from a feed, once: the position makes a second application fail.
    sql`create table feed_changes (
      system text not null,
      cursor_before text not null,
      position integer not null,
      local_id text not null,
      changed_at timestamptz,
      change_id bigint references identity_changes,
      applied_at timestamptz not null default now(),
      primary key (system, cursor_before, position)
    )`,
    sql`create table feed_cursors (
      system text primary key,
      cursor text not null,
      updated_at timestamptz not null default now()
    )`,
    // Profile discrepancies per customer, recomputed with the customer's membership or records.
    sql`create table discrepancies (
      discrepancy_id bigint generated always as identity primary key,
      customer_id text not null,
      field text not null,
      system_a text not null,
      local_id_a text not null,
      value_a text not null,
      system_b text not null,
      local_id_b text not null,
      value_b text not null
    )`,
    sql`create index discrepancies_by_customer on discrepancies (customer_id)`,
    sql`create index discrepancies_by_filter on discrepancies (field, system_a, system_b)`,
    // Small facts about the store: the blocking rules' fingerprint the keys were built with, ...
    sql`create table identity_meta (
      name text primary key,
      value text not null
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['identity_meta', 'discrepancies', 'feed_cursors', 'feed_changes', 'identity_events', 'crosswalk', 'customers', 'identity_changes', 'steward_decisions', 'search_keys', 'blocking_keys', 'source_records']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
