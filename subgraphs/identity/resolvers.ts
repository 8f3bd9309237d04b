import { GraphQLError } from 'graphql';
import type { Kysely } from 'kysely';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../adapters/canonical';
import { perSystem, SYSTEM_REGISTRY, type LinksField } from '../../systems/registry';
import type { Schema } from '../../db/schema';
import { decodeCursor, encodeCursor, pageSize } from '../runtime/connection';
import type { IdentityLoaders } from './identityLoaders';
import { membersKey } from './identityLoaders';
import type { IdentityService } from './identityService';
import type { SourceRef } from './matcherApi';
import { reviewQueueResolvers } from './reviewQueueResolvers';
import { searchQueryTerms } from './searchTerms';
import { stewardMutation } from './stewardMutations';
import type { CustomerRef } from './customerRef';
import { discrepancyDetails } from './discrepancies';
import type {
  QueryCrosswalkHistoryArgs,
  QueryCustomerArgs,
  QueryCustomerBySourceKeyArgs,
  QueryCustomersArgs,
  QueryDiscrepancyReportArgs,
  QueryIdentityEventsArgs,
  QuerySearchCustomersArgs,
  QueryStewardDecisionsArgs,
  Resolvers,
} from '../../schema/generated/identity';
import { currentRecordsOf } from './store/discrepancyRecords';
import {
  crosswalkHistory,
  customerOfRecord,
  discrepancyPage,
  eventsOfChanges,
  identityEventsOf,
  listCustomers,
  resolveCurrentCustomer,
  resolveCustomer,
  searchByTerms,
  stewardDecisions,
  type MembershipChange,
  type StoredIdentityEvent,
} from './store/identityReads';

export interface IdentityContext {
  service: IdentityService;
  db: Kysely<Schema>;
  loaders: IdentityLoaders;
  /** Who is asking, as the gateway forwarded it (for steward decisions). */
  principal: string;
}

const CUSTOMER_ID = /^cust_[A-Za-z0-9]{4,64}$/;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function checkCustomerId(id: string): void {
  if (!CUSTOMER_ID.test(id)) throw badInput('invalid customer id');
}

function instant(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw badInput('asOf is not an instant');
  return at;
}


/** Each system's `SourceLinks` field (its registry entry's local key). */
const LINK_FIELD: Record<SourceSystem, LinksField> = perSystem((system) => system.localKey.links);

function linksOf(members: readonly SourceRef[]): Record<LinksField, string[]> {
  const links = Object.fromEntries(SYSTEM_REGISTRY.map((system) => [system.localKey.links, [] as string[]])) as Record<LinksField, string[]>;
  for (const member of members) links[LINK_FIELD[member.system]].push(member.localId);
  for (const list of Object.values(links)) list.sort();
  return links;
}

/**
 * A Relay page of the nodes at `offset`: `fetched` is what was read for a page of `size` (one
 * more than a page when more follow); `nodes` are the page's first `size`, already resolved.
 */
