import { sql, type Kysely, type Transaction } from 'kysely';
import type { ChangeEvent, SourceParty, SourceSystem } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import { applyChanges, sourceKey, type SourceRef, type StewardOverrides } from '../matcherApi';
import { IDENTITY_LOCKS } from './locks';
import { loadNeighbourhood } from './neighbourhood';
import { writeResolution, type WriteOutcome } from './writeResolution';

/** A page of one system's change feed, as read: the cursor it was read from and the one after it. */
export interface FeedPage {
  system: SourceSystem;
  /** The cursor the page was read from (undefined: the feed's start). */
  cursor: string | undefined;
  nextCursor: string;
  changes: readonly ChangeEvent[];
}

/** What applying a page did: the change it recorded (null: no party changed) and the records it applied. */
export interface FeedPageOutcome extends WriteOutcome {
  changeId: number | null;
  records: number;
}

/** Another follower moved this system's cursor since the page was read: nothing was written. */
export class StaleCursorError extends Error {
  override readonly name = 'StaleCursorError';
  constructor(readonly system: SourceSystem) {
    super(`the ${system} cursor moved since this page was read`);
  }
}

export type StewardDecisionKind = 'LINK' | 'UNLINK';

export interface StewardDecision {
  id: string;
  kind: StewardDecisionKind;
  a: SourceRef;
  b: SourceRef;
  decidedBy: string;
  reason: string;
  decidedAt: string;
}

export type DecisionOutcome = { decision: StewardDecision; customerIds: string[] } | { refused: 'UNKNOWN_RECORD'; ref: SourceRef };

async function takeWriteLock(trx: Transaction<Schema>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IDENTITY_LOCKS.WRITE})`.execute(trx);
}

async function newChange(trx: Transaction<Schema>, cause: 'FEED' | 'STEWARD', system: string | null, decisionId: number | null): Promise<number> {
  const row = await trx.insertInto('identity_changes').values({ cause, system, decision_id: decisionId }).returning('change_id').executeTakeFirstOrThrow();
  return Number(row.change_id);
}

/**
 * Applies one page of a system's change feed, exactly once: in one transaction, the page's
 * changed records are matched against their neighbourhood and written with every consequence,
 * each party change is logged by its feed position (a second application would violate the
 * key), and the system's cursor advances to the page's end, but only from the cursor the page
 * was read from (StaleCursorError otherwise, e.g. a second follower after a failover).
 *
 * `parties`: the changed records as the system holds them now (read after the page).
 */
export async function applyFeedPage(db: Kysely<Schema>, page: FeedPage, parties: readonly SourceParty[]): Promise<FeedPageOutcome> {
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const stored = await trx.selectFrom('feed_cursors').select('cursor').where('system', '=', page.system).forUpdate().executeTakeFirst();
    if ((stored?.cursor ?? undefined) !== page.cursor) throw new StaleCursorError(page.system);

    let outcome: FeedPageOutcome = { moved: 0, touchedCustomers: [], changeId: null, records: 0 };
    const partyChanges = page.changes.map((change, position) => ({ change, position })).filter(({ change }) => change.entity === 'party');
    if (partyChanges.length > 0) {
      const changeId = await newChange(trx, 'FEED', page.system, null);
      await sql`insert into feed_changes (system, cursor_before, position, local_id, changed_at, change_id)
        select ${page.system}, ${page.cursor ?? ''}, p::int, l, c::timestamptz, ${changeId}::bigint
        from unnest(${partyChanges.map((p) => String(p.position))}::text[], ${partyChanges.map((p) => p.change.localId)}::text[], ${partyChanges.map((p) => (Number.isNaN(Date.parse(p.change.changedAt)) ? null : p.change.changedAt))}::text[]) as x(p, l, c)`.execute(trx);
      if (parties.length > 0) {
        const neighbourhood = await loadNeighbourhood(trx, [], parties);
        const result = applyChanges(neighbourhood.state, parties);
        const written = await writeResolution(trx, { changeId, before: neighbourhood.state, after: result.state, events: result.events, changed: parties, stored: neighbourhood.records });
        outcome = { ...written, changeId, records: parties.length };
      } else {
        outcome = { ...outcome, changeId };
      }
    }
    await sql`insert into feed_cursors (system, cursor) values (${page.system}, ${page.nextCursor})
      on conflict (system) do update set cursor = excluded.cursor, updated_at = now()`.execute(trx);
    return outcome;
  });
}

/**
 * Records a data steward's decision about two records and applies it: the pair's latest decision
 * wins over any earlier one, only the two records' neighbourhood is re-clustered, and the change
 * carries the decision (who, when, why) into the crosswalk's history.
 */
export async function decide(db: Kysely<Schema>, kind: StewardDecisionKind, a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<DecisionOutcome> {
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const keys = [sourceKey(a.system, a.localId), sourceKey(b.system, b.localId)];
    const known = await trx.selectFrom('source_records').select('record_key').where('record_key', 'in', keys).execute();
    const unknown = [a, b].find((ref) => !known.some((row) => row.record_key === sourceKey(ref.system, ref.localId)));
    if (unknown) return { refused: 'UNKNOWN_RECORD' as const, ref: unknown };

    const neighbourhood = await loadNeighbourhood(trx, keys, []);
    const row = await trx
      .insertInto('steward_decisions')
      .values({ kind, record_a: keys[0], record_b: keys[1], decided_by: decidedBy, reason })
      .returning(['decision_id', 'decided_at'])
      .executeTakeFirstOrThrow();
    const decisionId = Number(row.decision_id);
    const changeId = await newChange(trx, 'STEWARD', null, decisionId);
    const overrides = withDecision(neighbourhood.state.overrides, kind, a, b);
    const result = applyChanges(neighbourhood.state, [], { overrides });
    await writeResolution(trx, { changeId, before: neighbourhood.state, after: result.state, events: result.events, changed: [], stored: neighbourhood.records });
    const customerIds = [...new Set(keys.map((key) => result.state.clusterOf.get(key)).filter((id): id is string => id !== undefined))];
    return {
      decision: { id: `dec_${decisionId}`, kind, a, b, decidedBy, reason, decidedAt: new Date(row.decided_at).toISOString() },
      customerIds,
    };
  });
}

/** The overrides with this decision replacing any earlier one about the same pair. */
export function withDecision(current: StewardOverrides, kind: StewardDecisionKind, a: SourceRef, b: SourceRef): StewardOverrides {
  const key = (ref: SourceRef) => sourceKey(ref.system, ref.localId);
  const same = ([x, y]: readonly [SourceRef, SourceRef]) =>
    (key(x) === key(a) && key(y) === key(b)) || (key(x) === key(b) && key(y) === key(a));
  return {
    alwaysMatch: [...current.alwaysMatch.filter((p) => !same(p)), ...(kind === 'LINK' ? [[a, b] as const] : [])],
    neverMatch: [...current.neverMatch.filter((p) => !same(p)), ...(kind === 'UNLINK' ? [[a, b] as const] : [])],
  };
}
