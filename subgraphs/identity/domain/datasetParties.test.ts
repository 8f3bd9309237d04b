import { callCenterParty, cardsParty, coreBankingParty, erpParty } from './datasetParties';

describe('dataset records -> SourceParty', () => {
  it('maps a core-banking customer with its national id', () => {
    const p = coreBankingParty({
      cif: '0000000001', givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C',
      addressLine1: '3 Mill Lane', addressLine2: null, city: 'York', postalCode: 'YO1 1AA', country: 'GB',
      phone: '07700 900001', email: 'ann@x.com', incomeMinor: 1, changedAt: '2026-01-01T00:00:00.000Z', accounts: [],
    });
    expect(p).toEqual({
      system: 'CORE_BANKING', localId: '0000000001', givenName: 'Ann', familyName: 'Lee', rawName: null, birthDate: '1980-01-02',
      nationalId: 'AB123456C', phones: ['07700 900001'], emails: ['ann@x.com'],
      address: { line1: '3 Mill Lane', line2: null, city: 'York', postalCode: 'YO1 1AA', country: 'GB' }, changedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('splits the track-1 name of a cardholder and keeps the raw form', () => {
    const p = cardsParty({
      cardholderId: 'CH00000001', nameOnCard: 'LEE/ANN', birthDate: null, email: null, phone: null,
      addressLine1: null, addressLine2: null, city: null, postalCode: null, country: null, changedAt: '2026-01-01T00:00:00.000Z', cards: [],
    });
    expect(p).toMatchObject({ system: 'CARDS', givenName: 'ANN', familyName: 'LEE', rawName: 'LEE/ANN', phones: [], emails: [], address: null });
  });

  it('joins ERP street and house number into line1', () => {
    const p = erpParty({
      partnerId: '1000000001', firstName: 'Ann', lastName: 'Lee', email: '', phone: '07700 900001', street: 'Mill Lane', houseNumber: '3',
      city: 'York', postalCode: 'YO1 1AA', country: 'GB', changedAt: '2026-01-01T00:00:00.000Z', orders: [],
    });
    expect(p.address?.line1).toBe('Mill Lane 3');
    expect(p.emails).toEqual([]);
    expect(p.birthDate).toBeNull();
  });

  it('keeps the call-center phone as typed', () => {
    const p = callCenterParty({
      contactId: 'C000000001', firstName: null, lastName: 'Lee', phone: '+44 7700 900001', email: null, advisorId: null,
      changedAt: '2026-01-01T00:00:00.000Z', interactions: [], cases: [],
    });
    expect(p).toMatchObject({ system: 'CALL_CENTER', givenName: null, familyName: 'Lee', phones: ['+44 7700 900001'], address: null });
  });
});
