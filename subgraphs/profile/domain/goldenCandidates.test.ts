import type { SourceParty } from '../../../adapters/canonical';
import { candidatesOf, comparedValuesOf, computeGoldenProfile, displayName, nameOf, shownValue } from './goldenProfile';
import { DEFAULT_SURVIVORSHIP_POLICY } from './survivorshipPolicy';

const party = (over: Partial<SourceParty>): SourceParty => ({
  system: 'CORE_BANKING', localId: 'CIF1', givenName: null, familyName: null, rawName: null, birthDate: null,
  nationalId: null, phones: [], emails: [], address: null, changedAt: '2025-01-01T00:00:00.000Z', ...over,
});

describe('nameOf', () => {
  // Hand-written: what each way a system holds a name reads as.
  it.each<[string, Partial<SourceParty>, ReturnType<typeof nameOf>]>([
    ['split, both parts', { givenName: 'Ann', familyName: 'Lee' }, { raw: 'Ann Lee', given: 'Ann', family: 'Lee', givenFirst: 'Ann Lee' }],
    ['split, given name only', { givenName: 'Ann' }, { raw: 'Ann', given: 'Ann', family: null, givenFirst: 'Ann' }],
    ['split, family name only', { familyName: 'Lee' }, { raw: 'Lee', given: null, family: 'Lee', givenFirst: 'Lee' }],
    ['split, empty given name', { givenName: '', familyName: 'Lee' }, { raw: 'Lee', given: null, family: 'Lee', givenFirst: 'Lee' }],
    ['split wins over an unsplit form', { givenName: 'Ann', familyName: 'Lee', rawName: 'LEE/A' }, { raw: 'Ann Lee', given: 'Ann', family: 'Lee', givenFirst: 'Ann Lee' }],
    ['track 1, SURNAME/GIVEN', { rawName: 'LEE/ANN' }, { raw: 'LEE/ANN', given: 'ANN', family: 'LEE', givenFirst: 'ANN LEE' }],
    ['track 1 with spaces around the parts', { rawName: ' LEE / ANN ' }, { raw: ' LEE / ANN ', given: 'ANN', family: 'LEE', givenFirst: 'ANN LEE' }],
    ['track 1, no given name', { rawName: 'LEE/' }, { raw: 'LEE/', given: null, family: 'LEE', givenFirst: 'LEE' }],
    ['track 1, no surname', { rawName: '/ANN' }, { raw: '/ANN', given: 'ANN', family: null, givenFirst: 'ANN' }],
    ['unsplit text without a slash', { rawName: 'ANN LEE' }, { raw: 'ANN LEE', given: null, family: 'ANN LEE', givenFirst: 'ANN LEE' }],
    ['a lone slash stays as it is', { rawName: ' / ' }, { raw: ' / ', given: null, family: null, givenFirst: '/' }],
    ['blank unsplit text: no name', { rawName: '   ' }, null],
    ['nothing held: no name', {}, null],
  ])('%s', (_case, over, expected) => {
    expect(nameOf(party(over))).toEqual(expected);
  });
});

describe('displayName', () => {
  it('is the name given first as held, or null for a record without one', () => {
    expect(displayName(party({ rawName: 'LEE/ANN' }))).toBe('ANN LEE');
    expect(displayName(party({}))).toBeNull();
  });
});

