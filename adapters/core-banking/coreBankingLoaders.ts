import type DataLoader from 'dataloader';
import type { Account, SourceParty } from '../canonical';
import { createBatchLoader, InvalidIdError, type KeyCheck } from '../kit';
import { CORE_BANKING_BATCH_LIMIT, type CoreBankingAdapter } from './coreBankingAdapter';
import { isCif } from './coreBankingInput';

export interface CoreBankingLoaders {
  /** CIF -> SourceParty (null when the system does not hold the CIF). */
  parties: DataLoader<string, SourceParty | null>;
  /** CIF -> its accounts ([] when it has none or is unknown). */
  accounts: DataLoader<string, Account[] | null>;
}

const cifCheck = (operation: string): KeyCheck<string> => ({
  isValid: isCif,
  invalid: () => new InvalidIdError('CORE_BANKING', operation, 'a CIF of 10 digits'),
});

/** Per-request loaders: every CIF asked for in one tick becomes ceil(n/50) batch inquiries. */
export function createCoreBankingLoaders(adapter: CoreBankingAdapter): CoreBankingLoaders {
  return {
    parties: createBatchLoader(CORE_BANKING_BATCH_LIMIT, (cifs) => adapter.getParties(cifs), cifCheck('getParties')),
    accounts: createBatchLoader(CORE_BANKING_BATCH_LIMIT, (cifs) => adapter.getAccounts(cifs), cifCheck('getAccounts')),
  };
}
