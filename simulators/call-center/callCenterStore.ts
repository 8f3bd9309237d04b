import type { AdvisorRecord, AdvisorSlotRecord, ContactRecord } from '../dataset/records';
import type { FaultCode } from './callCenterProtocol';
import { phoneMatchKey } from './phoneMatchKey';

/** A booked callback: an advisor's slot taken for a contact. */
export interface AppointmentRecord {
  appointmentId: string;
  slotId: string;
  advisorId: string;
  contactId: string;
  start: string;
  end: string;
  bookedAt: string;
}

export interface ScheduleRequest {
  contactId: string;
  slotId: string;
  /** Absent: the booking is not deduplicated (a repeat may hit SlotUnavailable). */
  idempotencyKey?: string;
}

export interface ScheduleResult {
  appointment: AppointmentRecord;
  /** True when an earlier request with the same idempotency key already made this booking. */
  replayed: boolean;
}

/** A booking the store refuses, with the fault code the service reports for it. */
export class BookingError extends Error {
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'BookingError';
  }
}

export type ContactChanges = Partial<Pick<ContactRecord, 'firstName' | 'lastName' | 'phone' | 'email' | 'advisorId'>>;

interface SlotEntry {
  advisorId: string;
  slot: AdvisorSlotRecord;
}

/**
 * The call center's data, indexed so each request is a few Map lookups: contacts by id and by
 * phone match key, advisors and slots by id, bookings by slot, by contact and by idempotency key.
 * The pristine records are kept so `reset` restores the population exactly.
 */
export class CallCenterStore {
  private contacts = new Map<string, ContactRecord>();
  private contactIdsByPhone = new Map<string, Set<string>>();
  private sortedContactIds: string[] = [];
  private advisors = new Map<string, AdvisorRecord>();
  private slots = new Map<string, SlotEntry>();
  private bookingsBySlot = new Map<string, AppointmentRecord>();
  private bookingsByContact = new Map<string, AppointmentRecord[]>();
  private bookingsByKey = new Map<string, { request: ScheduleRequest; appointment: AppointmentRecord }>();
  private appointmentSequence = 0;

  constructor(
    private readonly pristineContacts: readonly ContactRecord[],
    private readonly pristineAdvisors: readonly AdvisorRecord[],
  ) {
    this.reset();
  }

  reset(): void {
    this.contacts = new Map(this.pristineContacts.map((c) => [c.contactId, structuredClone(c)]));
    this.contactIdsByPhone = new Map();
    for (const contact of this.contacts.values()) this.indexPhone(contact);
    this.sortedContactIds = [...this.contacts.keys()].sort();
    this.advisors = new Map(this.pristineAdvisors.map((a) => [a.advisorId, structuredClone(a)]));
    this.slots = new Map();
    for (const advisor of this.advisors.values()) {
      for (const slot of advisor.slots) this.slots.set(slot.slotId, { advisorId: advisor.advisorId, slot });
    }
    this.bookingsBySlot = new Map();
    this.bookingsByContact = new Map();
    this.bookingsByKey = new Map();
    this.appointmentSequence = 0;
  }

  contact(contactId: string): ContactRecord | undefined {
    return this.contacts.get(contactId);
  }

  /** Contacts for these ids in request order, each once; unknown ids are skipped. */
  contactsByIds(contactIds: readonly string[]): ContactRecord[] {
    const found: ContactRecord[] = [];
    for (const id of new Set(contactIds)) {
      const contact = this.contacts.get(id);
      if (contact) found.push(contact);
    }
    return found;
  }

  contactsByPhone(typed: string): ContactRecord[] {
    const key = phoneMatchKey(typed);
    if (key === undefined) return [];
    return this.contactsByIds([...(this.contactIdsByPhone.get(key) ?? [])].sort());
  }