describe('comparedValuesOf', () => {
  it('lists every value a record holds, field by field, as held and as compared (written down by hand)', () => {
    const address = { line1: '1 High St', line2: null, city: 'London', postalCode: 'SW1A 1AA', country: null };
    const values = comparedValuesOf(
      party({ rawName: 'BRONTË/ZOË', birthDate: '1980-01-01', nationalId: 'qq 12 34 56 c', emails: ['A@B.org', 'c@d.org'], phones: ['07700 900123', ' ring me '], address }),
    );
    expect(values.map((v) => [v.field, v.normalizedValue])).toEqual([
      ['fullName', 'zoe bronte'],
      ['birthDate', '1980-01-01'],
      ['nationalId', 'QQ123456C'],
      ['email', 'a@b.org'],
      ['email', 'c@d.org'],
      ['mobilePhone', '+447700900123'],
      ['mobilePhone', 'ring me'],
      ['address', expect.any(String)],
    ]);
    expect(values[0].value).toEqual({ raw: 'BRONTË/ZOË', given: 'ZOË', family: 'BRONTË', givenFirst: 'ZOË BRONTË' });
    expect(values[7].value).toBe(address);
  });

  it('lists nothing for a record that holds nothing, nor an address with only a town', () => {
    expect(comparedValuesOf(party({}))).toEqual([]);
    expect(comparedValuesOf(party({ address: { line1: null, line2: null, city: 'London', postalCode: null, country: 'GB' } }))).toEqual([]);
  });
});

describe('candidatesOf', () => {
  it('gives each field its compared form and completeness', () => {
    const c = candidatesOf([
      party({
        givenName: 'Zoë', familyName: 'Brontë-Smith', birthDate: '1980-01-01', nationalId: ' qq 12 34 56 c ',
        emails: [' Ann@Example.COM '], phones: ['07700 900123', ' ring me '],
        address: { line1: '1 High St', line2: null, city: 'London', postalCode: 'SW1A 1AA', country: ' ' },
      }),
    ]);
    expect(c.fullName.map((x) => [x.normalizedValue, x.completeness])).toEqual([['zoe bronte smith', 2]]);
    expect(c.birthDate.map((x) => [x.value, x.normalizedValue, x.completeness])).toEqual([['1980-01-01', '1980-01-01', 1]]);
    expect(c.nationalId.map((x) => [x.value, x.normalizedValue, x.completeness, x.problem])).toEqual([[' qq 12 34 56 c ', 'QQ123456C', 1, null]]);
    expect(c.email.map((x) => [x.value, x.normalizedValue, x.completeness, x.problem])).toEqual([[' Ann@Example.COM ', 'ann@example.com', 1, null]]);
    // A number that does not parse stays a candidate, compared as typed (trimmed).
    expect(c.mobilePhone.map((x) => [x.normalizedValue, x.completeness, x.problem])).toEqual([
      ['+447700900123', 1, null],
      ['ring me', 1, 'NOT_A_PHONE_NUMBER'],
    ]);
    // Line 1, town and postcode: a blank country is not filled, nor a missing line 2.
    expect(c.address.map((x) => x.completeness)).toEqual([3]);
  });

  it('takes an address with a first line or a postcode, and not one with only a town', () => {
    const only = (address: SourceParty['address']) => candidatesOf([party({ address })]).address.length;
    expect(only({ line1: '1 High St', line2: null, city: null, postalCode: null, country: null })).toBe(1);
    expect(only({ line1: null, line2: null, city: null, postalCode: 'SW1A 1AA', country: null })).toBe(1);
    expect(only({ line1: null, line2: 'Flat 2', city: 'London', postalCode: null, country: 'GB' })).toBe(0);
    expect(only(null)).toBe(0);
  });

  it('counts a name\'s parts: one for a surname alone', () => {
    expect(candidatesOf([party({ familyName: 'Lee' })]).fullName[0].completeness).toBe(1);
    expect(candidatesOf([party({ rawName: 'LEE/ANN' })]).fullName[0].completeness).toBe(2);
  });

  it('marks the nickname only against a valid legal form', () => {
    const names = (parties: SourceParty[]) => candidatesOf(parties).fullName.map((c) => [c.localId, c.nickname ?? null]);
    expect(names([party({ localId: 'A', givenName: 'RICK', familyName: 'SHAH' }), party({ localId: 'B', givenName: 'Richard', familyName: 'Shah' })])).toEqual([['A', true], ['B', false]]);
    // "Richard" with a substitution character cannot be the legal form the nickname steps aside for.
    expect(names([party({ localId: 'A', givenName: 'RICK', familyName: 'SHAH' }), party({ localId: 'B', givenName: 'Richard?', familyName: 'Shah' })])).toEqual([['A', false], ['B', null]]);
  });
});

