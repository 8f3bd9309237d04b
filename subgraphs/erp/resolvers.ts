import type { SalesOrder } from '../../adapters/canonical';
import type { ErpLoaders } from '../../adapters/erp';
import { connectionFromArray } from '../runtime/connection';
import { moneyResolvers } from '../runtime/moneyResolvers';
import { RECENT_WINDOWS } from '../runtime/recentWindows';
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
    salesOrders: async (customer: CustomerRef, args: { first?: number | null; after?: string | null }, { loaders }: ErpContext) =>
      connectionFromArray(await newestOrders(loaders, customer), args.first, args.after),
    recentSalesOrders: async (customer: CustomerRef, _: unknown, { loaders }: ErpContext) =>
      connectionFromArray(await newestOrders(loaders, customer), RECENT_WINDOWS.salesOrders, null),
  },
  SalesOrder: {
    id: (order: SalesOrder) => order.orderId,
  },
} satisfies Resolvers<ErpContext>;

/** The customer's sales orders, newest first (ties by order id). */
async function newestOrders(loaders: ErpLoaders, customer: CustomerRef): Promise<SalesOrder[]> {
  const orders = await loadFlattened(loaders.salesOrders, customer.links?.partnerIds);
  return orders.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.orderId.localeCompare(b.orderId)));
}
