import { GraphQLError } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../adapters/canonical';
import { connectionFromArray, pageSize } from '../runtime/connection';
import { matchesFilter } from './discrepancies';
import type { IdentityService } from './identityService';
import type { IdentityView } from './identityView';
import { stewardMutation } from './stewardMutations';

export interface IdentityContext {
  view: IdentityView;
  service: IdentityService;
  /** Who is asking, as the gateway forwarded it (for steward decisions). */
  principal: string;
}

const CUSTOMER_ID = /^cust_[A-Za-z0-9]{4,64}$/;

function checkCustomerId(id: string): void {
  if (!CUSTOMER_ID.test(id)) throw new GraphQLError('invalid customer id', { extensions: { code: 'BAD_USER_INPUT' } });
}

type CustomerRef = { id: string };

export const identityResolvers: GraphQLResolverMap<IdentityContext> = {
  Query: {
    customer: (_: unknown, { id }: { id: string }, { view }: IdentityContext): CustomerRef | null => {
      checkCustomerId(id);
      return view.crosswalk.has(id) ? { id } : null;
    },
    customerBySourceKey: (_: unknown, args: { system: SourceSystem; localId: string }, { view }: IdentityContext): CustomerRef | null => {
      if (!SOURCE_SYSTEMS.includes(args.system)) throw new GraphQLError('unknown system', { extensions: { code: 'BAD_USER_INPUT' } });
      const id = view.crosswalk.customerOf(args.system, args.localId.trim());
      return id ? { id } : null;
    },
    customers: (_: unknown, args: { first?: number; after?: string }, { view }: IdentityContext) =>
      mapNodes(connectionFromArray(view.crosswalk.orderedIds, args.first ?? 20, args.after)),
    searchCustomers: (_: unknown, args: { text: string; first?: number }, { view }: IdentityContext) => {
      if (args.text.length > 200) throw new GraphQLError('search text too long', { extensions: { code: 'BAD_USER_INPUT' } });
      return mapNodes(connectionFromArray(view.search.search(args.text), pageSize(args.first), null));
    },
    discrepancyReport: (_: unknown, args: { field?: string | null; systems?: SourceSystem[] | null; first?: number; after?: string }, { service }: IdentityContext) => {
      if ((args.systems?.length ?? 0) > 2) throw new GraphQLError('systems takes one or two systems', { extensions: { code: 'BAD_USER_INPUT' } });
      const { all, counts } = service.discrepancies();
      const filtered = all.filter((d) => matchesFilter(d, { field: args.field, systems: args.systems }));
      const page = connectionFromArray(filtered, args.first ?? 50, args.after);
      const filteredCounts = args.field || args.systems?.length ? counts.filter((c) => matchesFilter({ ...c, customerId: '', localIdA: '', localIdB: '', valueA: '', valueB: '' }, { field: args.field, systems: args.systems })) : counts;
      return {
        ...page,
        counts: filteredCounts,
        edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: { ...edge.node, customer: { id: edge.node.customerId } } })),
      };
    },
    stewardDecisions: (_: unknown, args: { first?: number }, { service }: IdentityContext) => [...service.recentDecisions()].reverse().slice(0, pageSize(args.first, 50)),
  },
  Mutation: {
    linkSourceRecords: stewardMutation('LINK'),
    unlinkSourceRecords: stewardMutation('UNLINK'),
  },
  Customer: {
    __resolveReference: (ref: CustomerRef, { view }: IdentityContext): CustomerRef | null => (view.crosswalk.has(ref.id) ? { id: ref.id } : null),
    links: (customer: CustomerRef, _: unknown, { view }: IdentityContext) => view.crosswalk.links(customer.id),
    sourceKeys: (customer: CustomerRef, _: unknown, { view }: IdentityContext) => view.crosswalk.members(customer.id),
  },
};

function mapNodes<T extends { edges: Array<{ cursor: string; node: string }> }>(connection: T) {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node } })) };
}
