import type { Advisor, AdvisorSlot, Appointment, Case, ChangeEvent, Interaction, SourceParty } from '../canonical';
import type { AdvisorWire, AppointmentWire, CaseWire, ContactWire, InteractionWire, SlotWire } from './callCenterWire';

/**
 * A call-center contact in the canonical model, plus the one thing the call center adds:
 * the relationship manager (advisor) assigned to the contact. It is a SourceParty, so it goes
 * wherever one is expected; the call-center subgraph reads `advisorId` to resolve `advisor`.
 */
export interface CallCenterContact extends SourceParty {
  system: 'CALL_CENTER';
  advisorId: string | null;
}

/** Wire text to a canonical value: an absent or blank element holds no value. */
function valueOf(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : text;
}

export function toCallCenterContact(wire: ContactWire): CallCenterContact {
  const phone = valueOf(wire.phone);
  const email = valueOf(wire.email);
  return {
    system: 'CALL_CENTER',
    localId: wire.contactId,
    givenName: valueOf(wire.firstName),
    familyName: valueOf(wire.lastName),
    // The call center splits names, so there is no unsplit form to keep.
    rawName: null,
    birthDate: null,
    nationalId: null,
    // Kept as typed: normalising phones is identity resolution's job, with provenance.
    phones: phone === null ? [] : [phone],
    emails: email === null ? [] : [email],
    address: null,
    changedAt: wire.changedAt ?? null,
    advisorId: wire.advisorId ?? null,
  };
}

export function toInteraction(wire: InteractionWire): Interaction {
  return { id: wire.interactionId, contactId: wire.contactId, channel: wire.channel, occurredAt: wire.occurredAt, summary: wire.summary };
}

export function toCase(wire: CaseWire): Case {
  return { caseId: wire.caseId, contactId: wire.contactId, subject: wire.subject, status: wire.status, openedAt: wire.openedAt, closedAt: wire.closedAt ?? null };
}

export function toAdvisor(wire: AdvisorWire): Advisor {
  return { advisorId: wire.advisorId, name: wire.name };
}

export function toAdvisorSlot(advisorId: string, wire: SlotWire): AdvisorSlot {
  return { slotId: wire.slotId, advisorId, start: wire.start, end: wire.end };
}

export function toAppointment(wire: AppointmentWire): Appointment {
  return { appointmentId: wire.appointmentId, slotId: wire.slotId, advisorId: wire.advisorId, contactId: wire.contactId, start: wire.start, end: wire.end };
}

export function toChangeEvent(wire: { entity: string; localId: string; changedAt: string }): ChangeEvent {
  return { system: 'CALL_CENTER', entity: wire.entity, localId: wire.localId, changedAt: wire.changedAt };
}

/** Groups records by contact id, with an entry (maybe empty) for every requested id. */
export function groupByContact<T extends { contactId: string }>(contactIds: readonly string[], records: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>(contactIds.map((id) => [id, []]));
  for (const record of records) grouped.get(record.contactId)?.push(record);
  return grouped;
}
