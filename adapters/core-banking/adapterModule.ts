import type { AdapterModule } from '../adapterModules';
import type { CacheReadSpec, WithCacheOptions } from '../cache/withCache';
import { createCoreBankingAdapter, type CoreBankingAdapter } from '.';

/*
 * How the product wires this system's adapter (adapters/adapterModules.ts loads it by the slug in
 * its registry entry): how to create it, and which of its reads are cached under which entity.
 */

/** The batch reads by a party's local id (what a customer360 fan-out costs). */
export const CORE_BANKING_CACHE: CacheReadSpec<CoreBankingAdapter> = { getParties: 'party', getAccounts: 'accounts' };

/** Recent transactions per account and page size: bounded by the TTL (the feed names parties). */
export const CORE_BANKING_SINGLES: WithCacheOptions<CoreBankingAdapter> = {
  singles: { getTransactions: { entity: 'transactions', key: (accountNumber, limit) => `${accountNumber}:${limit ?? ''}` } },
};

export const adapterModule: AdapterModule<CoreBankingAdapter> = {
  create: (config) => createCoreBankingAdapter(config),
  cache: { reads: CORE_BANKING_CACHE, options: CORE_BANKING_SINGLES },
};
