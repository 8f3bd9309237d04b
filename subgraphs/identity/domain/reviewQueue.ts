/**
 * Bands and the data stewards' review queue, as pure functions of scored pairs and the
 * stewards' decisions.
 *
 * A pair's match probability puts it in one of three bands: LINKED (at or above the link
 * threshold), REVIEW (between the review and link thresholds) or NOT_LINKED. The queue holds
 * the review-band pairs, and linked pairs that clustering kept apart (a guard refused the
 * merge), that no steward has decided yet. A decision (link or unlink, the always-match and
 * never-match lists) is keyed by the two records, not by a score, so a decided pair stays out
 * of the queue whatever a retrained model later says of it.
 */
import type { MatchThresholds } from './matchConfig';
import { sourceKey } from './normalisedParty';
import type { StewardOverrides } from './stewardOverrides';

export type Band = 'LINKED' | 'REVIEW' | 'NOT_LINKED';

export function bandOf(probability: number, thresholds: MatchThresholds): Band {
  if (probability >= thresholds.link) return 'LINKED';
  if (probability >= thresholds.review) return 'REVIEW';
  return 'NOT_LINKED';
}

/** Two records (source keys `SYSTEM:localId`) and what the model made of them. */
export interface ScoredPair {
  a: string;
  b: string;
  /** Match weight: log2 odds that the two are one person. */
  weight: number;
  probability: number;
}

export interface ReviewItem extends ScoredPair {
  band: Band;
  /** Why the pair waits for a steward: in the review band, or linked but kept apart by a clustering guard. */
  reason: 'REVIEW_BAND' | 'KEPT_APART';
}

/** The pair's key, the same whichever record comes first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every pair a steward has decided, link or unlink. */
export function decidedPairs(decisions: StewardOverrides): Set<string> {
  const decided = new Set<string>();
  for (const [x, y] of [...decisions.alwaysMatch, ...decisions.neverMatch]) decided.add(pairKey(sourceKey(x.system, x.localId), sourceKey(y.system, y.localId)));
  return decided;
}

/**
 * The queue: undecided pairs in the review band, and undecided linked pairs whose records are
 * in different clusters (`clusterOf` gives a record's cluster; without it, only the review band
 * is queued). Most probable first; each pair once.
 */
export function reviewQueue(
  pairs: Iterable<ScoredPair>,
  decisions: StewardOverrides,
  thresholds: MatchThresholds,
  clusterOf?: (key: string) => string | undefined,
): ReviewItem[] {
  const decided = decidedPairs(decisions);
  const seen = new Set<string>();
  const queue: ReviewItem[] = [];
  for (const pair of pairs) {
    const key = pairKey(pair.a, pair.b);
    if (decided.has(key) || seen.has(key)) continue;
    const band = bandOf(pair.probability, thresholds);
    let reason: ReviewItem['reason'] | null = null;
    if (band === 'REVIEW') reason = 'REVIEW_BAND';
    else if (band === 'LINKED' && clusterOf && clusterOf(pair.a) !== clusterOf(pair.b)) reason = 'KEPT_APART';
    if (!reason) continue;
    seen.add(key);
    const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
    queue.push({ ...pair, a, b, band, reason });
  }
  return queue.sort((x, y) => y.probability - x.probability || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
