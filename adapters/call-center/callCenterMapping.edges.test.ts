import { toAdvisor, toAdvisorSlot, toAppointment, toCallCenterContact, toChangeEvent, toInteraction } from './callCenterMapping';

/**
 * Every call-center record type read into the canonical model, field by field, with the
 * expected records written out by hand (the mutation run found the ones the contract tests
 * alone covered: TESTING.md).
 */
describe('call-center mapping: each record type', () => {
  it('a contact with no phone and no email has empty lists, never a null entry', () => {
    expect(toCallCenterContact({ contactId: 'C000000003' })).toEqual({
      system: 'CALL_CENTER',
      localId: 'C000000003',
      givenName: null,
      familyName: null,
      rawName: null,
      birthDate: null,
      nationalId: null,
      phones: [],
      emails: [],
      address: null,
      changedAt: null,
      advisorId: null,
    });
  });

  it('a contact with a phone and an email keeps both as typed', () => {
    const party = toCallCenterContact({ contactId: 'C000000004', firstName: 'Ada', phone: '07700 900123', email: 'Ada@Example.org', advisorId: 'A0001' });
    expect(party.phones).toEqual(['07700 900123']);
    expect(party.emails).toEqual(['Ada@Example.org']);
    expect(party.givenName).toBe('Ada');
    expect(party.advisorId).toBe('A0001');
  });

  it('an interaction', () => {
    expect(toInteraction({ interactionId: 'I-1', contactId: 'C000000001', channel: 'CALL', occurredAt: '2026-10-01T10:00:00Z', summary: 'card blocked' })).toEqual({
      id: 'I-1',
      contactId: 'C000000001',
      channel: 'CALL',
      occurredAt: '2026-10-01T10:00:00Z',
      summary: 'card blocked',
    });
  });

  it('an advisor, a free slot of an advisor, and an appointment', () => {
    expect(toAdvisor({ advisorId: 'A0001', name: 'Grace Hopper' })).toEqual({ advisorId: 'A0001', name: 'Grace Hopper' });
    expect(toAdvisorSlot('A0001', { slotId: 'A0001-20261001T1000', start: '2026-10-01T10:00:00Z', end: '2026-10-01T10:30:00Z' })).toEqual({
      slotId: 'A0001-20261001T1000',
      advisorId: 'A0001',
      start: '2026-10-01T10:00:00Z',
      end: '2026-10-01T10:30:00Z',
    });
    expect(
      toAppointment({ appointmentId: 'P-1', slotId: 'A0001-20261001T1000', advisorId: 'A0001', contactId: 'C000000001', start: '2026-10-01T10:00:00Z', end: '2026-10-01T10:30:00Z' }),
    ).toEqual({ appointmentId: 'P-1', slotId: 'A0001-20261001T1000', advisorId: 'A0001', contactId: 'C000000001', start: '2026-10-01T10:00:00Z', end: '2026-10-01T10:30:00Z' });
  });

  it('a change-feed entry, stamped with the call center as its system', () => {
    expect(toChangeEvent({ entity: 'contact', localId: 'C000000001', changedAt: '2026-10-01T10:00:00Z' })).toEqual({
      system: 'CALL_CENTER',
      entity: 'contact',
      localId: 'C000000001',
      changedAt: '2026-10-01T10:00:00Z',
    });
  });
});
