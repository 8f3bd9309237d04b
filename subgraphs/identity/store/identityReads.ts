import { sql, type Kysely } from 'kysely';
import type { SourceSystem } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import type { Discrepancy, DiscrepancyCount, DiscrepancyFilter, ProfileFieldName } from '../discrepancies';
import type { IdentityEvent } from '../domain/incrementalResolution';
import type { SourceRef } from '../matcherApi';
import type { StewardDecision } from './identityWrites';
import { splitRecordKey } from './recordRows';
import { inList } from '../../../db/sqlArrays';

/**
 * Everything the identity subgraph answers, read from the store (no process holds the
 * crosswalk). An instant `asOf` reads the crosswalk as it stood then: a record belonged to a
 * customer from `valid_from` (inclusive) until `valid_to` (exclusive).
 */

const iso = (at: Date) => at.toISOString();

/** A customer id as asked for, resolved to the customer that answers for it. */
export interface ResolvedCustomer {
  id: string;
  /** The id asked for, when it was merged away into `id`. */
  mergedFrom: string | null;
}

/**
 * The customer `id` stands for at `asOf` (default now): itself while live then; the customer it
 * was merged into (followed through later merges) once retired; null when it did not exist yet.
 */
export async function resolveCustomer(db: Kysely<Schema>, id: string, asOf?: Date): Promise<ResolvedCustomer | null> {
  const at = asOf ?? new Date();
  let current = id;
  for (let hops = 0; hops < 64; hops += 1) {
    const row = await db.selectFrom('customers').select(['customer_id', 'created_at', 'retired_at', 'merged_into']).where('customer_id', '=', current).executeTakeFirst();
    if (!row) return null;
    if (new Date(row.created_at).getTime() > at.getTime()) return hops === 0 ? null : { id: current, mergedFrom: id };
    const retired = row.retired_at !== null && new Date(row.retired_at).getTime() <= at.getTime();
    if (!retired) return { id: current, mergedFrom: current === id ? null : id };
    if (!row.merged_into) return null;
    current = row.merged_into;
  }
  return null;
}

/** A customer resolved now, with its current records when they came with it. */
export interface CurrentCustomer {
  resolved: ResolvedCustomer;
  /** The live customer's current records (membersOf's order); null when it was resolved through merges. */
  members: SourceRef[] | null;
}

/**
 * `resolveCustomer(db, id)` for now, with the live customer's current records read in the same
 * query: the common case of a customer360 (a live id) is then one round trip to the store, not
 * two. An id that is retired, merged away or not created yet goes through resolveCustomer.
 */
export async function resolveCurrentCustomer(db: Kysely<Schema>, id: string): Promise<CurrentCustomer | null> {
  // Two index lookups in one statement (union all, not a join: planning a join costs more than
  // it saves, measured on PGlite). The customer's row comes first (record_key null), then its
  // current records in record_key order, as membersOf gives them.
  const { rows } = await sql<{ created_at: Date | string | null; retired_at: Date | string | null; record_key: string | null }>`
    select created_at, retired_at, null::text as record_key from customers where customer_id = ${id}
    union all
    select null::timestamptz, null::timestamptz, record_key from crosswalk where customer_id = ${id} and valid_to is null
    order by record_key nulls first`.execute(db);
  const customer = rows[0];
  if (!customer || customer.record_key !== null || customer.created_at === null) return null;
  const now = Date.now();
  const live = new Date(customer.created_at).getTime() <= now && (customer.retired_at === null || new Date(customer.retired_at).getTime() > now);
  if (!live) {
    const resolved = await resolveCustomer(db, id);
    return resolved ? { resolved, members: null } : null;
  }
  const members = rows.slice(1).map((row) => splitRecordKey(row.record_key as string));
  return { resolved: { id, mergedFrom: null }, members };
}

