import { z } from 'zod/v4';
import type { AdvisorSlotRecord, ContactRecord } from '../dataset/records';
import { InvalidCursorError, type ChangeFeed } from '../kit/changeFeed';
import {
  DEFAULT_CHANGES_LIMIT,
  DEFAULT_EXTRACT_PAGE_SIZE,
  MAX_CHANGES_LIMIT,
  MAX_EXTRACT_PAGE_SIZE,
  MAX_IDS_PER_REQUEST,
  type OperationName,
} from './callCenterProtocol';
import { BookingError, type AppointmentRecord, type CallCenterStore } from './callCenterStore';
import { SoapFaultError, withoutNulls, type XmlTree } from './soapEnvelope';

/**
 * The service's operations: each validates its request element, reads or changes the store, and
 * returns the content of its `<{Operation}Response>` element. Request shapes are in PROTOCOL.md.
 */

export interface OperationContext {
  store: CallCenterStore;
  feed: ChangeFeed;
  now: () => Date;
}

type Operation = (payload: Record<string, unknown>, context: OperationContext) => XmlTree;

const text = (max: number) => z.string().min(1).max(max);

/** A repeated element parses as a string when it occurs once and an array when more: accept both. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** `<contactIds><contactId>..</contactId>...</contactIds>`; an empty `<contactIds/>` is an empty list. */
const contactIdsSchema = z.object({
  contactIds: z
    .union([z.literal(''), z.object({ contactId: listOf(text(64)) })])
    .transform((v) => (v === '' ? [] : v.contactId)),
});

/** A positive integer sent as element text. */
const count = z.string().regex(/^\d{1,6}$/).transform(Number);

const schemas = {
  GetContactsByPhone: z.object({ phone: text(64) }),
  GetContactsByIds: contactIdsSchema,
  GetInteractions: contactIdsSchema,
  GetOpenCases: contactIdsSchema,
  GetAppointments: contactIdsSchema,
  GetAdvisor: z.object({ advisorId: text(64) }),
  GetAdvisorCalendar: z.object({ advisorId: text(64) }),
  ScheduleCallback: z.object({ contactId: text(64), slotId: text(64), idempotencyKey: text(128).optional() }),
  GetChanges: z.object({ cursor: z.string().max(32).optional(), limit: count.optional() }),
  ExtractContacts: z.object({ pageToken: z.string().max(64).optional(), pageSize: count.optional() }),
};

function parse<T extends z.ZodType>(operation: OperationName, schema: T, payload: Record<string, unknown>): z.infer<T> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    // Name the offending elements, never their values (they may be customer data).
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('/') || '(body)'))].join(', ');
    throw new SoapFaultError('Client', 'InvalidArgument', `invalid ${operation} request: ${where}`);
  }
  return parsed.data;
}

function limitIds(ids: string[]): string[] {
  if (ids.length > MAX_IDS_PER_REQUEST) {
    throw new SoapFaultError('Client', 'TooManyIds', `at most ${MAX_IDS_PER_REQUEST} contact ids per request`);
  }
  return ids;
}

export function contactXml(c: ContactRecord): XmlTree {
  return withoutNulls({
    contactId: c.contactId,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    email: c.email,
    advisorId: c.advisorId,
    changedAt: c.changedAt,
  });
}

function slotXml(s: AdvisorSlotRecord): XmlTree {
  return { slotId: s.slotId, start: s.start, end: s.end };
}

function appointmentXml(a: AppointmentRecord): XmlTree {
  return { ...a };
}

function contactsByIds(operation: OperationName, payload: Record<string, unknown>, context: OperationContext): ContactRecord[] {
  const { contactIds } = parse(operation, contactIdsSchema, payload);
  return context.store.contactsByIds(limitIds(contactIds));
}

export const operations: Record<OperationName, Operation> = {
  GetContactsByPhone(payload, { store }) {
    const { phone } = parse('GetContactsByPhone', schemas.GetContactsByPhone, payload);
    return { contacts: { contact: store.contactsByPhone(phone).map(contactXml) } };
  },

  GetContactsByIds(payload, context) {
    return { contacts: { contact: contactsByIds('GetContactsByIds', payload, context).map(contactXml) } };
  },

  GetInteractions(payload, context) {
    const interaction = contactsByIds('GetInteractions', payload, context).flatMap((c) =>
      c.interactions.map((i) => ({ interactionId: i.interactionId, contactId: c.contactId, channel: i.channel, occurredAt: i.occurredAt, summary: i.summary })),
    );
    return { interactions: { interaction } };
  },

  GetOpenCases(payload, context) {
    const caseElements = contactsByIds('GetOpenCases', payload, context).flatMap((c) =>
      c.cases
        .filter((k) => k.status === 'OPEN')
        .map((k) => withoutNulls({ caseId: k.caseId, contactId: c.contactId, subject: k.subject, status: k.status, openedAt: k.openedAt, closedAt: k.closedAt })),
    );
    return { cases: { case: caseElements } };
  },

  GetAppointments(payload, { store }) {
    const { contactIds } = parse('GetAppointments', schemas.GetAppointments, payload);
    return { appointments: { appointment: store.appointmentsOf(limitIds(contactIds)).map(appointmentXml) } };
  },

  GetAdvisor(payload, { store }) {
    const { advisorId } = parse('GetAdvisor', schemas.GetAdvisor, payload);
    const advisor = store.advisor(advisorId);
    return { advisor: advisor ? { advisorId: advisor.advisorId, name: advisor.name } : undefined };
  },

  GetAdvisorCalendar(payload, { store }) {
    const { advisorId } = parse('GetAdvisorCalendar', schemas.GetAdvisorCalendar, payload);
    const advisor = store.advisor(advisorId);
    if (!advisor) return {};
    return { advisor: { advisorId: advisor.advisorId, name: advisor.name }, freeSlots: { slot: store.freeSlots(advisorId).map(slotXml) } };
  },

  ScheduleCallback(payload, { store, feed, now }) {
    const request = parse('ScheduleCallback', schemas.ScheduleCallback, payload);
    try {
      const { appointment, replayed } = store.schedule(request, now());
      if (!replayed) {
        feed.append('slot', appointment.slotId, appointment.bookedAt);
        feed.append('appointment', appointment.appointmentId, appointment.bookedAt);
      }
      return { appointment: appointmentXml(appointment), replayed };
    } catch (error) {
      if (error instanceof BookingError) throw new SoapFaultError('Client', error.code, error.message);
      throw error;
    }
  },

  GetChanges(payload, { feed }) {
    const { cursor, limit } = parse('GetChanges', schemas.GetChanges, payload);
    try {
      const page = feed.since(cursor, Math.min(Math.max(limit ?? DEFAULT_CHANGES_LIMIT, 1), MAX_CHANGES_LIMIT));
      return {
        changes: { change: page.changes.map((c) => ({ entity: c.entity, localId: c.localId, changedAt: c.changedAt })) },
        nextCursor: page.nextCursor,
      };
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new SoapFaultError('Client', 'InvalidCursor', 'invalid change-feed cursor');
      throw error;
    }
  },

  ExtractContacts(payload, { store }) {
    const { pageToken, pageSize } = parse('ExtractContacts', schemas.ExtractContacts, payload);
    const size = Math.min(Math.max(pageSize ?? DEFAULT_EXTRACT_PAGE_SIZE, 1), MAX_EXTRACT_PAGE_SIZE);
    const page = store.contactsPage(pageToken === '' ? undefined : pageToken, size);
    return { contacts: { contact: page.contacts.map(contactXml) }, nextPageToken: page.lastContactId };
  },
};
