import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../../db/schema';
import { bandOf, compileModel, defaultMatchModel, explainPair, DEFAULT_MATCH_CONFIG, type MatchConfig, type MatchModel, type NormalisedParty, type PairExplanation, type ScoredPair } from '../matcherApi';
import { unnestText } from '../../../db/sqlArrays';

/**
 * The data stewards' review queue in the database (table `match_review_queue`, migration 0003).
 *
 * Written wherever the matcher scores pairs: the initial load (every pair), a feed page or a
 * steward decision (the pairs of the neighbourhood it re-linked), a retrain (every pair again).
 * Read as a queue that leaves out
 * - every pair a steward has decided (any row in steward_decisions about the two records): a
 *   decision is an override the model never reverses, so a retrained model's score of a decided
 *   pair is kept but never queued again;
 * - pairs whose two records are now in one customer (linked by other means: a steward's link of
 *   one of them to a third record, a change that made the pair stronger).
 */

export type QueueReason = 'REVIEW_BAND' | 'KEPT_APART';

/** One pair as stored: what the model made of it when it was last scored. */
export interface QueuedPair {
  /** Source keys `SYSTEM:localId`, a < b. */
  a: string;
  b: string;
  probability: number;
  matchWeight: number;
  band: 'LINKED' | 'REVIEW';
  reason: QueueReason;
  explanation: PairExplanation;
  scoredAt: Date;
}

/** Where the queue continues after: the last pair of a page (the order is probability desc, a, b). */
export interface QueuePosition {
  probability: number;
  a: string;
  b: string;
}

/**
 * The rows for scored pairs: the pairs the matcher hands back (review band, or linked but kept
 * apart), each with its explanation under `config`'s model. Pairs below the review band are
 * not queued; a pair whose record is not at hand is skipped (it is scored again with it).
 */
export function reviewRowsOf(pairs: Iterable<ScoredPair>, partyOf: (key: string) => NormalisedParty | undefined, config: MatchConfig): Array<Omit<QueuedPair, 'scoredAt'>> {
  const compiled = compileModel(config.model ?? defaultMatchModel());
  const rows: Array<Omit<QueuedPair, 'scoredAt'>> = [];
  const seen = new Set<string>();
  for (const pair of pairs) {
    const band = bandOf(pair.probability, config.thresholds);
    if (band === 'NOT_LINKED') continue;
    const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
    const key = `${a}|${b}`;
    const x = partyOf(a);
    const y = partyOf(b);
    if (seen.has(key) || !x || !y) continue;
    seen.add(key);
    const explanation = explainPair(x, y, compiled, config);
    rows.push({ a, b, probability: pair.probability, matchWeight: pair.weight, band, reason: band === 'REVIEW' ? 'REVIEW_BAND' : 'KEPT_APART', explanation });
  }
  return rows;
}

/** Which stored pairs a write replaces: all of them (initial load, retrain), or those a neighbourhood re-scored. */
export type RescoredScope =
  | { all: true }
  /** Pairs with both records in `region` (re-linked together) or one record in `touched` (changed or decided: every candidate of theirs is in the region). */
  | { all?: false; region: readonly string[]; touched: readonly string[] };

const BATCH = 2000;

/**
 * Replaces the stored pairs of `scope` with `rows`, leaving out pairs a steward has decided
 * (their decision stands, so they have nothing to wait for).
 */
export async function replaceReviewPairs(trx: Transaction<Schema>, scope: RescoredScope, rows: ReadonlyArray<Omit<QueuedPair, 'scoredAt'>>, changeId: number | null): Promise<void> {
  if (scope.all) {
    await sql`delete from match_review_queue`.execute(trx);
  } else {
    if (scope.region.length === 0 && scope.touched.length === 0) return;
    await sql`delete from match_review_queue
      where (record_a = any(${[...scope.region]}::text[]) and record_b = any(${[...scope.region]}::text[]))
         or record_a = any(${[...scope.touched]}::text[]) or record_b = any(${[...scope.touched]}::text[])`.execute(trx);
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const slice = rows.slice(i, i + BATCH);
    await sql`insert into match_review_queue (record_a, record_b, probability, match_weight, band, reason, explanation, scored_by)
      select a, b, p::float8, w::float8, band, reason, e::jsonb, ${changeId}::bigint
      from ${unnestText([
        slice.map((r) => r.a),
        slice.map((r) => r.b),
        slice.map((r) => String(r.probability)),
        slice.map((r) => String(r.matchWeight)),
        slice.map((r) => r.band),
        slice.map((r) => r.reason),
        slice.map((r) => JSON.stringify(r.explanation)),
      ])} as q(a, b, p, w, band, reason, e)
      where not exists (select 1 from steward_decisions d
        where (d.record_a = q.a and d.record_b = q.b) or (d.record_a = q.b and d.record_b = q.a))
      on conflict (record_a, record_b) do update set probability = excluded.probability, match_weight = excluded.match_weight,
        band = excluded.band, reason = excluded.reason, explanation = excluded.explanation, scored_at = now(), scored_by = excluded.scored_by`.execute(trx);
  }
}