/** Each customer's records (current, or as of an instant), anchor system order then local id. */
export async function membersOf(db: Kysely<Schema>, customerIds: readonly string[], asOf?: Date): Promise<Map<string, SourceRef[]>> {
  const out = new Map<string, SourceRef[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return out;
  const at = asOf ? iso(asOf) : null;
  const rows = await db
    .selectFrom('crosswalk')
    .select(['customer_id', 'record_key'])
    .where(inList('customer_id', customerIds))
    .$if(at === null, (q) => q.where('valid_to', 'is', null))
    .$if(at !== null, (q) => q.where(sql<boolean>`valid_from <= ${at}::timestamptz and (valid_to is null or valid_to > ${at}::timestamptz)`))
    .orderBy('record_key')
    .execute();
  for (const row of rows) out.get(row.customer_id)?.push(splitRecordKey(row.record_key));
  return out;
}

export async function customerOfRecord(db: Kysely<Schema>, system: SourceSystem, localId: string): Promise<string | null> {
  const row = await db.selectFrom('crosswalk').select('customer_id').where('record_key', '=', `${system}:${localId}`).where('valid_to', 'is', null).executeTakeFirst();
  return row?.customer_id ?? null;
}

export async function recordExists(db: Kysely<Schema>, ref: SourceRef): Promise<boolean> {
  return (await db.selectFrom('source_records').select('record_key').where('record_key', '=', `${ref.system}:${ref.localId}`).executeTakeFirst()) !== undefined;
}

/** Ids merged (directly) into each customer. */
export async function mergedIdsOf(db: Kysely<Schema>, customerIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return out;
  const rows = await db.selectFrom('customers').select(['customer_id', 'merged_into']).where(inList('merged_into', customerIds)).orderBy('customer_id').execute();
  for (const row of rows) out.get(row.merged_into!)?.push(row.customer_id);
  return out;
}

/** Live customers in id order, a page at a time, and how many there are. */
export async function listCustomers(db: Kysely<Schema>, offset: number, limit: number): Promise<{ ids: string[]; total: number }> {
  const rows = await db.selectFrom('customers').select('customer_id').where('retired_at', 'is', null).orderBy('customer_id').offset(offset).limit(limit).execute();
  const total = await db.selectFrom('customers').select(sql<number>`count(*)::int`.as('n')).where('retired_at', 'is', null).executeTakeFirstOrThrow();
  return { ids: rows.map((r) => r.customer_id), total: total.n };
}

/** Customers holding every term (on any of their current records), in id order. */
export async function searchByTerms(db: Kysely<Schema>, terms: readonly string[], limit: number): Promise<string[]> {
  if (terms.length === 0 || limit === 0) return [];
  const { rows } = await sql<{ customer_id: string }>`
    select c.customer_id from search_keys s
    join crosswalk c on c.record_key = s.record_key and c.valid_to is null
    where s.search_term = any(${[...terms]}::text[])
    group by c.customer_id
    having count(distinct s.search_term) = ${terms.length}
    order by c.customer_id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.customer_id);
}

function discrepancyWhere(filter: DiscrepancyFilter) {
  const parts = [sql<boolean>`true`];
  if (filter.field) parts.push(sql<boolean>`field = ${filter.field}`);
  const systems = filter.systems ?? [];
  if (systems.length === 1) parts.push(sql<boolean>`(system_a = ${systems[0]} or system_b = ${systems[0]})`);
  if (systems.length === 2) parts.push(sql<boolean>`((system_a = ${systems[0]} and system_b = ${systems[1]}) or (system_a = ${systems[1]} and system_b = ${systems[0]}))`);
  return sql.join(parts, sql` and `);
}

/** A page of the discrepancy report (customer order), its total and its counts per field and system pair. */
export async function discrepancyPage(db: Kysely<Schema>, filter: DiscrepancyFilter, offset: number, limit: number): Promise<{ items: Discrepancy[]; total: number; counts: DiscrepancyCount[] }> {
  const where = discrepancyWhere(filter);
  const { rows } = await sql<{ customer_id: string; field: ProfileFieldName; system_a: SourceSystem; local_id_a: string; value_a: string; system_b: SourceSystem; local_id_b: string; value_b: string }>`
    select customer_id, field, system_a, local_id_a, value_a, system_b, local_id_b, value_b from discrepancies
    where ${where} order by customer_id, discrepancy_id offset ${offset} limit ${limit}`.execute(db);
  const counted = await sql<{ field: ProfileFieldName; system_a: SourceSystem; system_b: SourceSystem; n: number }>`
    select field, system_a, system_b, count(*)::int as n from discrepancies where ${where} group by field, system_a, system_b order by field, system_a, system_b`.execute(db);
  const counts = counted.rows.map((r) => ({ field: r.field, systemA: r.system_a, systemB: r.system_b, count: r.n }));
  return {
    items: rows.map((r) => ({ customerId: r.customer_id, field: r.field, systemA: r.system_a, localIdA: r.local_id_a, valueA: r.value_a, systemB: r.system_b, localIdB: r.local_id_b, valueB: r.value_b })),
    total: counts.reduce((sum, c) => sum + c.count, 0),
    counts,
  };
}

type DecisionRow = { decision_id: number | string; kind: 'LINK' | 'UNLINK'; record_a: string; record_b: string; decided_by: string; reason: string; decided_at: Date };

export function decisionOf(row: DecisionRow): StewardDecision {
  return {
    id: `dec_${Number(row.decision_id)}`,
    kind: row.kind,
    a: splitRecordKey(row.record_a),
    b: splitRecordKey(row.record_b),
    decidedBy: row.decided_by,
    reason: row.reason,
    decidedAt: iso(new Date(row.decided_at)),
  };
}

export interface DecisionFilter {
  decidedBy?: string | null;
  /** Decisions about a record of this customer (at the time they were made or now). */
  customerId?: string | null;
}

/** Steward decisions, newest first. */
export async function stewardDecisions(db: Kysely<Schema>, filter: DecisionFilter, offset: number, limit: number): Promise<StewardDecision[]> {
  const rows = await db
    .selectFrom('steward_decisions')
    .selectAll()
    .$if(!!filter.decidedBy, (q) => q.where('decided_by', '=', filter.decidedBy!))
    .$if(!!filter.customerId, (q) =>
      q.where(sql<boolean>`exists (select 1 from crosswalk c where c.customer_id = ${filter.customerId!} and c.record_key in (steward_decisions.record_a, steward_decisions.record_b))`),
    )
    .orderBy('decision_id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map((row) => decisionOf(row as DecisionRow));
}

export async function decisionsById(db: Kysely<Schema>, ids: readonly number[]): Promise<Map<number, StewardDecision>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('steward_decisions').selectAll().where('decision_id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [Number(row.decision_id), decisionOf(row as DecisionRow)]));
}

export type ChangeCause = 'INITIAL_LOAD' | 'FEED' | 'STEWARD' | 'REINDEX' | 'RETRAIN';

/** What changed the crosswalk in one transaction, and why. */
export interface IdentityChange {
  changeId: number;
  at: string;
  cause: ChangeCause;
  system: SourceSystem | null;
  decisionId: number | null;
}

export interface StoredIdentityEvent {
  id: string;
  changeId: number;
  type: IdentityEvent['type'];
  customerId: string;
  relatedIds: string[];
  membersBefore: SourceRef[];
  membersAfter: SourceRef[];
}

/** Events about a customer (as subject or as a merged/split id), oldest first. */
export async function identityEventsOf(db: Kysely<Schema>, customerId: string | null, offset: number, limit: number): Promise<StoredIdentityEvent[]> {
  const rows = await db
    .selectFrom('identity_events')
    .select(['event_id', 'change_id', 'type', 'customer_id', 'related_ids', 'members_before', 'members_after'])
    .$if(customerId !== null, (q) => q.where(sql<boolean>`(customer_id = ${customerId} or related_ids @> array[${customerId}]::text[])`))
    .orderBy('event_id')
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map(eventOf);
}

function eventOf(row: { event_id: number | string; change_id: number | string; type: string; customer_id: string; related_ids: string[]; members_before: string[]; members_after: string[] }): StoredIdentityEvent {
  return {
    id: `evt_${Number(row.event_id)}`,
    changeId: Number(row.change_id),
    // The column holds only the event types writeResolution.ts writes.
    type: row.type as IdentityEvent['type'],
    customerId: row.customer_id,
    relatedIds: row.related_ids,
    membersBefore: row.members_before.map(splitRecordKey),
    membersAfter: row.members_after.map(splitRecordKey),
  };
}

export async function changesById(db: Kysely<Schema>, ids: readonly number[]): Promise<Map<number, IdentityChange>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('identity_changes').selectAll().where('change_id', 'in', [...ids]).execute();
  return new Map(
    rows.map((r) => [
      Number(r.change_id),
      { changeId: Number(r.change_id), at: iso(new Date(r.at)), cause: r.cause, system: (r.system as SourceSystem | null) ?? null, decisionId: r.decision_id === null ? null : Number(r.decision_id) },
    ]),
  );
}

/** The events of some changes that concern one customer. */
export async function eventsOfChanges(db: Kysely<Schema>, changeIds: readonly number[], customerId: string): Promise<Map<number, StoredIdentityEvent[]>> {
  const out = new Map<number, StoredIdentityEvent[]>();
  if (changeIds.length === 0) return out;
  const rows = await db
    .selectFrom('identity_events')
    .select(['event_id', 'change_id', 'type', 'customer_id', 'related_ids', 'members_before', 'members_after'])
    .where('change_id', 'in', [...changeIds])
    .where(sql<boolean>`(customer_id = ${customerId} or related_ids @> array[${customerId}]::text[])`)
    .orderBy('event_id')
    .execute();
  for (const row of rows) {
    const event = eventOf(row);
    out.set(event.changeId, [...(out.get(event.changeId) ?? []), event]);
  }
  return out;
}

/** One membership change of a customer: a record joined or left it. */
export interface MembershipChange {
  at: string;
  change: 'JOINED' | 'LEFT';
  record: SourceRef;
  customerId: string;
  changeId: number;
}

/** Every record that joined or left the customer, oldest first (then by change, leaves first, then by record). */
export async function crosswalkHistory(db: Kysely<Schema>, customerId: string, offset: number, limit: number): Promise<MembershipChange[]> {
  const { rows } = await sql<{ at: Date; change: 'JOINED' | 'LEFT'; record_key: string; change_id: number | string }>`
    select at, change, record_key, change_id from (
      select valid_from as at, 'JOINED' as change, record_key, opened_by as change_id from crosswalk where customer_id = ${customerId}
      union all
      select valid_to, 'LEFT', record_key, closed_by from crosswalk where customer_id = ${customerId} and valid_to is not null
    ) h order by at, change_id, change desc, record_key offset ${offset} limit ${limit}`.execute(db);
  return rows.map((r) => ({ at: iso(new Date(r.at)), change: r.change, record: splitRecordKey(r.record_key), customerId, changeId: Number(r.change_id) }));
}
