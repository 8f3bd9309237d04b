import { sql, type Kysely, type Transaction } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import { blockingKeys, normaliseParty, retrainResolution, type ClusterEntry, type MatchModel, type NormalisedParty, type ResolutionState } from '../matcherApi';
import { IDENTITY_LOCKS } from './locks';
import { matchConfigOf, saveMatchModel } from './matchModelStore';
import { loadOverrides, type StoredRecord } from './neighbourhood';
import { reviewQueueCount } from './reviewQueueStore';
import { writeResolution } from './writeResolution';

/** A retrain is running (on this or another replica): this one was refused, nothing was written. */
export class RetrainInProgressError extends Error {
  override readonly name = 'RetrainInProgressError';
  constructor() {
    super('a retrain of the match model is already running');
  }
}

export interface RetrainOutcome {
  /** The identity change the retrain recorded (cause RETRAIN). */
  changeId: number;
  /** Records the model was trained on and every pair of which was re-scored. */
  records: number;
  /** Whether the model was learned from these records (false: too few, the default model scores them). */
  trained: boolean;
  /** Records that moved to another customer. */
  moved: number;
  /** Identity events the re-clustering produced (merges, splits, ...). */
  events: number;
  /** Pairs waiting for a steward afterwards. */
  queued: number;
  model: MatchModel;
}

const BATCH = 5000;

/**
 * Retrains the match model on every record in the store and re-scores the whole population with
 * it, in one transaction under the write lock (the follower and steward decisions wait; a crash
 * leaves everything as it was): ids are kept as for any change (events say what moved), steward
 * decisions stay in force (they are overrides, not scores), the new model is stored as readable
 * JSON (identity_meta `match_model`) and scores every later change, and the review queue is
 * replaced by the new scores (decided pairs left out). Memory grows with the population, like the
 * initial load's: this runs on demand, never per change. A second retrain while one runs (any
 * replica) is refused with RetrainInProgressError.
 */
export async function retrainStore(db: Kysely<Schema>, request: { requestedBy: string; reason: string }): Promise<RetrainOutcome> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${IDENTITY_LOCKS.RETRAIN}) as locked`.execute(trx);
    if (!rows[0].locked) throw new RetrainInProgressError();
    await sql`select pg_advisory_xact_lock(${IDENTITY_LOCKS.WRITE})`.execute(trx);

    const { state, records } = await loadWholeState(trx);
    const result = retrainResolution(state);
    const model = result.state.config.model!;
    const change = await trx.insertInto('identity_changes').values({ cause: 'RETRAIN', system: null, decision_id: null, requested_by: request.requestedBy, reason: request.reason }).returning('change_id').executeTakeFirstOrThrow();
    const changeId = Number(change.change_id);
    const written = await writeResolution(trx, { changeId, before: state, after: result.state, events: result.events, changed: [], stored: records, reviewScope: { all: true } });
    await saveMatchModel(trx, model);
    return {
      changeId,
      records: state.parties.size,
      trained: state.parties.size >= state.config.training.minRecords,
      moved: written.moved,
      events: result.events.length,
      queued: await reviewQueueCount(trx),
      model,
    };
  });
}

/** The whole store as one resolution state (records, clusters, issued ids, decisions, the stored model). */
async function loadWholeState(trx: Transaction<Schema>): Promise<{ state: ResolutionState; records: Map<string, StoredRecord> }> {
  const config = await matchConfigOf(trx);
  const records = new Map<string, StoredRecord>();
  const parties = new Map<string, NormalisedParty>();
  const blocks = new Map<string, string[]>();
  let after = '';
  for (;;) {
    const page = await trx.selectFrom('source_records').select(['record_key', 'party', 'block_keys', 'search_terms']).where('record_key', '>', after).orderBy('record_key').limit(BATCH).execute();
    for (const row of page) {
      const party = row.party as SourceParty;
      records.set(row.record_key, { party, blockKeys: row.block_keys, searchTerms: row.search_terms });
      const normalised = normaliseParty(party);
      parties.set(row.record_key, normalised);
      for (const key of new Set(blockingKeys(normalised, config.blockingRules))) {
        const block = blocks.get(key);
        if (block) block.push(row.record_key);
        else blocks.set(key, [row.record_key]);
      }
    }
    if (page.length < BATCH) break;
    after = page[page.length - 1].record_key;
  }
  const clusterOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  const crosswalk = await trx.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).execute();
  for (const row of crosswalk) {
    clusterOf.set(row.record_key, row.customer_id);
    const list = members.get(row.customer_id);
    if (list) list.push(row.record_key);
    else members.set(row.customer_id, [row.record_key]);
  }
  const customers = await trx.selectFrom('customers').select(['customer_id', 'anchor', 'retired_at']).execute();
  const clusters = new Map<string, ClusterEntry>();
  for (const row of customers) {
    const keys = members.get(row.customer_id);
    if (row.retired_at === null && keys) clusters.set(row.customer_id, { anchor: row.anchor, members: keys.sort() });
  }
  const state: ResolutionState = {
    config,
    overrides: await loadOverrides(trx, [...parties.keys()]),
    parties,
    clusterOf,
    clusters,
    blocks,
    issuedIds: new Set(customers.map((c) => c.customer_id)),
  };
  return { state, records };
}
