import { BLOCKING_RULES, blockingKeysOfRule, type BlockingRuleName } from './blockingRules';
import type { NormalisedParty } from './normalisedParty';

/** A record with only the fields a rule reads; everything else empty. */
const record = (fields: Partial<NormalisedParty>): NormalisedParty =>
  ({ givenFirst: '', family: '', givenPhonetic: '', familyPhonetic: '', birthDate: null, postcode: '', houseNumber: '', locality: '', street: '', nationalId: null, phones: [], emails: [], ...fields }) as NormalisedParty;
const keys = (rule: BlockingRuleName, fields: Partial<NormalisedParty>) => blockingKeysOfRule(record(fields), BLOCKING_RULES[rule]);

describe('blocking rules at their edges', () => {
  it('files a record under each distinct name token, never an initial', () => {
    expect(keys('birthDateName', { birthDate: '1980-01-02', givenFirst: 'ANN', family: 'LEE' })).toEqual(['d:1980-01-02:ANN', 'd:1980-01-02:LEE']);
    expect(keys('birthDateName', { birthDate: '1980-01-02', givenFirst: 'LEE', family: 'LEE' })).toEqual(['d:1980-01-02:LEE']);
    expect(keys('birthDateName', { birthDate: '1980-01-02', givenFirst: 'A', family: 'LEE' })).toEqual(['d:1980-01-02:LEE']);
    expect(keys('postcodeName', { postcode: 'YO11AA', givenFirst: 'ANN', family: '' })).toEqual(['a:YO11AA:ANN']);
  });

  it.each([
    ['postcodeHouse', { postcode: 'YO11AA', houseNumber: '' }],
    ['postcodeHouse', { postcode: '', houseNumber: '12' }],
    ['localityStreet', { locality: 'YORK', street: '' }],
    ['localityStreet', { locality: '', street: 'MILLLANE' }],
    ['phoneticNames', { givenFirst: 'A', givenPhonetic: 'A', familyPhonetic: 'L' }],
  ] as const)('gives no %s key for a record missing half of it (%o)', (rule, fields) => {
    expect(keys(rule, fields)).toEqual([]);
  });

  it('keys both halves when both are there', () => {
    expect(keys('postcodeHouse', { postcode: 'YO11AA', houseNumber: '12' })).toEqual(['h:YO11AA:12']);
    expect(keys('localityStreet', { locality: 'YORK', street: 'MILLLANE' })).toEqual(['s:YORK:MILLLANE']);
  });

  it('orders the two phonetic codes, so swapped names share the key', () => {
    expect(keys('phoneticNames', { givenFirst: 'ANN', givenPhonetic: 'AN', familyPhonetic: 'L' })).toEqual(['p:AN:L']);
    expect(keys('phoneticNames', { givenFirst: 'LEE', givenPhonetic: 'L', familyPhonetic: 'AN' })).toEqual(['p:AN:L']);
    expect(keys('phoneticNames', { givenFirst: 'LEE', givenPhonetic: 'L', familyPhonetic: 'L' })).toEqual(['p:L:L']);
  });
});
