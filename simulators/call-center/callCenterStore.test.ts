import { callCenterFixtures, manyContacts } from './callCenterFixtures';
import { BookingError, CallCenterStore } from './callCenterStore';

const NOW = new Date('2026-11-27T08:00:00.000Z');

function store(): CallCenterStore {
  const { contacts, advisors } = callCenterFixtures();
  return new CallCenterStore([...contacts, ...manyContacts(5)], advisors);
}

describe('CallCenterStore', () => {
  it('re-indexes a contact whose phone an edit changes', () => {
    const s = store();
    s.editContact('C000000003', { phone: '07700 900999' }, NOW);
    expect(s.contactsByPhone('+447700900999').map((c) => c.contactId)).toEqual(['C000000003']);
    expect(s.contactsByPhone('+44 20 7946 0018')).toEqual([]);
    expect(s.contact('C000000003')?.changedAt).toBe(NOW.toISOString());
  });

  it('books once per idempotency key and refuses a key reused for another booking', () => {
    const s = store();
    const first = s.schedule({ contactId: 'C000000001', slotId: 'A0001-20261201T0900', idempotencyKey: 'k' }, NOW);
    const again = s.schedule({ contactId: 'C000000001', slotId: 'A0001-20261201T0900', idempotencyKey: 'k' }, NOW);
    expect(again).toEqual({ appointment: first.appointment, replayed: true });
    expect(s.freeSlots('A0001').map((x) => x.slotId)).toEqual(['A0001-20261201T1000']);
    expect(() => s.schedule({ contactId: 'C000000002', slotId: 'A0001-20261201T0900', idempotencyKey: 'k' }, NOW)).toThrow(BookingError);
  });

  it('pages in id order with a keyset token and forgets bookings and edits on reset', () => {
    const s = store();
    const first = s.contactsPage(undefined, 4);
    const second = s.contactsPage(first.lastContactId, 4);
    expect(first.contacts).toHaveLength(4);
    expect(second.contacts).toHaveLength(4);
    expect(second.lastContactId).toBeUndefined();
    expect([...first.contacts, ...second.contacts].map((c) => c.contactId)).toEqual([...first.contacts, ...second.contacts].map((c) => c.contactId).sort());
    s.schedule({ contactId: 'C000000001', slotId: 'A0001-20261201T0900' }, NOW);
    s.editContact('C000000001', { firstName: 'Augusta' }, NOW);
    s.reset();
    expect(s.appointmentsOf(['C000000001'])).toEqual([]);
    expect(s.contact('C000000001')?.firstName).toBe('Ada');
  });
});
