import { normaliseNationalId, normaliseParty } from './normalisedParty';
import { party } from './partyFixtures';

describe('normaliseNationalId at its edges', () => {
  it('keeps an identifier of five characters or more, spaces and case removed', () => {
    expect(normaliseNationalId('ab 1 2 3')).toBe('AB123');
    expect(normaliseNationalId('ab 1 2')).toBeNull();
    expect(normaliseNationalId('')).toBeNull();
  });
});

describe('normaliseParty without an address', () => {
  it('has empty address fields', () => {
    expect(normaliseParty(party('ERP', '1000000001', { givenName: 'Ann' }))).toMatchObject({ street: '', houseNumber: '', unit: '', postcode: '', locality: '' });
  });
});
