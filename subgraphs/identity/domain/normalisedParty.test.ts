import { forEachValue, normaliseNationalId, normaliseParty, shareAValue, valueList, valuesOf } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

describe('normaliseParty', () => {
  it('normalises every field once', () => {
    const p = normaliseParty(
      party('CARDS', 'CH00000001', {
        rawName: 'MÜLLER/ZOË.MS',
        birthDate: '07/03/1980',
        phones: ['07700 900123', '+447700900123'],
        emails: [' Zoe.Muller@Example.com '],
        address: ukAddress('Flat 3, 12 High St', 'yo1 1aa'),
      }),
    );
    expect(p).toEqual({
      key: 'CARDS:CH00000001',
      system: 'CARDS',
      given: 'ZOE',
      givenFirst: 'ZOE',
      givenCanonical: [],
      family: 'MULLER',
      givenPhonetic: 'S',
      familyPhonetic: 'MLR',
      birthDate: '1980-03-07',
      nationalId: null,
      phones: '+447700900123',
      emails: 'zoe.muller@example.com',
      postcode: 'YO11AA',
      houseNumber: '12',
      unit: '3',
      street: 'HIGHSTREET',
      locality: 'LONDON',
    });
  });

  it('compacts national ids', () => {
    expect(normaliseNationalId(' ab 12 34 56 c ')).toBe('AB123456C');
    expect(normaliseNationalId('n/a')).toBeNull();
    expect(normaliseNationalId(null)).toBeNull();
  });
});

describe('value lists (a record\'s phones, its emails)', () => {
  it('hold one value as the value itself, several separated by spaces, none as empty', () => {
    expect(valueList([])).toBe('');
    expect(valueList(['+447700900123'])).toBe('+447700900123');
    expect(valueList(['+447700900123', '+442079460000'])).toBe('+447700900123 +442079460000');
    expect(valuesOf('')).toEqual([]);
    expect(valuesOf('+447700900123 +442079460000')).toEqual(['+447700900123', '+442079460000']);
  });

  it('refuse a value they could not give back', () => {
    expect(() => valueList(['a b'])).toThrow(RangeError);
    expect(() => valueList(['x', ''])).toThrow(RangeError);
  });

  // [a, b, share a value]
  const cases: Array<[string[], string[], boolean]> = [
    [[], [], false],
    [['a@x.com'], [], false],
    [['a@x.com'], ['a@x.com'], true],
    [['a@x.com'], ['b@x.com'], false],
    [['a@x.com'], ['a@x.co'], false], // a prefix is not the value
    [['a@x.com', 'b@x.com'], ['b@x.com'], true],
    [['b@x.com'], ['a@x.com', 'b@x.com'], true],
    [['a@x.com', 'c@x.com'], ['b@x.com', 'd@x.com'], false],
    [['ab@x.com'], ['b@x.com', 'c@x.com'], false], // a suffix of the other list's text is not a value of it
    [['c@x.com', 'a@x.com'], ['a@x.com', 'c@x.com'], true],
  ];
  it.each(cases)('%j and %j share a value: %s', (a, b, expected) => {
    expect(shareAValue(valueList(a), valueList(b))).toBe(expected);
    expect(shareAValue(valueList(b), valueList(a))).toBe(expected);
  });

  it('visit each value', () => {
    const seen: string[] = [];
    forEachValue('', (v) => seen.push(v));
    forEachValue('a', (v) => seen.push(v));
    forEachValue('b c', (v) => seen.push(v));
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
