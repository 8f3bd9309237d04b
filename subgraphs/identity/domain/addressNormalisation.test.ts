import { addressComparisonKey, normaliseAddress, normalisePostcode, normaliseStreetLines } from './addressNormalisation';

describe('normaliseStreetLines', () => {
  it('expands abbreviations and extracts the house number', () => {
    expect(normaliseStreetLines('12 High St.', null)).toEqual({ street: 'HIGH STREET', houseNumber: '12', unit: '' });
    expect(normaliseStreetLines('12 High Street', null)).toEqual(normaliseStreetLines('12 high st', null));
    expect(normaliseStreetLines('4 Station Rd', null).street).toBe('STATION ROAD');
    expect(normaliseStreetLines('4 St John’s Rd', null).street).toBe('SAINT JOHNS ROAD');
  });
  it('extracts flat and unit numbers in either line', () => {
    expect(normaliseStreetLines('Flat 3', '12a Park Ave')).toEqual({ street: 'PARK AVENUE', houseNumber: '12A', unit: '3' });
    expect(normaliseStreetLines('Apt. 3, 12 A Park Avenue', null)).toEqual({ street: 'PARK AVENUE', houseNumber: '12A', unit: '3' });
  });
  it('handles ERP street + house number lines in either order', () => {
    expect(normaliseStreetLines('Baker Street 221B', null)).toEqual({ street: 'BAKER STREET', houseNumber: '221B', unit: '' });
  });
});

describe('normaliseAddress', () => {
  it('normalises postcode and city', () => {
    expect(normaliseAddress({ line1: '1 Main Rd', line2: null, city: 'london', postalCode: 'sw1a 1aa', country: 'gb' })).toEqual({
      street: 'MAIN ROAD', houseNumber: '1', unit: '', postcode: 'SW1A1AA', city: 'LONDON', country: 'GB',
    });
  });
  it('returns null for an empty address', () => {
    expect(normaliseAddress(null)).toBeNull();
    expect(normaliseAddress({ line1: null, line2: null, city: null, postalCode: null, country: 'GB' })).toBeNull();
  });
  it('strips spaces from postcodes', () => {
    expect(normalisePostcode(' ec1a 1bb ')).toBe('EC1A1BB');
  });
});

describe('addressComparisonKey', () => {
  const address = (line1: string, line2: string | null = null, postalCode = 'YO1 7HP', city = 'York') => ({ line1, line2, city, postalCode, country: 'GB' });
  it.each([
    ['number first and ERP’s number last', address('97 Castle Street'), address('Castle Street 97')],
    ['abbreviations', address('97 Castle St.'), address('Castle Street 97')],
    ['case, spaces and punctuation', address('97, castle street', null, 'yo17hp', 'YORK'), address('Castle Street 97')],
    ['a house number with a letter, either order', address('12A High St'), address('High Street 12 A')],
    ['a flat one system cannot hold', address('97 Castle Street', 'Flat 3'), address('Castle Street 97')],
    ['St as Saint before a name', address('4 St John’s Road'), address('Saint Johns Road 4')],
  ])('is the same for %s', (_case, a, b) => {
    expect(addressComparisonKey(a)).toBe(addressComparisonKey(b));
  });
  it.each([
    ['another house number', address('97 Castle Street'), address('Castle Street 79')],
    ['another street', address('97 Castle Street'), address('97 Castle Road')],
    ['another postcode', address('97 Castle Street'), address('97 Castle Street', null, 'YO1 7HQ')],
    ['another town', address('97 Castle Street'), address('97 Castle Street', null, 'YO1 7HP', 'Leeds')],
  ])('differs for %s', (_case, a, b) => {
    expect(addressComparisonKey(a)).not.toBe(addressComparisonKey(b));
  });
  it('is null for an address with nothing to compare', () => {
    expect(addressComparisonKey(null)).toBeNull();
    expect(addressComparisonKey({ line1: null, line2: null, city: null, postalCode: null, country: 'GB' })).toBeNull();
  });
});
