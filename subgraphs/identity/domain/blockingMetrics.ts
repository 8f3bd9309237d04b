/**
 * How good the blocking is, against the truth: the reduction ratio (share of all record pairs
 * that are never compared) and the pairs completeness (share of the true pairs that are
 * compared at all). A true pair blocking misses can still end up together through other
 * records of the person, but the model never sees it.
 */
import type { BlockingIndex } from './blocking';
import type { NormalisedParty } from './normalisedParty';

export interface BlockingQuality {
  recordPairs: number;
  candidatePairs: number;
  reductionRatio: number;
  truePairs: number;
  truePairsCompared: number;
  pairsCompleteness: number;
}

/** `blocking` must have produced its pairs over `sorted`; `personOfRecord` maps source keys to persons. */
export function blockingQuality(
  sorted: readonly NormalisedParty[],
  blocking: BlockingIndex,
  candidatePairs: number,
  personOfRecord: ReadonlyMap<string, string>,
): BlockingQuality {
  const recordsOf = new Map<string, number[]>();
  sorted.forEach((p, i) => {
    const person = personOfRecord.get(p.key);
    if (person === undefined) return;
    const list = recordsOf.get(person);
    if (list) list.push(i);
    else recordsOf.set(person, [i]);
  });
  let truePairs = 0;
  let compared = 0;
  for (const records of recordsOf.values()) {
    for (let x = 0; x < records.length; x++) {
      for (let y = x + 1; y < records.length; y++) {
        truePairs++;
        if (blocking.compared(records[x], records[y])) compared++;
      }
    }
  }
  const n = sorted.length;
  const recordPairs = (n * (n - 1)) / 2;
  return {
    recordPairs,
    candidatePairs,
    reductionRatio: recordPairs === 0 ? 1 : 1 - candidatePairs / recordPairs,
    truePairs,
    truePairsCompared: compared,
    pairsCompleteness: truePairs === 0 ? 1 : compared / truePairs,
  };
}