function offsetPage<T>(nodes: T[], fetched: number, offset: number, size: number) {
  const page = nodes.slice(0, size);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return { edges, pageInfo: { hasNextPage: fetched > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}

const startOf = (after: string | null | undefined) => (after ? decodeCursor(after) + 1 : 0);

/**
 * When, why and by whose decision an event or a membership row was written: its change (the
 * store's foreign key guarantees one) and the steward decision behind it, if any.
 */
async function causeOf(loaders: IdentityLoaders, changeId: number) {
  const change = await loaders.changes.load(changeId);
  if (!change) throw new Error('identity store: an event or membership row without its change');
  return {
    at: change.at,
    cause: change.cause,
    system: change.system,
    decision: change.decisionId ? await loaders.decisions.load(change.decisionId) : null,
  };
}

async function eventNode(event: StoredIdentityEvent, { loaders }: IdentityContext) {
  return { ...event, ...(await causeOf(loaders, event.changeId)) };
}

export const identityResolvers = {
  Query: {
    customer: async (_: unknown, args: QueryCustomerArgs, { db, loaders }: IdentityContext): Promise<CustomerRef | null> => {
      checkCustomerId(args.id);
      const asOf = instant(args.asOf);
      if (!asOf) {
        // Now: the customer and its records in one read; `links` and `sourceKeys` take them from the loader.
        const current = await resolveCurrentCustomer(db, args.id);
        if (current?.members) loaders.members.prime(membersKey(current.resolved.id, null), current.members);
        return current ? { id: current.resolved.id, asOf: null, mergedFrom: current.resolved.mergedFrom } : null;
      }
      const resolved = await resolveCustomer(db, args.id, asOf);
      return resolved ? { id: resolved.id, asOf: asOf?.toISOString() ?? null, mergedFrom: resolved.mergedFrom } : null;
    },
    customerBySourceKey: async (_: unknown, args: QueryCustomerBySourceKeyArgs, { db }: IdentityContext): Promise<CustomerRef | null> => {
      if (!SOURCE_SYSTEMS.includes(args.system)) throw badInput('unknown system');
      const id = await customerOfRecord(db, args.system, args.localId.trim());
      return id ? { id } : null;
    },
    customers: async (_: unknown, args: QueryCustomersArgs, { db }: IdentityContext) => {
      const size = pageSize(args.first ?? 20);
      const offset = startOf(args.after);
      const { ids, total } = await listCustomers(db, offset, size + 1);
      return { ...offsetPage(ids.map((id) => ({ id })), ids.length, offset, size), totalCount: total };
    },
    searchCustomers: async (_: unknown, args: QuerySearchCustomersArgs, { db }: IdentityContext) => {
      if (args.text.length > 200) throw badInput('search text too long');
      const size = pageSize(args.first);
      const ids = await searchByTerms(db, searchQueryTerms(args.text), size + 1);
      return { ...offsetPage(ids.map((id) => ({ id })), ids.length, 0, size), totalCount: Math.min(ids.length, size) };
    },
    discrepancyReport: async (_: unknown, args: QueryDiscrepancyReportArgs, { db }: IdentityContext) => {
      if ((args.systems?.length ?? 0) > 2) throw badInput('systems takes one or two systems');
      const size = pageSize(args.first ?? 50);
      const offset = startOf(args.after);
      const { items, total, counts } = await discrepancyPage(db, { field: args.field, systems: args.systems }, offset, size + 1);
      const page = offsetPage(items, items.length, offset, size);
      // The details (names, normalised values, changed-at, served value and rule) from the page's
      // customers' records: one read for the page, not one per discrepancy.
      const records = await currentRecordsOf(db, [...new Set(page.edges.map((edge) => edge.node.customerId))]);
      return {
        ...page,
        totalCount: total,
        counts,
        edges: page.edges.map((edge) => ({
          cursor: edge.cursor,
          node: { ...edge.node, ...discrepancyDetails(edge.node, records.get(edge.node.customerId) ?? []), customer: { id: edge.node.customerId } },
        })),
      };
    },
    stewardDecisions: async (_: unknown, args: QueryStewardDecisionsArgs, { db }: IdentityContext) => {
      if (args.customerId) checkCustomerId(args.customerId);
      return stewardDecisions(db, { decidedBy: args.decidedBy, customerId: args.customerId }, startOf(args.after), pageSize(args.first, 50));
    },
    crosswalkHistory: async (_: unknown, args: QueryCrosswalkHistoryArgs, context: IdentityContext) => {
      checkCustomerId(args.customerId);
      const size = pageSize(args.first ?? 50);
      const offset = startOf(args.after);
      const changes = await crosswalkHistory(context.db, args.customerId, offset, size + 1);
      const events = await eventsOfChanges(context.db, [...new Set(changes.map((c) => c.changeId))], args.customerId);
      const nodes = await Promise.all(
        changes.slice(0, size).map(async (change: MembershipChange) => {
          return {
            // The membership row's own fields (its `at` among them) come after, so they win.
            ...(await causeOf(context.loaders, change.changeId)),
            ...change,
            events: await Promise.all((events.get(change.changeId) ?? []).map((event) => eventNode(event, context))),
          };
        }),
      );
      return offsetPage(nodes, changes.length, offset, size);
    },
    identityEvents: async (_: unknown, args: QueryIdentityEventsArgs, context: IdentityContext) => {
      if (args.customerId) checkCustomerId(args.customerId);
      const size = pageSize(args.first ?? 50);
      const offset = startOf(args.after);
      const events = await identityEventsOf(context.db, args.customerId ?? null, offset, size + 1);
      const nodes = await Promise.all(events.slice(0, size).map((event) => eventNode(event, context)));
      return offsetPage(nodes, events.length, offset, size);
    },
    ...reviewQueueResolvers.Query,
  },
  Mutation: {
    linkSourceRecords: stewardMutation('LINK'),
    unlinkSourceRecords: stewardMutation('UNLINK'),
    ...reviewQueueResolvers.Mutation,
  },
  MatchReviewItem: reviewQueueResolvers.MatchReviewItem,
  Customer: {
    __resolveReference: async (ref: CustomerRef, { loaders }: IdentityContext): Promise<CustomerRef | null> =>
      CUSTOMER_ID.test(ref.id) && (await loaders.known.load(ref.id)) ? { id: ref.id } : null,
    links: async (customer: CustomerRef, _: unknown, { loaders }: IdentityContext) => linksOf(await loaders.members.load(membersKey(customer.id, customer.asOf))),
    sourceKeys: (customer: CustomerRef, _: unknown, { loaders }: IdentityContext) => loaders.members.load(membersKey(customer.id, customer.asOf)),
    asOf: (customer: CustomerRef) => customer.asOf ?? null,
    mergedFrom: (customer: CustomerRef) => customer.mergedFrom ?? null,
    mergedIds: (customer: CustomerRef, _: unknown, { loaders }: IdentityContext) => loaders.mergedIds.load(customer.id),
    ...reviewQueueResolvers.Customer,
  },
} satisfies Resolvers<IdentityContext>;
