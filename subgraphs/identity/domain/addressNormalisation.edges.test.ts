import { addressComparisonKey, normaliseAddress, normaliseStreetLines } from './addressNormalisation';

describe('normaliseStreetLines at its edges', () => {
  it('expands every street-type and direction abbreviation, ST at the end as STREET', () => {
    const line = 'STR RD AVE AV LN DR CT CRT PL SQ CRES CR GDNS TCE TER PK CL GRN GR GRV HWY BLVD PDE WY MT HSE BLDG N S E W UPR LWR GT ST';
    expect(normaliseStreetLines(`1 ${line}`, null).street).toBe(
      'STREET ROAD AVENUE AVENUE LANE DRIVE COURT COURT PLACE SQUARE CRESCENT CRESCENT GARDENS TERRACE TERRACE PARK CLOSE GREEN GROVE GROVE HIGHWAY BOULEVARD PARADE WAY MOUNT HOUSE BUILDING NORTH SOUTH EAST WEST UPPER LOWER GREAT STREET',
    );
  });

  it('reads ST before a name as SAINT', () => {
    expect(normaliseStreetLines('St Ann St', null).street).toBe('SAINT ANN STREET');
  });

  it.each(['Flat', 'Apt', 'Apartment', 'Unit', 'Suite', 'Ste', 'No'])('takes the number after %s as the flat', (word) => {
    expect(normaliseStreetLines(`${word} 5`, '10 Elm Rd')).toEqual({ street: 'ELM ROAD', houseNumber: '10', unit: '5' });
  });

  it.each([
    ['a flat word with no number after it', '12 Elm Rd Flat', null, { street: 'ELM ROAD FLAT', houseNumber: '12', unit: '' }],
    ['a flat word before a word', 'Unit Road 5', null, { street: 'UNIT ROAD', houseNumber: '5', unit: '' }],
    ['a second flat word once the flat is known', 'Flat 3 Flat 4 12 Elm', null, { street: 'FLAT ELM', houseNumber: '4', unit: '3' }],
    ['a house letter typed apart (A to H)', '12 H Elm Rd', null, { street: 'ELM ROAD', houseNumber: '12H', unit: '' }],
    ['a letter after J is a word', '12 J Elm Rd', null, { street: 'J ELM ROAD', houseNumber: '12', unit: '' }],
    ['a letter after a word stays a word', 'Elm A 12', null, { street: 'ELM A', houseNumber: '12', unit: '' }],
    ['a second number as the flat, a third dropped', '3 12 14 High St', null, { street: 'HIGH STREET', houseNumber: '3', unit: '12' }],
    ['a token ending in digits is a word, and takes no house letter', 'B12 C Elm Rd', null, { street: 'B12 C ELM ROAD', houseNumber: '', unit: '' }],
    ['a house number that has its letter takes no second one', '12A B Elm Rd', null, { street: 'B ELM ROAD', houseNumber: '12A', unit: '' }],
    ['a flat of several digits', 'Flat 12', '10 Elm Rd', { street: 'ELM ROAD', houseNumber: '10', unit: '12' }],
    ['a flat with a letter', 'Flat 3A', '10 Elm Rd', { street: 'ELM ROAD', houseNumber: '10', unit: '3A' }],
    ['a flat word before a word with digits', 'Flat B5', '10 Elm Rd', { street: 'FLAT B5 ELM ROAD', houseNumber: '10', unit: '' }],
    ['a flat word before an ordinal', 'Flat 3RD', '10 Elm Rd', { street: 'FLAT 3RD ELM ROAD', houseNumber: '10', unit: '' }],
    ['only a second line', null, '5 Elm Rd', { street: 'ELM ROAD', houseNumber: '5', unit: '' }],
    ['no lines', null, null, { street: '', houseNumber: '', unit: '' }],
  ])('%s', (_case, line1, line2, expected) => {
    expect(normaliseStreetLines(line1, line2)).toEqual(expected);
  });
});

describe('normaliseAddress at its edges', () => {
  const address = (fields: Partial<{ line1: string; line2: string; city: string; postalCode: string; country: string }>) => ({ line1: null, line2: null, city: null, postalCode: null, country: null, ...fields });
  it.each([
    ['only a postcode', address({ postalCode: 'yo1 7hp' }), { street: '', houseNumber: '', unit: '', postcode: 'YO17HP', city: '', country: '' }],
    ['only a town', address({ city: 'York' }), { street: '', houseNumber: '', unit: '', postcode: '', city: 'YORK', country: '' }],
    ['only a house number', address({ line1: '12' }), { street: '', houseNumber: '12', unit: '', postcode: '', city: '', country: '' }],
    ['only a street', address({ line1: 'Elm Rd', country: ' gb ' }), { street: 'ELM ROAD', houseNumber: '', unit: '', postcode: '', city: '', country: 'GB' }],
  ])('keeps an address with %s', (_case, input, expected) => {
    expect(normaliseAddress(input)).toEqual(expected);
  });

  it('is null when only the country is known', () => {
    expect(normaliseAddress(address({ country: 'GB' }))).toBeNull();
  });
});

describe('addressComparisonKey at its edges', () => {
  it('joins number, street, town, postcode and country, the flat left out', () => {
    expect(addressComparisonKey({ line1: 'Flat 2, 97 Castle St', line2: null, city: 'York', postalCode: 'YO1 7HP', country: 'gb' })).toBe('97|CASTLE STREET|YORK|YO17HP|GB');
  });
});
