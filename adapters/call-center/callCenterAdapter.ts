import type { z } from 'zod/v4';
import type { Advisor, AdvisorSlot, Appointment, Case, ChangePage, Interaction } from '../canonical';
import { chunk } from '../kit/batchLoader';
import type { ClientHooks } from '../kit/clientHooks';
import { systemConfigFromEnv, type SystemClientConfig } from '../kit/config';
import type { SourceAdapter } from '../kit/sourceAdapter';
import { sharedClientHooks } from '../kit/clientHooks';
import { createSystemClient, type SystemClient } from '../kit/systemClient';
import { assertAdvisorId, assertContactIds, assertCursor, assertIdempotencyKey, assertPhone, assertSlotId } from './callCenterIds';
import {
  groupByContact,
  toAdvisor,
  toAdvisorSlot,
  toAppointment,
  toCallCenterContact,
  toCase,
  toChangeEvent,
  toInteraction,
  type CallCenterContact,
} from './callCenterMapping';
import {
  advisorResponse,
  appointmentsResponse,
  calendarResponse,
  casesResponse,
  changesResponse,
  contactsResponse,
  extractResponse,
  interactionsResponse,
  scheduleResponse,
} from './callCenterWire';
import { buildSoapRequest, decodeSoapResponse, ENDPOINT_PATH, soapHeaders, type RequestContent } from './soapCodec';

/** Most contact ids the call center takes in one request (its documented limit). */
export const CALL_CENTER_MAX_IDS = 100;
/** Contacts per bulk-extract page: one page is all the extract holds in memory. */
export const CALL_CENTER_EXTRACT_PAGE_SIZE = 500;

export interface ScheduleCallbackInput {
  contactId: string;
  slotId: string;
  /** With a key the booking is idempotent upstream, so the call may be retried; without one it never is. */
  idempotencyKey?: string;
}

export interface ScheduleCallbackResult {
  appointment: Appointment;
  /** True when the call center had already made this booking under the same idempotency key. */
  replayed: boolean;
}

/**
 * The call center (SOAP 1.1 contact-center service) as canonical data. Every method validates
 * its ids before calling; not-found is `null` (or an empty list), failures are the kit's typed
 * errors. A soap:Client fault is a `CallCenterRejected` (an UpstreamRejected carrying the
 * service's fault code, e.g. `SlotUnavailable`), a soap:Server fault an UpstreamUnavailable.
 */
export interface CallCenterAdapter extends SourceAdapter {
  readonly client: SystemClient;
  /** Contacts by id; unknown ids map to null. Each contact carries its `advisorId`. */
  getParties(contactIds: readonly string[]): Promise<Map<string, CallCenterContact | null>>;
  /** Contacts whose phone matches, whatever format either side typed it in (see PROTOCOL.md). */
  findByPhone(phone: string): Promise<CallCenterContact[]>;
  /** Every interaction of each contact (an entry for every requested id, maybe empty), in the system's order. */
  getInteractions(contactIds: readonly string[]): Promise<Map<string, Interaction[]>>;
  /** Open complaint cases of each contact. */
  getOpenCases(contactIds: readonly string[]): Promise<Map<string, Case[]>>;
  getAdvisor(advisorId: string): Promise<Advisor | null>;
  /** The advisor's free slots, soonest first; null when there is no such advisor. */
  getAdvisorSlots(advisorId: string): Promise<AdvisorSlot[] | null>;
  /** Booked appointments of each contact. */
  getAppointments(contactIds: readonly string[]): Promise<Map<string, Appointment[]>>;
  /** Books a free slot for the contact. */
  scheduleCallback(input: ScheduleCallbackInput): Promise<ScheduleCallbackResult>;
  /** Every contact, page by page in contact-id order, holding one page at a time. */
  extractParties(): AsyncIterable<CallCenterContact>;
  changes(cursor?: string): Promise<ChangePage>;
}

