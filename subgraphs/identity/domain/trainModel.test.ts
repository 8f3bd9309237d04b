import { CandidatePairStore, compareCandidates } from './candidatePairStore';
import { COMPARISONS } from './comparisons';
import { DEFAULT_MATCH_CONFIG } from './matchConfig';
import { normaliseParty } from './normalisedParty';
import { party } from './partyFixtures';
import { dedupeAndSort } from './resolveParties';
import { randomPairLevelCounts, trainModel, withoutMatches } from './trainModel';

const phoneLevels = (counts: number[][]) => counts[COMPARISONS.findIndex((c) => c.name === 'phone')];

describe('randomPairLevelCounts', () => {
  // Four records: two share a phone; everyone holds a phone.
  const records = dedupeAndSort(
    [
      party('CORE_BANKING', '1', { phones: ['07700 900001'] }),
      party('CARDS', '2', { phones: ['07700 900001'] }),
      party('ERP', '3', { phones: ['07700 900003'] }),
      party('CALL_CENTER', '4', { phones: ['07700 900004'] }),
    ].map(normaliseParty),
  );

  it('counts every pair when there are fewer pairs than asked for', () => {
    const { counts, pairs } = randomPairLevelCounts(records, 100, 1);
    expect(pairs).toBe(6);
    // One of the six pairs shares a phone, five do not.
    expect(phoneLevels(counts)).toEqual([1, 5]);
  });

  it('draws the same sample for the same seed', () => {
    const many = dedupeAndSort(Array.from({ length: 60 }, (_, i) => normaliseParty(party('CORE_BANKING', String(i), { phones: [`07700 9000${i % 7}0`] }))));
    expect(randomPairLevelCounts(many, 500, 3)).toEqual(randomPairLevelCounts(many, 500, 3));
    expect(randomPairLevelCounts(many, 500, 3).pairs).toBe(500);
  });
});

describe('withoutMatches', () => {
  it('takes the matches out of the random-pair shares: share = prior·m + (1 - prior)·u', () => {
    // Half a percent of random pairs are one person, who always agree; 1.5% agree by chance overall.
    const u = withoutMatches([[0.015, 0.985]], [[1, 0]], 0.005, 1_000_000);
    expect(u[0][0]).toBeCloseTo((0.015 - 0.005) / 0.995, 6);
    expect(u[0][0] + u[0][1]).toBeCloseTo(1, 12);
  });

  it('keeps a share above what the sample resolves', () => {
    const u = withoutMatches([[0.001, 0.999]], [[1, 0]], 0.002, 1_000);
    expect(u[0][0]).toBeGreaterThan(0);
    expect(u[0][0]).toBeLessThan(0.001);
  });
});

describe('trainModel', () => {
  // A small population: 150 persons, each in core banking and on a card with a typo now and then.
  const given = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo'];
  const family = ['Lee', 'Stone', 'Patel', 'Khan', 'Young', 'Okafor', 'Nowak', 'Price', 'Grant', 'Shaw', 'Bell', 'Ward', 'Hart', 'Reid', 'Moss'];
  const parties = dedupeAndSort(
    Array.from({ length: 150 }, (_, i) => {
      const g = given[i % 10];
      const f = family[Math.floor(i / 10)];
      const birthDate = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
      const phone = `07700 9${String(i).padStart(5, '0')}`;
      return [
        party('CORE_BANKING', String(i).padStart(10, '0'), { givenName: g, familyName: f, birthDate, phones: [phone] }),
        party('CARDS', `CH${String(i).padStart(8, '0')}`, { givenName: g, familyName: i % 7 === 0 ? f + 'e' : f, birthDate, phones: [phone] }),
      ];
    })
      .flat()
      .map(normaliseParty),
  );
  const config = { ...DEFAULT_MATCH_CONFIG, training: { ...DEFAULT_MATCH_CONFIG.training, randomPairs: 50_000 } };
  const model = trainModel({ parties, candidates: compareCandidates(parties, config).pairs }, config);
  const level = (name: string, label: string) => model.comparisons.find((c) => c.name === name)!.levels.find((l) => l.label === label)!;

  it('learns that matches agree and non-matches do not', () => {
    expect(level('phone', 'shared').m).toBeGreaterThan(0.9);
    expect(level('phone', 'shared').u).toBeLessThan(0.01);
    expect(level('birthDate', 'exact').m).toBeGreaterThan(0.9);
    expect(level('familyName', 'oneEdit').m).toBeGreaterThan(0.05);
  });

  it('puts the prior near one true pair among all pairs', () => {
    const all = (parties.length * (parties.length - 1)) / 2;
    expect(model.probabilityTwoRandomRecordsMatch).toBeGreaterThan((0.8 * 150) / all);
    expect(model.probabilityTwoRandomRecordsMatch).toBeLessThan((1.2 * 150) / all);
  });

  it('counts name frequencies over the records', () => {
    const tf = model.comparisons.find((c) => c.name === 'givenName')!.termFrequencies!;
    expect(tf.values.ANN).toBeCloseTo(30 / 300, 6);
    expect(model.training).toMatchObject({ records: 300, converged: true });
  });
});

