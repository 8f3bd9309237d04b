import type DataLoader from 'dataloader';
import type { Account, SourceParty } from '../canonical';
import { createBatchLoader, InvalidIdError } from '../kit';
import { CORE_BANKING_BATCH_LIMIT, type CoreBankingAdapter } from './coreBankingAdapter';
import { isCif } from './coreBankingInput';

export interface CoreBankingLoaders {
  /** CIF -> SourceParty (null when the system does not hold the CIF). */
  party: DataLoader<string, SourceParty | null>;
  /** CIF -> its accounts ([] when it has none or is unknown). */
  accounts: DataLoader<string, Account[] | null>;
}

/**
 * Per-request loaders: every CIF asked for in one tick becomes ceil(n/50) batch inquiries.
 * A malformed CIF fails only its own `load` and is never sent upstream, so one bad key
 * cannot fail the batch it happened to join.
 */
export function createCoreBankingLoaders(adapter: CoreBankingAdapter): CoreBankingLoaders {
  return {
    party: createBatchLoader<string, SourceParty>(CORE_BANKING_BATCH_LIMIT, (keys) => withInvalidCifsRejected(keys, 'getParties', (cifs) => adapter.getParties(cifs))),
    accounts: createBatchLoader<string, Account[]>(CORE_BANKING_BATCH_LIMIT, (keys) => withInvalidCifsRejected(keys, 'getAccounts', (cifs) => adapter.getAccounts(cifs))),
  };
}

async function withInvalidCifsRejected<V>(
  keys: readonly string[],
  operation: string,
  load: (cifs: string[]) => Promise<Map<string, V | null>>,
): Promise<Map<string, V | null>> {
  const valid = keys.filter(isCif);
  const found = valid.length > 0 ? await load(valid) : new Map<string, V | null>();
  for (const key of keys) {
    // The Error travels through the V-typed map on purpose: DataLoader turns it into a rejection of that key.
    if (!isCif(key)) found.set(key, new InvalidIdError('CORE_BANKING', operation, 'a CIF of 10 digits') as unknown as V);
  }
  return found;
}
