import { compareRecords } from './comparisons';
import { MatchInputError } from './matchErrors';
import { PairScorer, compileModel, matchWeight, modelToJson, parseModel, probabilityOfWeight, weightOfProbability } from './matchModel';
import { handModel } from './modelFixtures';
import { normaliseParty } from './normalisedParty';
import { party } from './partyFixtures';
import { termFrequencies } from './trainModel';

const log2 = Math.log2;

describe('match weight', () => {
  const compiled = compileModel(handModel());

  it('is the prior plus log2(m/u) of each present level', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { birthDate: '1980-01-02', nationalId: 'AB123456C' }));
    const b = normaliseParty(party('CARDS', '2', { birthDate: '1980-01-02', nationalId: 'ZX987654A' }));
    // Birth date exact (0.9/0.01), national id else (0.02/0.9), every other field missing.
    const expected = log2(0.001 / 0.999) + log2(0.9 / 0.01) + log2(0.02 / 0.9);
    expect(matchWeight(compiled, compareRecords(a, b), a, b)).toBeCloseTo(expected, 10);
  });

  it('turns weights into probabilities and back', () => {
    expect(probabilityOfWeight(0)).toBe(0.5);
    expect(probabilityOfWeight(log2(9))).toBeCloseTo(0.9, 12);
    expect(probabilityOfWeight(-2000)).toBe(0);
    expect(probabilityOfWeight(2000)).toBe(1);
    expect(probabilityOfWeight(Infinity)).toBe(1);
    expect(weightOfProbability(0.9)).toBeCloseTo(log2(9), 12);
  });
});

describe('PairScorer', () => {
  it('gives what matchWeight gives, names read crosswise or not', () => {
    const compiled = compileModel(handModel({ givenName: { values: { ANN: 0.03, LEE: 0.001 }, floor: 0.0001, minCount: 1 }, familyName: { values: { LEE: 0.02, SMITH: 0.05 }, floor: 0.0001, minCount: 1 } }));
    const records = [
      party('CORE_BANKING', '1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02' }),
      party('CARDS', '2', { givenName: 'Lee', familyName: 'Ann', birthDate: '1980-01-02' }),
      party('ERP', '3', { givenName: 'Ann', familyName: 'Smith' }),
      party('CALL_CENTER', '4', { givenName: 'Ann', familyName: 'Lee', phones: ['07700 900001'] }),
      party('CALL_CENTER', '5', { givenName: 'Zed', familyName: 'Okafor', phones: ['07700 900001'] }),
    ].map(normaliseParty);
    const scorer = new PairScorer(compiled, records);
    for (let i = 0; i < records.length; i++) {
      for (let j = 0; j < records.length; j++) {
        const gamma = compareRecords(records[i], records[j]);
        expect(scorer.weight(gamma, i, j)).toBeCloseTo(matchWeight(compiled, gamma, records[i], records[j]), 10);
      }
    }
  });
});

describe('term-frequency adjustment', () => {
  // SMITH is held by 1 record in 50, OKONKWO-HALE by 1 in 10,000 (the floor); given names are unlisted.
  const model = handModel({ familyName: { values: { SMITH: 0.02, JONES: 0.005 }, floor: 0.0001, minCount: 1 } });
  const compiled = compileModel(model);
  const pairOn = (family: string) => {
    const a = normaliseParty(party('CORE_BANKING', '1', { familyName: family }));
    const b = normaliseParty(party('CARDS', '2', { familyName: family }));
    return matchWeight(compiled, compareRecords(a, b), a, b);
  };

  it('orders an exact match on a rare surname over a common one', () => {
    expect(pairOn('Okonkwo-Hale')).toBeGreaterThan(pairOn('Jones'));
    expect(pairOn('Jones')).toBeGreaterThan(pairOn('Smith'));
  });

  it('replaces u of the exact level by the value’s frequency: log2(m / tf)', () => {
    const prior = log2(0.001 / 0.999);
    expect(pairOn('Smith')).toBeCloseTo(prior + log2(0.9 / 0.02), 10);
    expect(pairOn('Okonkwo-Hale')).toBeCloseTo(prior + log2(0.9 / 0.0001), 10);
  });

  it('counts frequencies from the data, leaving out values rarer than the minimum count', () => {
    const tf = termFrequencies(['SMITH', 'SMITH', 'SMITH', 'LEE', 'LEE', 'OKONKWO', '', 'SMITH'], 2);
    expect(tf.values).toEqual({ LEE: 2 / 7, SMITH: 4 / 7 });
    expect(tf.floor).toBeCloseTo(1 / 7, 12);
  });
});

describe('model file', () => {
  const model = handModel({ familyName: { values: { SMITH: 0.02 }, floor: 0.0001, minCount: 5 } });

  it('round-trips through JSON with each level’s weight written for readers', () => {
    const text = modelToJson(model);
    const parsed = JSON.parse(text);
    expect(parsed.comparisons[0].levels[0]).toEqual({ label: 'exact', m: 0.9, u: 0.01, weight: Number(log2(90).toPrecision(4)) });
    expect(parseModel(parsed)).toEqual(model);
  });

  const broken = (change: (m: Record<string, unknown>) => void): unknown => {
    const copy = JSON.parse(modelToJson(model));
    change(copy);
    return copy;
  };
  it.each([
    ['not an object', (): unknown => 'model'],
    ['another format', () => broken((m) => (m.format = 'splink'))],
    ['another version', () => broken((m) => (m.version = 2))],
    ['a prior of 0', () => broken((m) => (m.probabilityTwoRandomRecordsMatch = 0))],
    ['a missing comparison', () => broken((m) => (m.comparisons as unknown[]).pop())],
    ['comparisons in another order', () => broken((m) => (m.comparisons as unknown[]).reverse())],
    ['a renamed level', () => broken((m) => ((m.comparisons as { levels: { label: string }[] }[])[2].levels[0].label = 'same'))],
    ['an m of 0', () => broken((m) => ((m.comparisons as { levels: { m: number }[] }[])[0].levels[0].m = 0))],
    ['a u above 1', () => broken((m) => ((m.comparisons as { levels: { u: number }[] }[])[3].levels[1].u = 1.5))],
    ['an m that is text', () => broken((m) => ((m.comparisons as { levels: { m: unknown }[] }[])[0].levels[0].m = '0.9'))],
    ['no term frequencies on a name', () => broken((m) => delete (m.comparisons as { termFrequencies?: unknown }[])[1].termFrequencies)],
    ['a term frequency of 2', () => broken((m) => ((m.comparisons as { termFrequencies: { values: Record<string, number> } }[])[1].termFrequencies.values.SMITH = 2))],
  ])('refuses %s, without quoting the file', (_case, make) => {
    let error: unknown;
    try {
      parseModel(make(), 'model.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MatchInputError);
    expect((error as Error).message).toContain('model.json');
    expect((error as Error).message).not.toContain('SMITH');
  });
});
