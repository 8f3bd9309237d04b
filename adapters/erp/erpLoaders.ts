import type DataLoader from 'dataloader';
import type { SalesOrder, SourceParty } from '../canonical';
import { createBatchLoader, type KeyCheck } from '../kit';
import type { ErpAdapter } from './erpAdapter';
import { invalidPartnerId, isPartnerId } from './erpIds';

export interface ErpLoaders {
  /** Partner id -> party or null; one or-filter request per `batchSize` ids in a tick. */
  parties: DataLoader<string, SourceParty | null>;
  /** Partner id -> its sales orders (empty list when none). */
  salesOrders: DataLoader<string, SalesOrder[] | null>;
}

const partnerCheck = (operation: string): KeyCheck<string> => ({ isValid: isPartnerId, invalid: () => invalidPartnerId(operation) });

/** Per-request loaders over the ERP adapter (create them per GraphQL request: they cache). */
export function createErpLoaders(adapter: ErpAdapter): ErpLoaders {
  return {
    parties: createBatchLoader(adapter.batchSize, (ids) => adapter.getParties(ids), partnerCheck('queryBusinessPartners')),
    salesOrders: createBatchLoader(adapter.batchSize, (ids) => adapter.getSalesOrders(ids), partnerCheck('querySalesOrders')),
  };
}
