import { groupByContact, toCallCenterContact, toCase } from './callCenterMapping';
import { contactsResponse } from './callCenterWire';

describe('call-center mapping', () => {
  it('maps a contact to a SourceParty with its advisor, absent elements as null', () => {
    expect(toCallCenterContact({ contactId: 'C000000002', lastName: 'Lovelace', phone: '+447700900123', changedAt: '2026-10-02T09:00:00.000Z' })).toEqual({
      system: 'CALL_CENTER',
      localId: 'C000000002',
      givenName: null,
      familyName: 'Lovelace',
      rawName: null,
      birthDate: null,
      nationalId: null,
      phones: ['+447700900123'],
      emails: [],
      address: null,
      changedAt: '2026-10-02T09:00:00.000Z',
      advisorId: null,
    });
  });

  it('treats a blank element as no value', () => {
    const party = toCallCenterContact({ contactId: 'C000000002', firstName: ' ', email: '' });
    expect(party.givenName).toBeNull();
    expect(party.emails).toEqual([]);
  });

  it('maps a case without closedAt to closedAt null', () => {
    expect(toCase({ caseId: 'K1', contactId: 'C000000001', subject: 's', status: 'OPEN', openedAt: '2026-09-02T08:00:00.000Z' }).closedAt).toBeNull();
  });

  it('reads a list of one, of many, and an empty wrapper', () => {
    const one = { contactId: 'C000000001' };
    expect(contactsResponse.parse({ contacts: { contact: one } }).contacts).toHaveLength(1);
    expect(contactsResponse.parse({ contacts: { contact: [one, one] } }).contacts).toHaveLength(2);
    expect(contactsResponse.parse({ contacts: '' }).contacts).toEqual([]);
    expect(contactsResponse.parse({}).contacts).toEqual([]);
  });

  it('refuses an unexpected shape', () => {
    expect(contactsResponse.safeParse({ contacts: { contact: { contactId: 'not-an-id' } } }).success).toBe(false);
    expect(contactsResponse.safeParse({ contacts: { contact: { contactId: 'C000000001', changedAt: 'yesterday' } } }).success).toBe(false);
    expect(contactsResponse.safeParse({ contacts: 'text' }).success).toBe(false);
  });

  it('groups records by contact with an entry for every requested id', () => {
    const grouped = groupByContact(['C1', 'C2'], [{ contactId: 'C1', n: 1 }, { contactId: 'C1', n: 2 }, { contactId: 'C9', n: 3 }]);
    expect(grouped).toEqual(new Map([['C1', [{ contactId: 'C1', n: 1 }, { contactId: 'C1', n: 2 }]], ['C2', []]]));
  });
});
