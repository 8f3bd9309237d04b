import { GraphQLError } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../adapters/canonical';
import { connectionFromArray, pageSize } from '../runtime/connection';
import type { IdentityView } from './identityView';

export interface IdentityContext {
  view: IdentityView;
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
