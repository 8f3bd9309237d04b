import { sql, type Transaction } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import { discrepanciesOf, type Discrepancy } from '../discrepancies';
import { sourceKey, type IdentityEvent, type ResolutionState, type SourceRef, type StewardOverrides } from '../matcherApi';
import type { StoredRecord } from './neighbourhood';
import { recordRow, splitRecordKey, type RecordRow } from './recordRows';
import { replaceReviewPairs, reviewRowsOf, type RescoredScope } from './reviewQueueStore';
import { inList, jsonTextArray, unnestText } from '../../../db/sqlArrays';

export interface ResolutionWrite {
  changeId: number;
  before: ResolutionState;
  after: ResolutionState;
  events: readonly IdentityEvent[];
  /** New versions of source records (upserted with their keys). */
  changed: readonly SourceParty[];
  /** The stored versions of the neighbourhood's records. */
  stored: ReadonlyMap<string, StoredRecord>;
  /** Which stored review-queue pairs `after.reviewPairs` replaces (default: those of the neighbourhood it re-linked). */
  reviewScope?: RescoredScope;
}

export interface WriteOutcome {
  /** Records that moved to another customer (or joined one). */
  moved: number;
  /** Live customers whose membership or records changed. */
  touchedCustomers: string[];
}

const refKey = (ref: SourceRef) => `${ref.system}:${ref.localId}`;

/** Upserts source records with their blocking and search keys (replacing the keys they had). */
export async function writeRecords(trx: Transaction<Schema>, rows: readonly RecordRow[], stored: ReadonlyMap<string, StoredRecord>): Promise<void> {
  if (rows.length === 0) return;
  const oldBlocks: Array<[string, string]> = [];
  const oldTerms: Array<[string, string]> = [];
  for (const row of rows) {
    const previous = stored.get(row.recordKey);
    if (!previous) continue;
    for (const key of previous.blockKeys) oldBlocks.push([key, row.recordKey]);
    for (const term of previous.searchTerms) oldTerms.push([term, row.recordKey]);
  }
  if (oldBlocks.length > 0) {
    await sql`delete from blocking_keys where (block_key, record_key) in (select * from ${unnestText([oldBlocks.map((p) => p[0]), oldBlocks.map((p) => p[1])])})`.execute(trx);
  }
  if (oldTerms.length > 0) {
    await sql`delete from search_keys where (search_term, record_key) in (select * from ${unnestText([oldTerms.map((p) => p[0]), oldTerms.map((p) => p[1])])})`.execute(trx);
  }
  await insertRecordRows(trx, rows, 'upsert');
}

/** Inserts (or upserts) records and their keys in a few statements. */
export async function insertRecordRows(trx: Transaction<Schema>, rows: readonly RecordRow[], mode: 'insert' | 'upsert'): Promise<void> {
  if (rows.length === 0) return;
  const columns = unnestText([
    rows.map((r) => r.recordKey),
    rows.map((r) => r.system),
    rows.map((r) => r.localId),
    rows.map((r) => JSON.stringify(r.party)),
    rows.map((r) => jsonTextArray(r.blockKeys)),
    rows.map((r) => jsonTextArray(r.searchTerms)),
  ]);
  const conflict =
    mode === 'upsert'
      ? sql`on conflict (record_key) do update set party = excluded.party, block_keys = excluded.block_keys, search_terms = excluded.search_terms, updated_at = now()`
      : sql``;
  await sql`insert into source_records (record_key, system, local_id, party, block_keys, search_terms)
    select k, s, l, p::jsonb, array(select jsonb_array_elements_text(b::jsonb)), array(select jsonb_array_elements_text(t::jsonb))
    from ${columns} as r(k, s, l, p, b, t) ${conflict}`.execute(trx);
  const blocks = rows.flatMap((r) => r.blockKeys.map((key) => [key, r.recordKey] as const));
  if (blocks.length > 0) {
    await sql`insert into blocking_keys (block_key, record_key) select * from ${unnestText([blocks.map((b) => b[0]), blocks.map((b) => b[1])])} on conflict do nothing`.execute(trx);
  }
  const terms = rows.flatMap((r) => r.searchTerms.map((term) => [term, r.recordKey] as const));
  if (terms.length > 0) {
    await sql`insert into search_keys (search_term, record_key) select * from ${unnestText([terms.map((t) => t[0]), terms.map((t) => t[1])])} on conflict do nothing`.execute(trx);
  }
}

/**
 * Writes the difference between the neighbourhood before and after `applyChanges`: records,
 * new and retired customer ids (a merged-away id points at its survivor), crosswalk rows closed
 * and opened at this transaction's instant, the matcher's events with members before and after,
 * and the discrepancies of every customer whose records or membership changed.
 */