export function createCallCenterAdapter(
  config: SystemClientConfig = systemConfigFromEnv('CALL_CENTER'),
  hooks: ClientHooks = sharedClientHooks,
): CallCenterAdapter {
  const client = createSystemClient(config, hooks);

  /** One SOAP operation through the kit: reads are retried; a write only when it carries a key. */
  const soap = <S extends z.ZodType>(operation: string, content: RequestContent, schema: S, write?: { idempotencyKey?: string }): Promise<z.output<S>> =>
    client.call(
      {
        operation,
        request: { url: ENDPOINT_PATH, method: 'POST', data: buildSoapRequest(operation, content), headers: soapHeaders(operation) },
        idempotent: write === undefined,
        idempotencyKey: write?.idempotencyKey,
      },
      // A zod failure here becomes an UpstreamProtocolError in the kit.
      (response) => schema.parse(decodeSoapResponse(operation, response)) as z.output<S>,
    );

  /** Runs a by-contact-ids operation in chunks the service accepts, in parallel. */
  const byContactIds = async <T>(operation: string, contactIds: readonly string[], fetch: (ids: string[]) => Promise<T[]>): Promise<{ ids: string[]; records: T[] }> => {
    assertContactIds(operation, contactIds);
    const ids = [...new Set(contactIds)];
    const pages = await Promise.all(chunk(ids, CALL_CENTER_MAX_IDS).map(fetch));
    return { ids, records: pages.flat() };
  };

  const contactIdsContent = (ids: string[]): RequestContent => ({ contactIds: { contactId: ids } });

  return {
    system: 'CALL_CENTER',
    client,

    async getParties(contactIds) {
      const { ids, records } = await byContactIds('GetContactsByIds', contactIds, async (chunkIds) =>
        (await soap('GetContactsByIds', contactIdsContent(chunkIds), contactsResponse)).contacts.map(toCallCenterContact),
      );
      const found = new Map<string, CallCenterContact | null>(ids.map((id) => [id, null]));
      for (const contact of records) if (found.has(contact.localId)) found.set(contact.localId, contact);
      return found;
    },

    async findByPhone(phone) {
      assertPhone('GetContactsByPhone', phone);
      return (await soap('GetContactsByPhone', { phone: phone.trim() }, contactsResponse)).contacts.map(toCallCenterContact);
    },

    async getInteractions(contactIds) {
      const { ids, records } = await byContactIds('GetInteractions', contactIds, async (chunkIds) =>
        (await soap('GetInteractions', contactIdsContent(chunkIds), interactionsResponse)).interactions.map(toInteraction),
      );
      return groupByContact(ids, records);
    },

    async getOpenCases(contactIds) {
      const { ids, records } = await byContactIds('GetOpenCases', contactIds, async (chunkIds) =>
        (await soap('GetOpenCases', contactIdsContent(chunkIds), casesResponse)).cases.map(toCase).filter((c) => c.status === 'OPEN'),
      );
      return groupByContact(ids, records);
    },

    async getAdvisor(advisorId) {
      assertAdvisorId('GetAdvisor', advisorId);
      const { advisor } = await soap('GetAdvisor', { advisorId }, advisorResponse);
      return advisor ? toAdvisor(advisor) : null;
    },

    async getAdvisorSlots(advisorId) {
      assertAdvisorId('GetAdvisorCalendar', advisorId);
      const { advisor, freeSlots } = await soap('GetAdvisorCalendar', { advisorId }, calendarResponse);
      if (!advisor) return null;
      return freeSlots.map((slot) => toAdvisorSlot(advisor.advisorId, slot)).sort((a, b) => a.start.localeCompare(b.start));
    },

    async getAppointments(contactIds) {
      const { ids, records } = await byContactIds('GetAppointments', contactIds, async (chunkIds) =>
        (await soap('GetAppointments', contactIdsContent(chunkIds), appointmentsResponse)).appointments.map(toAppointment),
      );
      return groupByContact(ids, records);
    },

    async scheduleCallback({ contactId, slotId, idempotencyKey }) {
      assertContactIds('ScheduleCallback', [contactId]);
      assertSlotId('ScheduleCallback', slotId);
      if (idempotencyKey !== undefined) assertIdempotencyKey('ScheduleCallback', idempotencyKey);
      const result = await soap('ScheduleCallback', { contactId, slotId, idempotencyKey }, scheduleResponse, { idempotencyKey });
      return { appointment: toAppointment(result.appointment), replayed: result.replayed };
    },

    async *extractParties() {
      let pageToken: string | undefined;
      do {
        const page = await soap('ExtractContacts', { pageSize: String(CALL_CENTER_EXTRACT_PAGE_SIZE), pageToken }, extractResponse);
        for (const contact of page.contacts) yield toCallCenterContact(contact);
        pageToken = page.nextPageToken;
      } while (pageToken !== undefined);
    },

    async changes(cursor) {
      if (cursor !== undefined) assertCursor('GetChanges', cursor);
      const page = await soap('GetChanges', { cursor: cursor === '' ? undefined : cursor }, changesResponse);
      return { changes: page.changes.map(toChangeEvent), nextCursor: page.nextCursor };
    },

    close: () => client.close(),
  };
}
