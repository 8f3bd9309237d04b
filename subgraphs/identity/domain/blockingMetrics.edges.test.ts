import type { BlockingIndex } from './blocking';
import { blockingQuality } from './blockingMetrics';
import type { NormalisedParty } from './normalisedParty';

/** Records by key only, and a blocking that compared exactly the listed index pairs. */
const records = (...keys: string[]) => keys.map((key) => ({ key }) as NormalisedParty);
const comparing = (...pairs: Array<[number, number]>) => ({ compared: (i: number, j: number) => pairs.some(([a, b]) => a === i && b === j) }) as unknown as BlockingIndex;

describe('blockingQuality, every figure by hand', () => {
  it('counts the true pairs of each person, compared or not', () => {
    // P: records 0, 2, 3 (three true pairs: 0-2, 0-3, 2-3); Q: 1 and 4 (one: 1-4); record 5 unknown.
    const sorted = records('A:0', 'A:1', 'A:2', 'A:3', 'A:4', 'A:5');
    const truth = new Map([['A:0', 'P'], ['A:2', 'P'], ['A:3', 'P'], ['A:1', 'Q'], ['A:4', 'Q']]);
    const q = blockingQuality(sorted, comparing([0, 2], [2, 3], [1, 4], [0, 1], [3, 5]), 5, truth);
    expect(q).toEqual({ recordPairs: 15, candidatePairs: 5, reductionRatio: 1 - 5 / 15, truePairs: 4, truePairsCompared: 3, pairsCompleteness: 3 / 4 });
  });

  it('is 1 for both ratios with no records', () => {
    const q = blockingQuality([], comparing(), 0, new Map());
    expect(q.recordPairs === 0).toBe(true); // 0 or -0
    expect(q).toMatchObject({ candidatePairs: 0, reductionRatio: 1, truePairs: 0, truePairsCompared: 0, pairsCompleteness: 1 });
  });

  it('is complete when no person has two records', () => {
    const q = blockingQuality(records('A:0', 'A:1'), comparing([0, 1]), 1, new Map([['A:0', 'P'], ['A:1', 'Q']]));
    expect(q).toEqual({ recordPairs: 1, candidatePairs: 1, reductionRatio: 0, truePairs: 0, truePairsCompared: 0, pairsCompleteness: 1 });
  });
});

describe('blockingQuality of records the truth does not know', () => {
  it('makes no true pairs of them', () => {
    const q = blockingQuality(records('A:0', 'A:1', 'A:2'), comparing([0, 1]), 1, new Map([['A:2', 'P']]));
    expect(q).toEqual({ recordPairs: 3, candidatePairs: 1, reductionRatio: 1 - 1 / 3, truePairs: 0, truePairsCompared: 0, pairsCompleteness: 1 });
  });
});