export async function writeResolution(trx: Transaction<Schema>, write: ResolutionWrite): Promise<WriteOutcome> {
  const { before, after, changeId } = write;
  await writeRecords(trx, write.changed.map((party) => recordRow(party)), write.stored);

  const created = [...after.clusters.entries()].filter(([id]) => !before.clusters.has(id));
  if (created.length > 0) {
    await sql`insert into customers (customer_id, anchor, created_by)
      select id, anchor, ${changeId}::bigint from ${unnestText([created.map(([id]) => id), created.map(([, entry]) => entry.anchor)])} as c(id, anchor)`.execute(trx);
  }

  const mergedInto = new Map<string, string>();
  for (const event of write.events) if (event.type === 'MERGED') for (const id of event.mergedIds) mergedInto.set(id, event.customerId);
  const retired = [...before.clusters.keys()].filter((id) => !after.clusters.has(id));
  if (retired.length > 0) {
    await sql`update customers set retired_at = now(), retired_by = ${changeId}::bigint, merged_into = m.survivor
      from ${unnestText([retired, retired.map((id) => mergedInto.get(id) ?? null)])} as m(id, survivor)
      where customers.customer_id = m.id`.execute(trx);
  }

  const moved: Array<{ key: string; from: string | undefined; to: string }> = [];
  for (const [key, to] of after.clusterOf) {
    const from = before.clusterOf.get(key);
    if (from !== to) moved.push({ key, from, to });
  }
  const leaving = moved.filter((m) => m.from !== undefined).map((m) => m.key);
  if (leaving.length > 0) {
    await sql`update crosswalk set valid_to = now(), closed_by = ${changeId}::bigint where valid_to is null and ${inList('record_key', leaving)}`.execute(trx);
  }
  if (moved.length > 0) {
    await sql`insert into crosswalk (record_key, customer_id, valid_from, opened_by)
      select k, c, now(), ${changeId}::bigint from ${unnestText([moved.map((m) => m.key), moved.map((m) => m.to)])} as x(k, c)`.execute(trx);
  }

  if (write.events.length > 0) {
    const rows = write.events.map((event) => ({
      type: event.type,
      customerId: event.customerId,
      related: event.type === 'MERGED' ? event.mergedIds : event.type === 'SPLIT' ? event.splitIds : [],
      before: [...(before.clusters.get(event.customerId)?.members ?? [])],
      after: [...(after.clusters.get(event.customerId)?.members ?? [])],
      detail: JSON.stringify(event),
    }));
    await sql`insert into identity_events (change_id, type, customer_id, related_ids, members_before, members_after, detail)
      select ${changeId}::bigint, t, c, array(select jsonb_array_elements_text(r::jsonb)), array(select jsonb_array_elements_text(b::jsonb)),
        array(select jsonb_array_elements_text(a::jsonb)), d::jsonb
      from ${unnestText([rows.map((r) => r.type), rows.map((r) => r.customerId), rows.map((r) => jsonTextArray(r.related)), rows.map((r) => jsonTextArray(r.before)), rows.map((r) => jsonTextArray(r.after)), rows.map((r) => r.detail)])} as e(t, c, r, b, a, d)`.execute(trx);
  }

  // Customers whose discrepancies may differ now: their membership or one of their records changed.
  const touched = new Set<string>();
  for (const m of moved) {
    touched.add(m.to);
    if (m.from) touched.add(m.from);
  }
  for (const party of write.changed) {
    const id = after.clusterOf.get(refKey(party));
    if (id) touched.add(id);
  }
  for (const id of retired) touched.add(id);
  const partyOf = (key: string): SourceParty | undefined => write.changed.find((p) => refKey(p) === key) ?? write.stored.get(key)?.party;
  const changedByKey = new Map(write.changed.map((p) => [refKey(p), p]));
  const live = [...touched].filter((id) => after.clusters.has(id));
  const found: Discrepancy[] = [];
  for (const id of live) {
    const parties = after.clusters.get(id)!.members.map((key) => changedByKey.get(key) ?? partyOf(key)).filter((p): p is SourceParty => p !== undefined);
    found.push(...discrepanciesOf(id, parties));
  }
  await replaceDiscrepancies(trx, [...touched], found);

  // The pairs the matcher re-scored go to the stewards' review queue, replacing what it held of them.
  const scope = write.reviewScope ?? { region: [...after.parties.keys()], touched: [...write.changed.map(refKey), ...overrideChangeKeys(before.overrides, after.overrides)] };
  await replaceReviewPairs(trx, scope, reviewRowsOf(after.reviewPairs?.values() ?? [], (key) => after.parties.get(key), after.config), changeId);
  return { moved: moved.length, touchedCustomers: live.sort() };
}

/** Records of the steward pairs added to or dropped from the overrides (a decision re-links them). */
function overrideChangeKeys(before: StewardOverrides, after: StewardOverrides): string[] {
  const pairs = (o: StewardOverrides) => [...o.alwaysMatch.map((p) => ['L', ...p] as const), ...o.neverMatch.map((p) => ['U', ...p] as const)];
  const id = ([kind, x, y]: readonly [string, SourceRef, SourceRef]) => `${kind}|${[sourceKey(x.system, x.localId), sourceKey(y.system, y.localId)].sort().join('|')}`;
  const old = new Set(pairs(before).map(id));
  const now = new Set(pairs(after).map(id));
  const keys = new Set<string>();
  for (const p of pairs(after)) if (!old.has(id(p))) [p[1], p[2]].forEach((r) => keys.add(sourceKey(r.system, r.localId)));
  for (const p of pairs(before)) if (!now.has(id(p))) [p[1], p[2]].forEach((r) => keys.add(sourceKey(r.system, r.localId)));
  return [...keys];
}

/** Replaces the discrepancies of `customerIds` with `found`. */
export async function replaceDiscrepancies(trx: Transaction<Schema>, customerIds: readonly string[], found: readonly Discrepancy[]): Promise<void> {
  if (customerIds.length > 0) await trx.deleteFrom('discrepancies').where(inList('customer_id', customerIds)).execute();
  await insertDiscrepancies(trx, found);
}

export async function insertDiscrepancies(trx: Transaction<Schema>, found: readonly Discrepancy[]): Promise<void> {
  if (found.length === 0) return;
  await sql`insert into discrepancies (customer_id, field, system_a, local_id_a, value_a, system_b, local_id_b, value_b)
    select * from ${unnestText([
      found.map((d) => d.customerId),
      found.map((d) => d.field),
      found.map((d) => d.systemA),
      found.map((d) => d.localIdA),
      found.map((d) => d.valueA),
      found.map((d) => d.systemB),
      found.map((d) => d.localIdB),
      found.map((d) => d.valueB),
    ])}`.execute(trx);
}

export { splitRecordKey };
