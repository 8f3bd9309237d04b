import { sql, type Transaction } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import {
  blockingKeys,
  DEFAULT_MATCH_CONFIG,
  normaliseParty,
  sourceKey,
  type ClusterEntry,
  type NormalisedParty,
  type ResolutionState,
  type SourceRef,
  type StewardOverrides,
} from '../matcherApi';
import { splitRecordKey } from './recordRows';
import { matchConfigOf } from './matchModelStore';
import { inList } from '../../../db/sqlArrays';

export interface StoredRecord {
  party: SourceParty;
  blockKeys: string[];
  searchTerms: string[];
}

/** A change's neighbourhood, read from the database as a small resolution state. */
export interface Neighbourhood {
  state: ResolutionState;
  /** The stored records of the neighbourhood (the versions before the change). */
  records: Map<string, StoredRecord>;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/**
 * Loads what `applyChanges` reads when it applies a change to the records `touchedKeys` (the
 * changed records, or the two records of a steward decision), and nothing more:
 *
 * 1. the blocks of the touched records' keys: every member when the block is small enough to be
 *    compared, else `maxBlockSize + 1 + touched` members, enough to show it is too large however
 *    the change moves the touched records in or out of it;
 * 2. the clusters (full membership, anchor) of the touched records and of those block members:
 *    the region the matcher re-links;
 * 3. every region record (normalised) and the blocks of all their keys (sizes, as above): the
 *    matcher skips a key too common in the whole population;
 * 4. every id ever issued for an anchor in the region (fresh ids must not reuse one) and the
 *    latest steward decision about any pair involving a region record;
 * 5. the model the initial load trained (matchModelStore.ts): without one the matcher would
 *    train on the neighbourhood.
 *
 * What applyChanges leaves outside its region is never read, so the state needs no more; the
 * memory used grows with the neighbourhood, not with the population.
 */
export async function loadNeighbourhood(trx: Transaction<Schema>, touchedKeys: readonly string[], changed: readonly SourceParty[]): Promise<Neighbourhood> {
  const maxBlock = DEFAULT_MATCH_CONFIG.maxBlockSize;
  const changedByKey = new Map(changed.map((p) => [sourceKey(p.system, p.localId), p]));
  const touched = unique([...touchedKeys, ...changedByKey.keys()]);
  const limit = maxBlock + 1 + touched.length;

  const records = await loadRecords(trx, touched);
  const blocks = new Map<string, string[]>();
  const touchedParties = touched.map((key) => changedByKey.get(key) ?? records.get(key)?.party).filter((p): p is SourceParty => p !== undefined);
  await loadBlocks(trx, unique(touchedParties.flatMap((p) => blockingKeys(normaliseParty(p)))), limit, blocks);

  // Block members in blocks that may be compared (a block loaded at the limit is too large).
  const candidates = new Set(touched);
  for (const members of blocks.values()) if (members.length < limit) for (const key of members) candidates.add(key);
  const candidateClusters = await currentClusters(trx, [...candidates]);
  const clusterIds = unique(candidateClusters.values());
  const memberRows = clusterIds.length === 0 ? [] : await trx.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).where(inList('customer_id', clusterIds)).execute();
  const clusterOf = new Map<string, string>();
  const membersOf = new Map<string, string[]>();
  for (const row of memberRows) {
    clusterOf.set(row.record_key, row.customer_id);
    const list = membersOf.get(row.customer_id);
    if (list) list.push(row.record_key);
    else membersOf.set(row.customer_id, [row.record_key]);
  }

  const region = unique([...touched, ...clusterOf.keys()]);
  const missing = region.filter((key) => !records.has(key));
  for (const [key, record] of await loadRecords(trx, missing)) records.set(key, record);
  const parties = new Map<string, NormalisedParty>();
  for (const [key, record] of records) parties.set(key, normaliseParty(record.party));
  const regionKeys = unique([...parties.values()].flatMap((p) => blockingKeys(p))).filter((key) => !blocks.has(key));
  await loadBlocks(trx, regionKeys, limit, blocks);

  const clusters = new Map<string, ClusterEntry>();
  if (clusterIds.length > 0) {
    const anchors = await trx.selectFrom('customers').select(['customer_id', 'anchor']).where(inList('customer_id', clusterIds)).execute();
    for (const row of anchors) clusters.set(row.customer_id, { anchor: row.anchor, members: [...(membersOf.get(row.customer_id) ?? [])].sort(byKey) });
  }
  const issued = region.length === 0 ? [] : await trx.selectFrom('customers').select('customer_id').where(inList('anchor', region)).execute();

  const state: ResolutionState = {
    config: await matchConfigOf(trx),
    overrides: await loadOverrides(trx, region),
    parties,
    clusterOf,
    clusters,
    blocks,
    issuedIds: new Set([...issued.map((r) => r.customer_id), ...clusterIds]),
  };
  return { state, records };
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function loadRecords(trx: Transaction<Schema>, keys: readonly string[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  if (keys.length === 0) return found;
  const rows = await trx.selectFrom('source_records').select(['record_key', 'party', 'block_keys', 'search_terms']).where(inList('record_key', keys)).execute();
  for (const row of rows) found.set(row.record_key, { party: row.party as SourceParty, blockKeys: row.block_keys, searchTerms: row.search_terms });
  return found;
}

/**
 * Each key's block, at most `limit` members (enough to tell it is too large), the members of
 * lowest record key. One index range read of at most `limit` entries per key (the primary key is
 * (block_key, record_key)): a common key's block grows with the population, and numbering
 * every member to keep the first `limit` read and sorted all of them on every change that
 * touched the key (one of the bench's changes at a million persons reached the graph in 2.2-2.5 s
 * that way, in 0.5-0.6 s this way: BENCHMARKS.md).
 */
async function loadBlocks(trx: Transaction<Schema>, keys: readonly string[], limit: number, into: Map<string, string[]>): Promise<void> {
  for (const key of keys) into.set(key, []);
  if (keys.length === 0) return;
  const { rows } = await sql<{ block_key: string; record_key: string }>`
    select k.block_key, b.record_key
    from unnest(${[...keys]}::text[]) as k(block_key)
    cross join lateral (
      select record_key from blocking_keys where blocking_keys.block_key = k.block_key order by record_key limit ${limit}
    ) b`.execute(trx);
  for (const row of rows) into.get(row.block_key)!.push(row.record_key);
}

async function currentClusters(trx: Transaction<Schema>, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await trx.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).where(inList('record_key', keys)).execute();
  return new Map(rows.map((r) => [r.record_key, r.customer_id]));
}

/** The latest decision about each pair of records that involves one of `keys`. */
export async function loadOverrides(trx: Transaction<Schema>, keys: readonly string[]): Promise<StewardOverrides> {
  if (keys.length === 0) return { alwaysMatch: [], neverMatch: [] };
  const { rows } = await sql<{ kind: 'LINK' | 'UNLINK'; record_a: string; record_b: string }>`
    select distinct on (least(record_a, record_b), greatest(record_a, record_b)) kind, record_a, record_b
    from steward_decisions
    where record_a = any(${[...keys]}::text[]) or record_b = any(${[...keys]}::text[])
    order by least(record_a, record_b), greatest(record_a, record_b), decision_id desc`.execute(trx);
  const pair = (row: { record_a: string; record_b: string }): readonly [SourceRef, SourceRef] => [splitRecordKey(row.record_a), splitRecordKey(row.record_b)];
  return {
    alwaysMatch: rows.filter((r) => r.kind === 'LINK').map(pair),
    neverMatch: rows.filter((r) => r.kind === 'UNLINK').map(pair),
  };
}