describe('shownValue', () => {
  it('shows text as held, a name as held, an address on one line without its empty parts', () => {
    expect(shownValue(' ann@x.example ')).toBe(' ann@x.example ');
    expect(shownValue({ raw: 'LEE/ANN', given: 'ANN', family: 'LEE', givenFirst: 'ANN LEE' })).toBe('LEE/ANN');
    expect(shownValue({ line1: '1 HIGH ST', line2: null, city: 'LONDON', postalCode: 'SW1A 1AA', country: 'GB' })).toBe('1 HIGH ST, LONDON, SW1A 1AA, GB');
  });
});

describe('computeGoldenProfile', () => {
  it('shows each candidate as its system holds it, with its time and status', () => {
    const golden = computeGoldenProfile([
      party({ address: { line1: '1 HIGH ST', line2: 'FLAT 2', city: 'LONDON', postalCode: 'SW1A 1AA', country: 'GB' } }),
      party({ system: 'CALL_CENTER', localId: 'C1', changedAt: null, address: { line1: '1 H?GH ST', line2: null, city: null, postalCode: null, country: null } }),
    ]).address;
    expect(golden.candidates).toEqual([
      { system: 'CORE_BANKING', localId: 'CIF1', value: '1 HIGH ST, FLAT 2, LONDON, SW1A 1AA, GB', normalizedValue: expect.any(String), asOf: '2025-01-01T00:00:00.000Z', status: 'VALID', problem: null },
      { system: 'CALL_CENTER', localId: 'C1', value: '1 H?GH ST', normalizedValue: expect.any(String), asOf: null, status: 'INVALID', problem: 'SUBSTITUTION_CHARACTER' },
    ]);
    expect(golden).toMatchObject({
      value: { line1: '1 High St', line2: 'Flat 2', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' },
      source: { system: 'CORE_BANKING', localId: 'CIF1', changedAt: '2025-01-01T00:00:00.000Z' },
      asOf: '2025-01-01T00:00:00.000Z',
    });
  });

  it('serves national id and birth date as the winning record holds them, email and phone normalised', () => {
    const profile = computeGoldenProfile([party({ nationalId: 'qq 123456 c', birthDate: '1980-01-01', emails: ['Ann@X.example'], phones: ['07700 900123'] })]);
    expect([profile.nationalId.value, profile.birthDate.value, profile.email.value, profile.mobilePhone.value]).toEqual(['qq 123456 c', '1980-01-01', 'ann@x.example', '+447700900123']);
  });

  it('follows a policy it is given instead of the default', () => {
    const records = [party({ emails: ['old@x.example'], changedAt: '2020-01-01T00:00:00.000Z' }), party({ system: 'CARDS', localId: 'CH1', emails: ['new@x.example'], changedAt: '2026-01-01T00:00:00.000Z' })];
    expect(computeGoldenProfile(records).email.value).toBe('new@x.example');
    const kycFirst = { ...DEFAULT_SURVIVORSHIP_POLICY, email: DEFAULT_SURVIVORSHIP_POLICY.nationalId };
    expect(computeGoldenProfile(records, { policy: kycFirst }).email).toMatchObject({ value: 'old@x.example', rule: 'SOURCE_PRIORITY' });
  });

  it('names only the unavailable systems, in the registry\'s order, and says complete with an empty list', () => {
    const records = [party({ emails: ['a@x.example'] })];
    expect(computeGoldenProfile(records, { unavailableSystems: [] }).email).toMatchObject({ complete: true, unavailableSystems: [], rule: 'UNANIMOUS' });
    expect(computeGoldenProfile(records, { unavailableSystems: ['CALL_CENTER', 'CARDS'] }).email).toMatchObject({ complete: false, unavailableSystems: ['CARDS', 'CALL_CENTER'], rule: 'AGREED_AMONG_AVAILABLE' });
  });
});
