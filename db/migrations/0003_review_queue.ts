import { sql, type Kysely } from 'kysely';

/**
 * The data stewards' review queue, persisted: every pair of records the matcher scored in the
 * review band (or linked but kept apart by a clustering guard), with its probability, match
 * weight and explanation (each comparison's level and weight, the prior, the total), written
 * when the pair is scored (initial load, a feed change's neighbourhood, a steward decision's
 * neighbourhood, a retrain). A pair a steward has decided is never shown again, whatever a
 * later score says: the reads leave out every pair with a row in steward_decisions.
 *
 * Also: `RETRAIN` becomes a cause of crosswalk changes (a retrained model re-scores everyone),
 * recorded with who asked for it and why (`requested_by`, `reason`: set for RETRAIN only; a
 * steward decision keeps its own in steward_decisions).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table match_review_queue (
      -- The two records (source keys), record_a < record_b, so a pair has one row.
      record_a text not null,
      record_b text not null,
      probability double precision not null,
      match_weight double precision not null,
      band text not null check (band in ('LINKED', 'REVIEW')),
      reason text not null check (reason in ('REVIEW_BAND', 'KEPT_APART')),
      -- The matcher's explanation (levels and weights only, never the compared values).
      explanation jsonb not null,
      scored_at timestamptz not null default now(),
      scored_by bigint references identity_changes,
      primary key (record_a, record_b),
      check (record_a < record_b)
    )`,
    sql`create index match_review_queue_b on match_review_queue (record_b)`,
    sql`create index match_review_queue_order on match_review_queue (probability desc, record_a, record_b)`,
    sql`alter table identity_changes drop constraint identity_changes_cause_check`,
    sql`alter table identity_changes add constraint identity_changes_cause_check check (cause in ('INITIAL_LOAD', 'FEED', 'STEWARD', 'REINDEX', 'RETRAIN'))`,
    sql`alter table identity_changes add column requested_by text, add column reason text`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists match_review_queue`.execute(db);
  await sql`delete from identity_changes where cause = 'RETRAIN'`.execute(db);
  await sql`alter table identity_changes drop column requested_by, drop column reason`.execute(db);
  await sql`alter table identity_changes drop constraint identity_changes_cause_check`.execute(db);
  await sql`alter table identity_changes add constraint identity_changes_cause_check check (cause in ('INITIAL_LOAD', 'FEED', 'STEWARD', 'REINDEX'))`.execute(db);
}
