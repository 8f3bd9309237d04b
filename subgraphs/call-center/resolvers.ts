import DataLoader from 'dataloader';
import type { Advisor, Case } from '../../adapters/canonical';
import type { CallCenterAdapter, CallCenterContact, CallCenterLoaders } from '../../adapters/call-center';
import { connectionFromArray, pageSize } from '../runtime/connection';
import { loadFlattened, loadPartyRecords, primaryRecord, partyResolvers } from '../runtime/partyRecords';
import { resolveUpstream } from '../runtime/upstreamErrors';
import type { CustomerDirectory } from './customerDirectory';
import { toAppointmentNode, toSlotNode, type AdvisorNode } from './graphNodes';
import { scheduleCallback, type ScheduleCallbackArgs } from './scheduleCallback';
import type { Resolvers } from '../../schema/generated/call-center';

export interface CallCenterContext {
  adapter: CallCenterAdapter;
  loaders: CallCenterLoaders;
  /** Per request: one call per distinct advisor, however many customers share them. */
  advisors: DataLoader<string, Advisor | null>;
  directory: CustomerDirectory;
}

type CustomerRef = { id: string; links?: { contactIds?: string[] } };
const newestFirst = <T>(at: (item: T) => string) => (a: T, b: T) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0);

export function createAdvisorLoader(adapter: CallCenterAdapter): DataLoader<string, Advisor | null> {
  return new DataLoader((ids) => Promise.all(ids.map((id) => adapter.getAdvisor(id).catch((error: Error) => error))));
}

export const callCenterResolvers = {
  ...partyResolvers,
  Customer: {
    __resolveReference: (ref: CustomerRef) => ref,
    callCenterContact: async (customer: CustomerRef, _: unknown, { loaders }: CallCenterContext) =>
      primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.contactIds)),
    callCenterRecords: (customer: CustomerRef, _: unknown, { loaders }: CallCenterContext) => loadPartyRecords(loaders.parties, customer.links?.contactIds),
    interactions: async (customer: CustomerRef, args: { first?: number | null; after?: string | null }, { loaders }: CallCenterContext) => {
      const all = await loadFlattened(loaders.interactions, customer.links?.contactIds);
      return connectionFromArray(all.sort(newestFirst((i) => i.occurredAt)), args.first, args.after);
    },
    openCases: async (customer: CustomerRef, _: unknown, { loaders }: CallCenterContext) =>
      (await loadFlattened(loaders.openCases, customer.links?.contactIds)).sort(newestFirst((c) => c.openedAt)),
    appointments: async (customer: CustomerRef, _: unknown, { loaders }: CallCenterContext) =>
      (await loadFlattened(loaders.appointments, customer.links?.contactIds)).map(toAppointmentNode),
    advisor: async (customer: CustomerRef, _: unknown, { loaders, advisors }: CallCenterContext): Promise<AdvisorNode | null> => {
      const contact = primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.contactIds)) as CallCenterContact | null;
      if (!contact?.advisorId) return null;
      const advisorId = contact.advisorId;
      const advisor = await resolveUpstream(() => advisors.load(advisorId));
      return advisor ? { ...advisor, id: advisor.advisorId } : null;
    },
  },
  Case: {
    id: (complaint: Case) => complaint.caseId,
  },
  Advisor: {
    freeSlots: (advisor: AdvisorNode, args: { first?: number | null }, { adapter }: CallCenterContext) =>
      resolveUpstream(async () => {
        const slots = (await adapter.getAdvisorSlots(advisor.advisorId)) ?? [];
        return slots.slice(0, pageSize(args.first)).map(toSlotNode);
      }),
  },
  Mutation: {
    scheduleCallback: (_: unknown, args: ScheduleCallbackArgs, context: CallCenterContext) => scheduleCallback(args.input, context),
  },
} satisfies Resolvers<CallCenterContext>;