describe('trainModel with sampled pairs', () => {
  // A pair standing for four (a sampled blocking rule's) must train like four copies of it.
  const given = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo'];
  const parties = dedupeAndSort(
    Array.from({ length: 120 }, (_, i) => {
      const phone = `07700 8${String(i).padStart(5, '0')}`;
      const birthDate = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
      return [
        party('CORE_BANKING', `A${String(i).padStart(5, '0')}`, { givenName: given[i % 10], familyName: `Fam${Math.floor(i / 10)}`, birthDate, phones: [phone] }),
        party('CARDS', `B${String(i).padStart(5, '0')}`, { givenName: given[i % 10], familyName: `Fam${Math.floor(i / 10)}`, birthDate, phones: i % 5 === 0 ? [] : [phone] }),
      ];
    })
      .flat()
      .map(normaliseParty),
  );
  const config = { ...DEFAULT_MATCH_CONFIG, training: { ...DEFAULT_MATCH_CONFIG.training, randomPairs: 20_000 } };
  const { pairs } = compareCandidates(parties, config);
  // Every pair of two different persons stands for four (a sampled rule's pairs are mostly
  // those): once with weight 4 in one store, four times in the other. The person is the id's number.
  const samePerson = (k: number) => parties[pairs.a[k]].key.slice(-5) === parties[pairs.b[k]].key.slice(-5);
  const weighted = new CandidatePairStore();
  const copied = new CandidatePairStore();
  for (let k = 0; k < pairs.length; k++) {
    const times = samePerson(k) ? 1 : 4;
    weighted.push(pairs.a[k], pairs.b[k], pairs.gamma[k], times);
    for (let c = 0; c < times; c++) copied.push(pairs.a[k], pairs.b[k], pairs.gamma[k]);
  }
  const fromWeights = trainModel({ parties, candidates: weighted }, config);
  const fromCopies = trainModel({ parties, candidates: copied }, config);

  it('learns the m, u and prior it would learn from the copies', () => {
    expect(fromWeights.probabilityTwoRandomRecordsMatch).toBeCloseTo(fromCopies.probabilityTwoRandomRecordsMatch, 12);
    expect(fromWeights.training.matchShareOfCandidates).toBeCloseTo(fromCopies.training.matchShareOfCandidates, 9);
    fromWeights.comparisons.forEach((c, i) =>
      c.levels.forEach((l, j) => {
        expect(l.m).toBeCloseTo(fromCopies.comparisons[i].levels[j].m, 9);
        expect(l.u).toBeCloseTo(fromCopies.comparisons[i].levels[j].u, 9);
      }),
    );
  });

  it('differs from counting each pair once (the weights are used)', () => {
    const once = trainModel({ parties, candidates: pairs }, config);
    const share = (m: typeof once) => m.training.matchShareOfCandidates;
    // Four times the non-matches: the match share of the candidates falls.
    expect(share(fromWeights)).toBeLessThan(share(once) - 0.01);
  });
});