/** The initial load's queue: the batch run's pairs, explained with the model it trained (the records are looked up once). */
export async function saveInitialReviewQueue(trx: Transaction<Schema>, pairs: readonly ScoredPair[], parties: readonly NormalisedParty[], model: MatchModel): Promise<void> {
  const wanted = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const byKey = new Map<string, NormalisedParty>();
  for (const party of parties) if (wanted.has(party.key)) byKey.set(party.key, party);
  await replaceReviewPairs(trx, { all: true }, reviewRowsOf(pairs, (key) => byKey.get(key), { ...DEFAULT_MATCH_CONFIG, model }), null);
}

/** A steward decided the pair: it leaves the queue (and is never written back while the decision exists). */
export async function removeDecidedPair(trx: Transaction<Schema>, x: string, y: string): Promise<void> {
  const [a, b] = x < y ? [x, y] : [y, x];
  await trx.deleteFrom('match_review_queue').where('record_a', '=', a).where('record_b', '=', b).execute();
}

/** The pairs that wait for a steward (see the file's comment for what is left out). */
const waiting = sql<boolean>`not exists (select 1 from steward_decisions d
    where (d.record_a = q.record_a and d.record_b = q.record_b) or (d.record_a = q.record_b and d.record_b = q.record_a))
  and not exists (select 1 from crosswalk x join crosswalk y on y.customer_id = x.customer_id and y.record_key = q.record_b and y.valid_to is null
    where x.record_key = q.record_a and x.valid_to is null)`;

type Row = { record_a: string; record_b: string; probability: number; match_weight: number; band: 'LINKED' | 'REVIEW'; reason: QueueReason; explanation: unknown; scored_at: Date | string };

const toPair = (row: Row): QueuedPair => ({
  a: row.record_a,
  b: row.record_b,
  probability: Number(row.probability),
  matchWeight: Number(row.match_weight),
  band: row.band,
  reason: row.reason,
  explanation: (typeof row.explanation === 'string' ? JSON.parse(row.explanation) : row.explanation) as PairExplanation,
  scoredAt: new Date(row.scored_at),
});

/** Up to `limit` waiting pairs after `after`, most probable first (then by the records' keys). */
export async function reviewQueuePage(db: Kysely<Schema> | Transaction<Schema>, after: QueuePosition | null, limit: number): Promise<QueuedPair[]> {
  const from = after
    ? sql`and (q.probability < ${after.probability}::float8 or (q.probability = ${after.probability}::float8 and (q.record_a, q.record_b) > (${after.a}, ${after.b})))`
    : sql``;
  const { rows } = await sql<Row>`select q.record_a, q.record_b, q.probability, q.match_weight, q.band, q.reason, q.explanation, q.scored_at
    from match_review_queue q where ${waiting} ${from}
    order by q.probability desc, q.record_a, q.record_b limit ${limit}`.execute(db);
  return rows.map(toPair);
}

/** How many pairs wait. */
export async function reviewQueueCount(db: Kysely<Schema> | Transaction<Schema>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from match_review_queue q where ${waiting}`.execute(db);
  return rows[0].n;
}

/** The stored pair, waiting or not (null: the matcher never queued it). */
export async function storedPair(db: Kysely<Schema> | Transaction<Schema>, x: string, y: string): Promise<QueuedPair | null> {
  const [a, b] = x < y ? [x, y] : [y, x];
  const { rows } = await sql<Row>`select record_a, record_b, probability, match_weight, band, reason, explanation, scored_at
    from match_review_queue where record_a = ${a} and record_b = ${b}`.execute(db);
  return rows[0] ? toPair(rows[0]) : null;
}
