import { COMPARISONS, birthDateLevel, compareRecords, givenNameLevel, levelOf, levelsOf, localityLevel, namesSwapped, postcodeLevel, streetLevel } from './comparisons';
import { normaliseParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

/** The label of a level number of a comparison (0 = missing). */
const label = (comparison: string, level: number): string => (level === 0 ? 'missing' : COMPARISONS.find((c) => c.name === comparison)!.levels[level - 1].label);

describe('given name levels at their edges', () => {
  it('takes a one-letter name on either side as an initial', () => {
    expect(label('givenName', givenNameLevel('JOHN', 'JOHN', ['JOHN'], 'JN', 'J', 'J', [], 'J'))).toBe('initial');
    expect(label('givenName', givenNameLevel('J', 'J', [], 'J', 'JOHN', 'JOHN', ['JOHN'], 'JN'))).toBe('initial');
    expect(label('givenName', givenNameLevel('MARY', 'MARY', [], 'MR', 'J', 'J', [], 'J'))).toBe('else');
  });

  it('takes no evidence from two empty phonetic codes', () => {
    expect(label('givenName', givenNameLevel('ABCD', 'ABCD', [], '', 'WXYZ', 'WXYZ', [], ''))).toBe('else');
  });

  it('joins full names only when one of them holds more than the first name', () => {
    expect(label('givenName', givenNameLevel('MARY', 'MARY ANNE', [], 'MR', 'MARYANNE', 'MARYANNE', [], 'MRN'))).toBe('exact');
    expect(label('givenName', givenNameLevel('MARYANNE', 'MARYANNE', [], 'MRN', 'MARY', 'MARY ANNE', [], 'MR'))).toBe('exact');
  });

  it('is missing when either first name is', () => {
    expect(givenNameLevel('ANN', 'ANN', [], 'AN', '', '', [], '')).toBe(0);
  });
});

describe('birth date levels at their edges', () => {
  it.each([
    ['1980-03-17', '1980-03-79', 'sameYear'],
    ['1980-03-17', '1980-03-91', 'sameYear'],
    ['1980-03-07', '1980-07-05', 'sameYear'],
    ['1980-03-07', '1980-05-03', 'sameYear'],
    ['1981-03-07', '1980-07-03', 'else'],
    ['1987-03-07', '1978-03-08', 'else'],
    ['1980-03-07', '1981-03-08', 'else'],
    ['1980-12-07', '1980-07-12', 'dayMonthSwapped'],
    [null, '1980-03-07', 'missing'],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(label('birthDate', birthDateLevel(a, b))).toBe(expected);
  });
});

describe('address levels at their edges', () => {
  const at = (line1: string | null, postcode = 'YO1 1AA', city = 'York') => normaliseParty(party('CARDS', 'CH1', { address: line1 === null ? null : ukAddress(line1, postcode, null, city) }));
  it.each([
    ['Castle Street', 'Castle Street', 'similarStreet'],
    ['97', '97', 'exact'],
    ['97', '97 Castle Street', 'numberOnly'],
    ['Flat 1, 97 Castle Street', 'Flat 2, 97 Castle Street', 'similarStreet'],
    ['Flat 1, 97 Castle Street', '97 Castle Street', 'exact'],
    ['97 Castle Street', 'Flat 1, 97 Castle Street', 'exact'],
    ['97 Castle Street', '98 Mill Lane', 'else'],
  ])('street %s / %s: %s', (a, b, expected) => {
    expect(label('street', streetLevel(at(a), at(b)))).toBe(expected);
  });

  it('is missing when either record has neither street nor number', () => {
    expect(streetLevel(at('97 Castle Street'), at(null))).toBe(0);
    expect(streetLevel(at(null), at('97 Castle Street'))).toBe(0);
  });

  it('is missing for a postcode or town either record lacks', () => {
    expect(postcodeLevel('', 'YO11AA')).toBe(0);
    expect(postcodeLevel('YO11AA', '')).toBe(0);
    expect(localityLevel('', 'YORK')).toBe(0);
    expect(localityLevel('YORK', '')).toBe(0);
  });
});

describe('compareRecords at its edges', () => {
  const levelsBy = (gamma: number) => Object.fromEntries(COMPARISONS.map((c, i) => [c.name, label(c.name, levelOf(gamma, i))]));

  it('reads names crosswise when only one pair of initials fits', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Katherine', familyName: 'Smith' }));
    const b = normaliseParty(party('ERP', '2', { givenName: 'Smith', familyName: 'Catherine' }));
    const gamma = compareRecords(a, b);
    expect(levelsBy(gamma)).toMatchObject({ givenName: 'oneEdit', familyName: 'exact' });
    expect(namesSwapped(gamma)).toBe(true);
  });

  it('keeps the names as given when crosswise is no better', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Ann', familyName: 'Lee' }));
    const b = normaliseParty(party('ERP', '2', { givenName: 'Lee', familyName: 'Lee' }));
    const gamma = compareRecords(a, b);
    expect(namesSwapped(gamma)).toBe(false);
    expect(levelsBy(gamma)).toMatchObject({ givenName: 'else', familyName: 'exact' });
  });

  it('never reads names crosswise when a record lacks one of them', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Ann', familyName: 'Lee' }));
    const b = normaliseParty(party('ERP', '2', { givenName: 'Lee', familyName: null }));
    expect(namesSwapped(compareRecords(a, b))).toBe(false);
    expect(namesSwapped(compareRecords(b, a))).toBe(false);
  });

  it('finds a shared phone or email in any position, and says when none is shared', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { phones: ['07700 900001', '07700 900002'], emails: ['a@x.com', 'b@x.com'] }));
    const b = normaliseParty(party('ERP', '2', { phones: ['07700 900003', '07700 900002'], emails: ['c@x.com', 'b@x.com'] }));
    const c = normaliseParty(party('CARDS', '3', { phones: ['07700 900009'], emails: ['z@x.com'] }));
    expect(levelsBy(compareRecords(a, b))).toMatchObject({ phone: 'shared', email: 'shared' });
    expect(levelsBy(compareRecords(a, c))).toMatchObject({ phone: 'else', email: 'else' });
  });

  it('fills every comparison of two full records', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['07700 900001'], emails: ['ann@x.com'], address: ukAddress('3 Mill Lane', 'YO1 1AA', null, 'York') }));
    const b = normaliseParty(party('CARDS', '2', { givenName: 'Anne', familyName: 'Leigh', birthDate: '1980-01-03', nationalId: 'AB123457C', phones: ['07700 900002'], emails: ['ann@y.com'], address: ukAddress('3 Mill Lane', 'YO1 1AB', null, 'Yorke') }));
    expect(levelsOf(compareRecords(a, b))).toEqual([3, 4, 2, 2, 2, 1, 2, 2, 2]) // Anne: one edit; Leigh: sounds like Lee;
  });
});
