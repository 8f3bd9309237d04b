import { sql, type Kysely } from 'kysely';

/** The lock every audit appender takes, so concurrent appenders (any process) build one chain. */
export const AUDIT_CHAIN_LOCK = 7_301_001;

/**
 * The audit trail: append-only and hash-chained, both enforced by the database itself, so any
 * writer (every gateway process, psql) gets the same guarantees.
 *
 * - On insert a trigger takes a transaction lock, reads the last row and sets `seq` (gapless),
 *   `prev_hash` and `hash = sha256(prev_hash \n seq \n event)`, where `event` is the JSON text as
 *   appended. `at` and `customer_ids` are derived from the event (queries use them; the verifier
 *   checks they still agree with it).
 * - UPDATE, DELETE and TRUNCATE are refused by triggers for every role, the owner included, and
 *   revoked from PUBLIC. Altering a row needs a superuser disabling the triggers: the chain then
 *   shows it (`npm run audit:verify`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table audit_trail (
      seq bigint primary key,
      at timestamptz not null,
      customer_ids text[] not null,
      event text not null,
      prev_hash text not null,
      hash text not null
    )`,
    sql`create index audit_trail_customers on audit_trail using gin (customer_ids)`,
    sql`create index audit_trail_at on audit_trail (at)`,
    sql.raw(`create function audit_trail_chain() returns trigger language plpgsql as $$
      declare
        last_seq bigint;
        last_hash text;
      begin
        perform pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
        select seq, hash into last_seq, last_hash from audit_trail order by seq desc limit 1;
        new.seq := coalesce(last_seq, 0) + 1;
        new.prev_hash := coalesce(last_hash, repeat('0', 64));
        new.at := (new.event::jsonb ->> 'at')::timestamptz;
        new.customer_ids := array(select jsonb_array_elements_text(new.event::jsonb -> 'customerIds'));
        new.hash := encode(sha256(convert_to(new.prev_hash || E'\\n' || new.seq::text || E'\\n' || new.event, 'UTF8')), 'hex');
        return new;
      end
    $$`),
    sql`create trigger audit_trail_chain before insert on audit_trail for each row execute function audit_trail_chain()`,
    sql.raw(`create function audit_trail_refuse() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit trail is append-only: % refused', tg_op using errcode = '42501';
      end
    $$`),
    sql`create trigger audit_trail_no_change before update or delete on audit_trail for each row execute function audit_trail_refuse()`,
    sql`create trigger audit_trail_no_truncate before truncate on audit_trail for each statement execute function audit_trail_refuse()`,
    sql`revoke update, delete, truncate on audit_trail from public`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists audit_trail`.execute(db);
  await sql`drop function if exists audit_trail_chain()`.execute(db);
  await sql`drop function if exists audit_trail_refuse()`.execute(db);
}
