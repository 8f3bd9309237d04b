import type { AdapterModule } from '../adapterModules';
import { createMortgagesAdapter, type MortgagesAdapter } from './mortgagesAdapter';

/*
 * How the product wires this system's adapter (adapters/adapterModules.ts loads it by the slug in
 * its registry entry). Nothing is cached: every read is answered from the adapter's own store,
 * held in memory, and that store changes only when a file is ingested.
 */
export const adapterModule: AdapterModule<MortgagesAdapter> = {
  create: (config, context) => createMortgagesAdapter({ config, database: context?.database }),
  cache: { reads: {} },
};
