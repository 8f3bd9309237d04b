import type { AdapterModule } from '../adapterModules';
import type { CacheReadSpec } from '../cache/withCache';
import { createErpAdapter, type ErpAdapter } from '.';

/*
 * How the product wires this system's adapter (adapters/adapterModules.ts loads it by the slug in
 * its registry entry): how to create it, and which of its reads are cached under which entity.
 */

export const ERP_CACHE: CacheReadSpec<ErpAdapter> = { getParties: 'party', getSalesOrders: 'salesOrders' };

export const adapterModule: AdapterModule<ErpAdapter> = {
  create: (config) => createErpAdapter({ config }),
  cache: { reads: ERP_CACHE },
};
