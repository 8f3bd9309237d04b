/**
 * Sampled blocking rules (BlockingRule.sampleOneIn): the two refined phonetic rules compare a
 * sample of the pairs they add, the same sample whatever the order or the company the records
 * come in, and each compared pair stands for the ones left out.
 */
import { BlockingIndex, inSample } from './blocking';
import { BLOCKING_RULES } from './blockingRules';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';
import { dedupeAndSort } from './resolveParties';

// Forty different persons who sound alike (ANN LEE), born in one year, in one town: every pair
// shares the phonetic keys and nothing else.
const crowd: NormalisedParty[] = dedupeAndSort(
  Array.from({ length: 40 }, (_, i) =>
    normaliseParty(
      party('CORE_BANKING', `C${String(i).padStart(4, '0')}`, {
        givenName: i % 2 === 0 ? 'Ann' : 'Anne',
        familyName: i % 3 === 0 ? 'Lee' : 'Leigh',
        birthDate: `1980-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        address: ukAddress(`${i + 1} Street ${String.fromCharCode(65 + (i % 26))}${i}`, `ZZ${i} 1AA`, null, 'York'),
      }),
    ),
  ),
);
const ALL_PAIRS = (40 * 39) / 2;

function comparedPairs(records: readonly NormalisedParty[], rule: 'phoneticNames' | 'phoneticNamesYear' | 'phoneticNamesTown'): Array<{ a: string; b: string; weight: number }> {
  const out: Array<{ a: string; b: string; weight: number }> = [];
  new BlockingIndex(records, [rule], 1000).forEachPair((i, j, weight) => {
    const [a, b] = [records[i].key, records[j].key].sort();
    out.push({ a, b, weight });
  });
  return out.sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}

describe('sampled blocking rules', () => {
  it('are the two refined phonetic rules, one pair in four; the others compare every pair', () => {
    expect(BLOCKING_RULES.phoneticNamesYear.sampleOneIn).toBe(4);
    expect(BLOCKING_RULES.phoneticNamesTown.sampleOneIn).toBe(4);
    expect(BLOCKING_RULES.phoneticNames.sampleOneIn).toBeUndefined();
    expect(comparedPairs(crowd, 'phoneticNames')).toHaveLength(ALL_PAIRS);
  });

  it.each(['phoneticNamesYear', 'phoneticNamesTown'] as const)('%s compares about a quarter of the pairs it adds, each standing for four', (rule) => {
    const pairs = comparedPairs(crowd, rule);
    // 780 pairs, each kept with probability 1/4: 195 expected, 12 standard deviations either side still inside.
    expect(pairs.length).toBeGreaterThan(ALL_PAIRS * 0.1);
    expect(pairs.length).toBeLessThan(ALL_PAIRS * 0.4);
    expect(pairs.every((p) => p.weight === 4)).toBe(true);
  });

  it('picks the same pairs whatever order and company the records come in', () => {
    const whole = comparedPairs(crowd, 'phoneticNamesTown');
    const reversed = [...crowd].reverse();
    expect(comparedPairs(reversed, 'phoneticNamesTown')).toEqual(whole);
    // A neighbourhood (the incremental apply's view): half the records, at other indexes.
    const half = crowd.filter((_, i) => i % 2 === 1);
    const keys = new Set(half.map((p) => p.key));
    expect(comparedPairs(half, 'phoneticNamesTown')).toEqual(whole.filter((p) => keys.has(p.a) && keys.has(p.b)));
  });

  it('tells which pairs it compared (the evaluator asks)', () => {
    const index = new BlockingIndex(crowd, ['phoneticNamesTown'], 1000);
    const seen = new Set<string>();
    index.forEachPair((i, j) => seen.add(`${i}-${j}`));
    for (let i = 0; i < crowd.length; i++) for (let j = i + 1; j < crowd.length; j++) expect(index.compared(i, j)).toBe(seen.has(`${i}-${j}`));
  });

  it('does not leave out a pair an unsampled earlier rule produces', () => {
    const pairs = new Set<string>();
    new BlockingIndex(crowd, ['phoneticNames', 'phoneticNamesTown'], 1000).forEachPair((i, j, weight) => {
      expect(weight).toBe(1);
      pairs.add(`${i}-${j}`);
    });
    expect(pairs.size).toBe(ALL_PAIRS);
  });
});

describe('inSample', () => {
  it('is symmetric and keeps about one in n of many pairs', () => {
    let kept = 0;
    let asymmetric = 0;
    for (let x = 0; x < 200; x++) {
      for (let y = 0; y < 200; y++) {
        const h1 = Math.imul(x + 1, 0x9e3779b1);
        const h2 = Math.imul(y + 7, 0x85ebca6b);
        if (inSample(h1, h2, 4) !== inSample(h2, h1, 4)) asymmetric++;
        if (inSample(h1, h2, 4)) kept++;
      }
    }
    expect(asymmetric).toBe(0);
    expect(kept / 40_000).toBeGreaterThan(0.23);
    expect(kept / 40_000).toBeLessThan(0.27);
  });

  it('keeps every pair when n is 1', () => {
    expect(inSample(12345, 678, 1)).toBe(true);
  });
});
