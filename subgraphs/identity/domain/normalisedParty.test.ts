import { normaliseNationalId, normaliseParty } from './normalisedParty';
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
      localId: 'CH00000001',
      given: 'ZOE',
      givenFirst: 'ZOE',
      givenCanonical: [],
      family: 'MULLER',
      givenPhonetic: 'S',
      familyPhonetic: 'MLR',
      birthDate: '1980-03-07',
      nationalId: null,
      phones: ['+447700900123'],
      emails: ['zoe.muller@example.com'],
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
