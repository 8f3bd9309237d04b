import type { SalesOrder } from '../../adapters/canonical';
import type { ErpLoaders } from '../../adapters/erp';
import { connectionFromArray } from '../runtime/connection';
import { moneyResolvers } from '../runtime/moneyResolvers';
import { loadFlattened, loadPartyRecords, primaryRecord, partyResolvers } from '../runtime/partyRecords';
import type { Resolvers } from '../../schema/generated/erp';

export interface ErpContext {
  loaders: ErpLoaders;
}

type CustomerRef = { id: string; links?: { partnerIds?: string[] } };

export const erpResolvers = {
  ...moneyResolvers,
  ...partyResolvers,
  Customer: {
    __resolveReference: (ref: CustomerRef) => ref,
    erpPartner: async (customer: CustomerRef, _: unknown, { loaders }: ErpContext) => primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.partnerIds)),
    erpPartnerRecords: (customer: CustomerRef, _: unknown, { loaders }: ErpContext) => loadPartyRecords(loaders.parties, customer.links?.partnerIds),
    salesOrders: async (customer: CustomerRef, args: { first?: number | null; after?: string | null }, { loaders }: ErpContext) => {
      const orders = await loadFlattened(loaders.salesOrders, customer.links?.partnerIds);
      orders.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.orderId.localeCompare(b.orderId)));
      return connectionFromArray(orders, args.first, args.after);
    },
  },
  SalesOrder: {
    id: (order: SalesOrder) => order.orderId,
  },
} satisfies Resolvers<ErpContext>;
