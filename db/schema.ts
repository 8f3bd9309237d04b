import type { ColumnType, Generated } from 'kysely';

/** Columns the database fills (defaults, identities, triggers). */
type Filled<T> = ColumnType<T, T | undefined, never>;
/** bigint columns: pg returns them as strings, PGlite as numbers; writers pass numbers. */
type BigId = ColumnType<string | number, number, number>;

export interface SourceRecordsTable {
  record_key: string;
  system: string;
  local_id: string;
  party: ColumnType<unknown, string, string>;
  block_keys: string[];
  search_terms: string[];
  updated_at: Filled<Date>;
}

export interface CustomersTable {
  customer_id: string;
  anchor: string;
  created_at: Filled<Date>;
  created_by: BigId;
  retired_at: Date | null;
  retired_by: BigId | null;
  merged_into: string | null;
}

export interface CrosswalkTable {
  record_key: string;
  customer_id: string;
  valid_from: Date;
  valid_to: Date | null;
  opened_by: BigId;
  closed_by: BigId | null;
}

export interface IdentityChangesTable {
  change_id: Generated<string | number>;
  at: Filled<Date>;
  cause: 'INITIAL_LOAD' | 'FEED' | 'STEWARD' | 'REINDEX' | 'RETRAIN';
  system: string | null;
  decision_id: BigId | null;
  /** RETRAIN: who asked for it, and why. */
  requested_by: Filled<string | null>;
  reason: Filled<string | null>;
}

export interface IdentityEventsTable {
  event_id: Generated<string | number>;
  change_id: BigId;
  type: string;
  customer_id: string;
  related_ids: string[];
  members_before: string[];
  members_after: string[];
  detail: ColumnType<unknown, string, string>;
}

export interface StewardDecisionsTable {
  decision_id: Generated<string | number>;
  kind: 'LINK' | 'UNLINK';
  record_a: string;
  record_b: string;
  decided_by: string;
  reason: string;
  decided_at: Filled<Date>;
}

export interface FeedChangesTable {
  system: string;
  cursor_before: string;
  position: number;
  local_id: string;
  changed_at: Date | null;
  change_id: BigId | null;
  applied_at: Filled<Date>;
}

export interface FeedCursorsTable {
  system: string;
  cursor: string;
  updated_at: Filled<Date>;
}

export interface DiscrepanciesTable {
  discrepancy_id: Generated<string | number>;
  customer_id: string;
  field: string;
  system_a: string;
  local_id_a: string;
  value_a: string;
  system_b: string;
  local_id_b: string;
  value_b: string;
}

export interface MatchReviewQueueTable {
  record_a: string;
  record_b: string;
  probability: number;
  match_weight: number;
  band: 'LINKED' | 'REVIEW';
  reason: 'REVIEW_BAND' | 'KEPT_APART';
  explanation: ColumnType<unknown, string, string>;
  scored_at: Filled<Date>;
  scored_by: BigId | null;
}

export interface AuditTrailTable {
  /** Set by the chain trigger. */
  seq: Filled<string | number>;
  at: Filled<Date>;
  customer_ids: Filled<string[]>;
  event: string;
  prev_hash: Filled<string>;
  hash: Filled<string>;
}

/** The whole schema as Kysely sees it (db/migrations/ is its history). */
export interface Schema {
  source_records: SourceRecordsTable;
  blocking_keys: { block_key: string; record_key: string };
  search_keys: { search_term: string; record_key: string };
  customers: CustomersTable;
  crosswalk: CrosswalkTable;
  identity_changes: IdentityChangesTable;
  identity_events: IdentityEventsTable;
  steward_decisions: StewardDecisionsTable;
  feed_changes: FeedChangesTable;
  feed_cursors: FeedCursorsTable;
  discrepancies: DiscrepanciesTable;
  identity_meta: { name: string; value: string };
  match_review_queue: MatchReviewQueueTable;
  audit_trail: AuditTrailTable;
}