  /** One page of every contact in id order, after `afterContactId` (keyset paging: stable under edits). */
  contactsPage(afterContactId: string | undefined, size: number): { contacts: ContactRecord[]; lastContactId?: string } {
    const start = afterContactId === undefined ? 0 : upperBound(this.sortedContactIds, afterContactId);
    const ids = this.sortedContactIds.slice(start, start + size);
    const more = start + ids.length < this.sortedContactIds.length;
    return { contacts: this.contactsByIds(ids), lastContactId: more ? ids[ids.length - 1] : undefined };
  }

  advisor(advisorId: string): AdvisorRecord | undefined {
    return this.advisors.get(advisorId);
  }

  /** The advisor's slots nobody has booked, in start order. */
  freeSlots(advisorId: string): AdvisorSlotRecord[] {
    const advisor = this.advisors.get(advisorId);
    if (!advisor) return [];
    return advisor.slots.filter((s) => !this.bookingsBySlot.has(s.slotId)).sort((a, b) => a.start.localeCompare(b.start));
  }

  appointmentsOf(contactIds: readonly string[]): AppointmentRecord[] {
    return [...new Set(contactIds)].flatMap((id) => this.bookingsByContact.get(id) ?? []);
  }

  /**
   * Books a slot. A repeat of a request with the same idempotency key returns the first booking and
   * books nothing; the same key with a different contact or slot is refused rather than guessed at.
   */
  schedule(request: ScheduleRequest, now: Date): ScheduleResult {
    const { contactId, slotId, idempotencyKey } = request;
    if (idempotencyKey !== undefined) {
      const earlier = this.bookingsByKey.get(idempotencyKey);
      if (earlier) {
        if (earlier.request.contactId !== contactId || earlier.request.slotId !== slotId) {
          throw new BookingError('IdempotencyKeyReused', 'idempotency key was already used for a different booking');
        }
        return { appointment: earlier.appointment, replayed: true };
      }
    }
    if (!this.contacts.has(contactId)) throw new BookingError('ContactNotFound', 'no such contact');
    const entry = this.slots.get(slotId);
    if (!entry) throw new BookingError('SlotNotFound', 'no such slot');
    if (this.bookingsBySlot.has(slotId)) throw new BookingError('SlotUnavailable', 'slot is already booked');

    this.appointmentSequence += 1;
    const appointment: AppointmentRecord = {
      appointmentId: `AP${String(this.appointmentSequence).padStart(8, '0')}`,
      slotId,
      advisorId: entry.advisorId,
      contactId,
      start: entry.slot.start,
      end: entry.slot.end,
      bookedAt: now.toISOString(),
    };
    this.bookingsBySlot.set(slotId, appointment);
    const ofContact = this.bookingsByContact.get(contactId) ?? [];
    ofContact.push(appointment);
    this.bookingsByContact.set(contactId, ofContact);
    if (idempotencyKey !== undefined) this.bookingsByKey.set(idempotencyKey, { request: { contactId, slotId, idempotencyKey }, appointment });
    return { appointment, replayed: false };
  }

  /** Applies an operator's edit; returns undefined for an unknown contact. */
  editContact(contactId: string, changes: ContactChanges, now: Date): ContactRecord | undefined {
    const contact = this.contacts.get(contactId);
    if (!contact) return undefined;
    if (changes.phone !== undefined) this.unindexPhone(contact);
    Object.assign(contact, changes, { changedAt: now.toISOString() });
    if (changes.phone !== undefined) this.indexPhone(contact);
    return contact;
  }

  private indexPhone(contact: ContactRecord): void {
    const key = phoneMatchKey(contact.phone ?? '');
    if (key === undefined) return;
    const ids = this.contactIdsByPhone.get(key) ?? new Set<string>();
    ids.add(contact.contactId);
    this.contactIdsByPhone.set(key, ids);
  }

  private unindexPhone(contact: ContactRecord): void {
    const key = phoneMatchKey(contact.phone ?? '');
    if (key === undefined) return;
    this.contactIdsByPhone.get(key)?.delete(contact.contactId);
  }
}

/** Index of the first element greater than `value` in a sorted array. */
function upperBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
