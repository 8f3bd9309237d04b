import type DataLoader from 'dataloader';
import type { SalesOrder, SourceParty } from '../canonical';
import { createBatchLoader } from '../kit';
import type { ErpAdapter } from './erpAdapter';
import { invalidPartnerId, isPartnerId } from './erpIds';

export interface ErpLoaders {
  /** Partner id -> party or null; one or-filter request per `batchSize` ids in a tick. */
  parties: DataLoader<string, SourceParty | null>;
  /** Partner id -> its sales orders (empty list when none). */
  salesOrders: DataLoader<string, SalesOrder[] | null>;
}

/**
 * Splits a batch into the ids worth asking for and the ones that cannot exist. An invalid id
 * gets its own InvalidIdError: DataLoader rejects just that key when its value is an Error, so one
 * bad id does not fail the valid ones batched with it.
 */
async function withInvalidIdsRejected<V>(
  operation: string,
  ids: readonly string[],
  fetch: (valid: string[]) => Promise<Map<string, V | null>>,
): Promise<Map<string, V | null>> {
  const valid = ids.filter(isPartnerId);
  const found = valid.length > 0 ? await fetch(valid) : new Map<string, V | null>();
  for (const id of ids) if (!isPartnerId(id)) found.set(id, invalidPartnerId(operation) as unknown as V);
  return found;
}

/** Per-request loaders over the ERP adapter (create them per GraphQL request: they cache). */
export function createErpLoaders(adapter: ErpAdapter): ErpLoaders {
  return {
    parties: createBatchLoader<string, SourceParty>(adapter.batchSize, (ids) =>
      withInvalidIdsRejected('queryBusinessPartners', ids, (valid) => adapter.getParties(valid)),
    ),
    salesOrders: createBatchLoader<string, SalesOrder[]>(adapter.batchSize, (ids) =>
      withInvalidIdsRejected('querySalesOrders', ids, (valid) => adapter.getSalesOrders(valid)),
    ),
  };
}
