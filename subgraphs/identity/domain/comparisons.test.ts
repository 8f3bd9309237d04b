import { COMPARISONS, birthDateLevel, compareRecords, familyNameLevel, givenNameLevel, levelOf, levelsOf, localityLevel, namesSwapped, nationalIdLevel, packLevels, patternOf, postcodeLevel, streetLevel } from './comparisons';
import { normaliseParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

/** The label of a level number of a comparison (0 = missing). */
const label = (comparison: string, level: number): string =>
  level === 0 ? 'missing' : COMPARISONS.find((c) => c.name === comparison)!.levels[level - 1].label;

const person = (given: string | null, family: string | null) => normaliseParty(party('CORE_BANKING', '1', { givenName: given, familyName: family }));
const given = (a: string, b: string): string => {
  const x = person(a, null);
  const y = person(b, null);
  return label('givenName', givenNameLevel(x.givenFirst, x.given, x.givenCanonical, x.givenPhonetic, y.givenFirst, y.given, y.givenCanonical, y.givenPhonetic));
};
const family = (a: string, b: string): string => {
  const x = person(null, a);
  const y = person(null, b);
  return label('familyName', familyNameLevel(x.family, x.familyPhonetic, y.family, y.familyPhonetic));
};

describe('given name levels', () => {
  it.each([
    ['Ann', 'ANN', 'exact'],
    ['Mary Anne', 'Maryanne', 'exact'],
    ['Bill', 'William', 'nickname'],
    ['Kayla', 'Kalya', 'oneEdit'],
    ['Katherine', 'Katharina', 'jaroWinkler90'],
    ['Katherine', 'Catherine', 'oneEdit'],
    ['Geoffrey', 'Jeffery', 'phonetic'],
    ['Dwayne', 'Duane', 'phonetic'],
    ['Kathy', 'Kathleen', 'jaroWinkler80'],
    ['J', 'John', 'initial'],
    ['J', 'Mary', 'else'],
    ['Ann', 'Zoe', 'else'],
    ['', 'Zoe', 'missing'],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(given(a, b)).toBe(expected);
  });
});

describe('family name levels', () => {
  it.each([
    ['Smith', 'SMITH', 'exact'],
    ['Van der Berg', 'Vanderberg', 'exact'],
    ['Alderson', 'Aldreson', 'oneEdit'],
    ['Hannagan', 'Hannaan', 'oneEdit'],
    ['Featherstonehaugh', 'Featherstoneh', 'jaroWinkler90'],
    ['Smith', 'Smyth', 'oneEdit'],
    ['Schmidt', 'Smit', 'else'],
    ['Lee', 'Stone', 'else'],
    ['Lee', '', 'missing'],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(family(a, b)).toBe(expected);
  });
});

describe('birth date levels', () => {
  it.each([
    ['1980-03-07', '1980-03-07', 'exact'],
    ['1980-03-07', '1980-03-08', 'oneTypo'],
    ['1987-03-07', '1978-03-07', 'oneTypo'],
    ['1980-03-07', '1980-07-03', 'dayMonthSwapped'],
    ['1980-03-07', '1980-11-25', 'sameYear'],
    ['1980-03-07', '1955-11-25', 'else'],
    ['1980-03-07', null, 'missing'],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(label('birthDate', birthDateLevel(a, b))).toBe(expected);
  });
});

describe('national id levels', () => {
  it.each([
    ['AB123456C', 'AB123456C', 'exact'],
    ['AB123456C', 'AB123457C', 'oneEdit'],
    ['AB123456C', 'AB124356C', 'oneEdit'],
    ['AB123456C', 'AB123499C', 'twoEdits'],
    ['AB123456C', 'ZX987654A', 'else'],
    ['AB123456C', null, 'missing'],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(label('nationalId', nationalIdLevel(a, b))).toBe(expected);
  });
});

describe('address levels', () => {
  const at = (line1: string, postcode: string, city = 'York') => normaliseParty(party('CARDS', 'CH1', { address: ukAddress(line1, postcode, null, city) }));
  it.each([
    ['97 Castle Street', 'Castle Street 97', 'exact'],
    ['97 Castle Street', '97 Castel Street', 'numberAndSimilarStreet'],
    ['97 Castle Street', '12 Castle Street', 'similarStreet'],
    ['97 Castle Street', '97 Mill Lane', 'numberOnly'],
    ['97 Castle Street', '3 Mill Lane', 'else'],
  ])('street %s / %s: %s', (a, b, expected) => {
    expect(label('street', streetLevel(at(a, 'YO1 1AA'), at(b, 'YO1 1AA')))).toBe(expected);
  });
  it.each([
    ['YO1 1AA', 'yo11aa', 'exact'],
    ['YO1 1AA', 'YO1 1AB', 'oneEdit'],
    ['YO1 1AA', 'LS2 9ZZ', 'else'],
    ['YO1 1AA', '', 'missing'],
  ])('postcode %s / %s: %s', (a, b, expected) => {
    expect(label('postcode', postcodeLevel(at('1 A St', a).postcode, at('1 A St', b).postcode))).toBe(expected);
  });
  it.each([
    ['Tingalpa', 'Tings Lpa', 'similar'],
    ['St James', 'ST JAMES', 'exact'],
    ['York', 'Leeds', 'else'],
  ])('locality %s / %s: %s', (a, b, expected) => {
    expect(label('locality', localityLevel(at('1 A St', 'X', a).locality, at('1 A St', 'X', b).locality))).toBe(expected);
  });
});

describe('compareRecords', () => {
  it('reads names crosswise when one system swapped them, and says so', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Mikhayla', familyName: 'Hannagan' }));
    const b = normaliseParty(party('ERP', '2', { givenName: 'Hannagan', familyName: 'Mikhayla' }));
    const gamma = compareRecords(a, b);
    expect(label('givenName', levelOf(gamma, 0))).toBe('exact');
    expect(label('familyName', levelOf(gamma, 1))).toBe('exact');
    expect(namesSwapped(gamma)).toBe(true);
    expect(namesSwapped(compareRecords(a, a))).toBe(false);
  });

  it('gives level 0 (missing) for fields either record lacks', () => {
    const a = normaliseParty(party('CALL_CENTER', 'C1', { givenName: 'Ann', familyName: 'Lee', phones: ['07700 900001'] }));
    const b = normaliseParty(party('CARDS', 'CH1', { rawName: 'LEE/ANN', emails: ['a@x.com'] }));
    expect(levelsOf(compareRecords(a, b))).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('is symmetric in its levels', () => {
    const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Bill', familyName: 'Hart', birthDate: '1980-01-02', nationalId: 'AB123456C', address: ukAddress('3 Mill Lane', 'YO1 1AA') }));
    const b = normaliseParty(party('CARDS', '2', { givenName: 'William', familyName: 'Harte', birthDate: '1980-02-01', nationalId: 'AB123465C', address: ukAddress('Mill Lane 3', 'YO1 1AB') }));
    expect(levelsOf(compareRecords(a, b))).toEqual(levelsOf(compareRecords(b, a)));
  });

  it('packs and unpacks levels, the pattern without the swapped flag', () => {
    const levels = [8, 6, 5, 4, 3, 5, 3, 2, 2];
    const gamma = packLevels(levels, true);
    expect(levelsOf(gamma)).toEqual(levels);
    expect(namesSwapped(gamma)).toBe(true);
    expect(patternOf(gamma)).toBe(packLevels(levels));
    expect(() => packLevels([9, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
  });
});
