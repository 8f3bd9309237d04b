import { compareRecords } from './comparisons';
import { defaultMatchModel } from './defaultMatchModel';
import { explainPair, formatExplanation } from './explainPair';
import { DEFAULT_MATCH_CONFIG } from './matchConfig';
import { compileModel, matchWeight } from './matchModel';
import { handModel } from './modelFixtures';
import { normaliseParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

const records = [
  party('CORE_BANKING', '0000000001', { givenName: 'Katherine', familyName: 'Okafor', birthDate: '1990-11-02', nationalId: 'AB323456C', phones: ['+447700900103'], emails: ['k.okafor@example.org'], address: ukAddress('12 High St', 'YO1 1AA') }),
  party('CARDS', 'CH00000003', { rawName: 'OKAFRO/KATHERINE', birthDate: '1990-02-11', emails: ['k.okafor@example.org'], address: ukAddress('High Street 12', 'YO1 1AA') }),
  party('ERP', '1000000102', { givenName: 'Okafor', familyName: 'Kate', phones: ['07700 900103'] }),
  party('CALL_CENTER', 'C000000009', { givenName: 'John', familyName: 'Smith', phones: ['07700 900999'] }),
].map(normaliseParty);

const pairs = records.flatMap((a, i) => records.slice(i + 1).map((b) => [a, b] as const));

describe.each([
  ['the default model', compileModel(defaultMatchModel())],
  ['a hand-written model with term frequencies', compileModel(handModel({ familyName: { values: { SMITH: 0.05 }, floor: 0.0002, minCount: 1 } }))],
])('explainPair with %s', (_name, compiled) => {
  it.each(pairs.map(([a, b]) => [a.key, b.key, a, b]))('%s / %s: the steps and the prior add up to the match weight', (_a, _b, a, b) => {
    const e = explainPair(a, b, compiled, DEFAULT_MATCH_CONFIG);
    const sum = e.steps.reduce((s, step) => s + step.weight, e.priorWeight);
    expect(sum).toBeCloseTo(e.matchWeight, 9);
    expect(e.matchWeight).toBeCloseTo(matchWeight(compiled, compareRecords(a, b), a, b), 9);
    for (const step of e.steps) expect(step.weight).toBeCloseTo(step.levelWeight + step.termFrequencyAdjustment, 12);
    expect(e.probability).toBeCloseTo(2 ** e.matchWeight / (1 + 2 ** e.matchWeight), 9);
  });
});

describe('explainPair', () => {
  const compiled = compileModel(handModel());

  it('names each comparison’s level and marks missing fields with weight 0', () => {
    const e = explainPair(records[2], records[3], compiled, DEFAULT_MATCH_CONFIG);
    expect(e.steps.map((s) => [s.comparison, s.level])).toEqual([
      ['givenName', 'else'],
      ['familyName', 'else'],
      ['birthDate', 'missing'],
      ['nationalId', 'missing'],
      ['postcode', 'missing'],
      ['street', 'missing'],
      ['locality', 'missing'],
      ['phone', 'else'],
      ['email', 'missing'],
    ]);
    expect(e.steps.filter((s) => s.level === 'missing').every((s) => s.weight === 0 && s.m === null)).toBe(true);
  });

  it('links a pair sharing a verified email by rule, with probability 1', () => {
    const config = { ...DEFAULT_MATCH_CONFIG, verifiedEmailSystems: ['CORE_BANKING', 'CARDS'] as const };
    const e = explainPair(records[0], records[1], compiled, config);
    expect(e.rule).toBe('SAME_VERIFIED_EMAIL');
    expect(e.probability).toBe(1);
    expect(e.band).toBe('LINKED');
    expect(explainPair(records[0], records[1], compiled, DEFAULT_MATCH_CONFIG).rule).toBeNull();
  });

  it('prints levels and weights, never the compared values', () => {
    const text = formatExplanation(explainPair(records[0], records[1], compiled, DEFAULT_MATCH_CONFIG));
    expect(text).toContain('birthDate');
    expect(text).toMatch(/match weight [+-]\d+\.\d\d, probability/);
    for (const value of ['KATHERINE', 'OKAFOR', 'okafor', '1990', 'YO1', 'HIGH', '7700']) expect(text.toUpperCase()).not.toContain(value.toUpperCase());
  });
});
