import { z } from 'zod/v4';
import { INTERACTION_CHANNELS } from '../canonical';
import { ADVISOR_ID, CONTACT_ID, SLOT_ID } from './callCenterIds';

/**
 * The shapes of the call center's response elements, as fast-xml-parser reads them (all text,
 * absent elements = no value). Validated at the boundary: a shape we do not expect is a protocol
 * error, not a half-filled canonical record. Unknown extra elements are ignored (a newer server
 * may add some).
 */

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'ISO 8601 UTC instant');
const text = z.string();

/**
 * `<wrapper><item/>...</wrapper>`: the parser gives `''` for an empty wrapper, one object for a single
 * item and an array for several; an absent wrapper is an empty list too.
 */
function wrappedList<T extends z.ZodType>(item: string, schema: T) {
  // Built once: a zod 4 schema costs more to build than to run.
  const list = z.array(schema);
  return z
    .union([z.literal(''), z.record(z.string(), z.unknown())])
    .optional()
    .transform((wrapper, ctx): z.infer<T>[] => {
      if (wrapper === undefined || wrapper === '') return [];
      const raw = wrapper[item];
      const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      const parsed = list.safeParse(items);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [item, ...issue.path] });
        return z.NEVER;
      }
      return parsed.data;
    });
}

export const contactWire = z.object({
  contactId: z.string().regex(CONTACT_ID),
  firstName: text.optional(),
  lastName: text.optional(),
  phone: text.optional(),
  email: text.optional(),
  advisorId: z.string().regex(ADVISOR_ID).optional(),
  changedAt: instant.optional(),
});
export type ContactWire = z.infer<typeof contactWire>;

export const interactionWire = z.object({
  interactionId: text.min(1),
  contactId: z.string().regex(CONTACT_ID),
  channel: z.enum(INTERACTION_CHANNELS),
  occurredAt: instant,
  summary: z.string().default(''),
});
export type InteractionWire = z.infer<typeof interactionWire>;

export const caseWire = z.object({
  caseId: text.min(1),
  contactId: z.string().regex(CONTACT_ID),
  subject: z.string().default(''),
  status: z.enum(['OPEN', 'CLOSED']),
  openedAt: instant,
  closedAt: instant.optional(),
});
export type CaseWire = z.infer<typeof caseWire>;

export const advisorWire = z.object({ advisorId: z.string().regex(ADVISOR_ID), name: text.min(1) });
export type AdvisorWire = z.infer<typeof advisorWire>;

export const slotWire = z.object({ slotId: z.string().regex(SLOT_ID), start: instant, end: instant });
export type SlotWire = z.infer<typeof slotWire>;

export const appointmentWire = z.object({
  appointmentId: text.min(1),
  slotId: z.string().regex(SLOT_ID),
  advisorId: z.string().regex(ADVISOR_ID),
  contactId: z.string().regex(CONTACT_ID),
  start: instant,
  end: instant,
});
export type AppointmentWire = z.infer<typeof appointmentWire>;

export const changeWire = z.object({ entity: text.min(1), localId: text.min(1), changedAt: instant });

export const contactsResponse = z.object({ contacts: wrappedList('contact', contactWire) });
export const interactionsResponse = z.object({ interactions: wrappedList('interaction', interactionWire) });
export const casesResponse = z.object({ cases: wrappedList('case', caseWire) });
export const advisorResponse = z.object({ advisor: advisorWire.optional() });
export const calendarResponse = z.object({ advisor: advisorWire.optional(), freeSlots: wrappedList('slot', slotWire) });
export const appointmentsResponse = z.object({ appointments: wrappedList('appointment', appointmentWire) });
export const scheduleResponse = z.object({ appointment: appointmentWire, replayed: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const changesResponse = z.object({ changes: wrappedList('change', changeWire), nextCursor: text.min(1) });
export const extractResponse = z.object({ contacts: wrappedList('contact', contactWire), nextPageToken: text.min(1).optional() });
