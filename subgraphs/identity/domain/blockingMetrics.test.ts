import { BlockingIndex } from './blocking';
import { blockingQuality } from './blockingMetrics';
import { normaliseParty } from './normalisedParty';
import { party } from './partyFixtures';

describe('blockingQuality', () => {
  // Three records of Ann (two share an email, the third only a name), one of Bob.
  const records = [
    party('CORE_BANKING', '1', { givenName: 'Ann', familyName: 'Lee', emails: ['ann@x.com'] }),
    party('CARDS', 'CH1', { rawName: 'LEE/ANN', emails: ['ann@x.com'] }),
    party('ERP', '1000000001', { givenName: 'Annie', familyName: 'Leigh', phones: ['07700 900001'] }),
    party('CALL_CENTER', 'C1', { givenName: 'Bob', familyName: 'Stone', emails: ['ann@x.com'] }),
  ].map(normaliseParty);
  const truth = new Map([
    ['CORE_BANKING:1', 'ann'],
    ['CARDS:CH1', 'ann'],
    ['ERP:1000000001', 'ann'],
    ['CALL_CENTER:C1', 'bob'],
  ]);

  it('counts true pairs compared (pairs completeness) and pairs never compared (reduction ratio)', () => {
    const index = new BlockingIndex(records, ['email'], 64);
    const pairs = [...index.pairs()];
    // Candidates: the three records sharing ann@x.com pair up (3 pairs) of 6 possible.
    expect(pairs).toHaveLength(3);
    const q = blockingQuality(records, index, pairs.length, truth);
    expect(q).toEqual({ recordPairs: 6, candidatePairs: 3, reductionRatio: 0.5, truePairs: 3, truePairsCompared: 1, pairsCompleteness: 1 / 3 });
  });

  it('is complete when every true pair shares a key', () => {
    const index = new BlockingIndex(records.slice(0, 2), ['email'], 64);
    const pairs = [...index.pairs()];
    expect(blockingQuality(records.slice(0, 2), index, pairs.length, truth).pairsCompleteness).toBe(1);
  });
});
