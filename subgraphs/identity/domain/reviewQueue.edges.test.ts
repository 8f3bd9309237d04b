import { bandOf, decidedPairs, pairKey, reviewQueue, type ScoredPair } from './reviewQueue';
import type { SourceRef, StewardOverrides } from './stewardOverrides';

// The pure half of reviewQueue.test.ts, which also builds a resolution state from a generated
// dataset before its tests (so the mutation run leaves that file out), and the queue's edges.
const thresholds = { link: 0.9, review: 0.5 };
const ref = (system: SourceRef['system'], localId: string): SourceRef => ({ system, localId });
const pair = (a: string, b: string, probability: number, weight = 0): ScoredPair => ({ a, b, probability, weight });
const NONE: StewardOverrides = { alwaysMatch: [], neverMatch: [] };

describe('bandOf at its edges', () => {
  it.each([
    [1, 'LINKED'],
    [0.9, 'LINKED'],
    [0.8999, 'REVIEW'],
    [0.5, 'REVIEW'],
    [0.4999, 'NOT_LINKED'],
    [0, 'NOT_LINKED'],
  ])('%f is %s', (p, band) => {
    expect(bandOf(p, thresholds)).toBe(band);
  });
});

describe('pairKey and decidedPairs', () => {
  it('is the same key whichever record comes first', () => {
    expect(pairKey('CARDS:CH1', 'CORE_BANKING:1')).toBe('CARDS:CH1|CORE_BANKING:1');
    expect(pairKey('CORE_BANKING:1', 'CARDS:CH1')).toBe('CARDS:CH1|CORE_BANKING:1');
    expect(pairKey('ERP:1', 'ERP:1')).toBe('ERP:1|ERP:1');
  });

  it('holds every link and unlink decision by pair key', () => {
    const decided = decidedPairs({ alwaysMatch: [[ref('CORE_BANKING', '1'), ref('CARDS', 'CH1')]], neverMatch: [[ref('ERP', '2'), ref('CALL_CENTER', 'C2')]] });
    expect([...decided].sort()).toEqual(['CALL_CENTER:C2|ERP:2', 'CARDS:CH1|CORE_BANKING:1']);
  });
});

describe('reviewQueue at its edges', () => {
  it('is the whole item: the pair in key order, its band and why it waits', () => {
    expect(reviewQueue([pair('ERP:2', 'CORE_BANKING:2', 0.6, 0.58)], NONE, thresholds)).toEqual([{ a: 'CORE_BANKING:2', b: 'ERP:2', probability: 0.6, weight: 0.58, band: 'REVIEW', reason: 'REVIEW_BAND' }]);
  });

  it('queues a linked pair only when clustering put its records apart', () => {
    const apart = (key: string) => (key === 'CARDS:CH3' ? 'c1' : 'c2');
    expect(reviewQueue([pair('CARDS:CH3', 'CORE_BANKING:3', 0.95)], NONE, thresholds, apart)).toEqual([{ a: 'CARDS:CH3', b: 'CORE_BANKING:3', probability: 0.95, weight: 0, band: 'LINKED', reason: 'KEPT_APART' }]);
    expect(reviewQueue([pair('CARDS:CH3', 'CORE_BANKING:3', 0.95)], NONE, thresholds, () => 'c1')).toEqual([]);
    expect(reviewQueue([pair('CARDS:CH3', 'CORE_BANKING:3', 0.95)], NONE, thresholds)).toEqual([]);
    // A pair not linked stays out, whatever the clusters.
    expect(reviewQueue([pair('CARDS:CH3', 'CORE_BANKING:3', 0.2)], NONE, thresholds, apart)).toEqual([]);
  });

  it('keeps the first of a pair listed twice', () => {
    const queue = reviewQueue([pair('CARDS:CH1', 'CORE_BANKING:1', 0.7, 1), pair('CORE_BANKING:1', 'CARDS:CH1', 0.8, 2)], NONE, thresholds);
    expect(queue.map((i) => [i.a, i.b, i.probability])).toEqual([['CARDS:CH1', 'CORE_BANKING:1', 0.7]]);
  });

  it('a pair left out as not linked does not hide the same pair listed again in the band', () => {
    const queue = reviewQueue([pair('CARDS:CH1', 'CORE_BANKING:1', 0.1), pair('CORE_BANKING:1', 'CARDS:CH1', 0.7)], NONE, thresholds);
    expect(queue.map((i) => [i.a, i.b, i.probability])).toEqual([['CARDS:CH1', 'CORE_BANKING:1', 0.7]]);
  });

  it('orders by probability, then by the first record, then by the second', () => {
    const queue = reviewQueue(
      [pair('ERP:9', 'ERP:8', 0.6), pair('CARDS:2', 'ERP:1', 0.6), pair('CARDS:1', 'ERP:5', 0.6), pair('CARDS:1', 'ERP:3', 0.6), pair('ERP:7', 'ERP:6', 0.8)],
      NONE,
      thresholds,
    );
    expect(queue.map((i) => `${i.a} ${i.b}`)).toEqual(['ERP:6 ERP:7', 'CARDS:1 ERP:3', 'CARDS:1 ERP:5', 'CARDS:2 ERP:1', 'ERP:8 ERP:9']);
    const reversed = reviewQueue(
      [pair('ERP:8', 'ERP:9', 0.6), pair('CARDS:1', 'ERP:5', 0.6), pair('CARDS:1', 'ERP:3', 0.6), pair('CARDS:2', 'ERP:1', 0.6)],
      NONE,
      thresholds,
    );
    expect(reversed.map((i) => `${i.a} ${i.b}`)).toEqual(['CARDS:1 ERP:3', 'CARDS:1 ERP:5', 'CARDS:2 ERP:1', 'ERP:8 ERP:9']);
  });
});
