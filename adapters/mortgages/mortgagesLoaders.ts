import type DataLoader from 'dataloader';
import type { SourceParty } from '../canonical';
import { createBatchLoader, type KeyCheck } from '../kit';
import { InvalidIdError } from '../kit/errors';
import type { MortgageLoan } from './mortgageLoan';
import type { MortgagesAdapter } from './mortgagesAdapter';

export interface MortgagesLoaders {
  /** Borrower id -> borrower record or null. */
  parties: DataLoader<string, SourceParty | null>;
  /** Borrower id -> that borrower's loans (empty list when none). */
  loans: DataLoader<string, MortgageLoan[] | null>;
}

// The store is local and in memory: a batch costs no call, so the limit only bounds one lookup.
const BATCH = 500;
const borrowerCheck = (operation: string): KeyCheck<string> => ({ isValid: (id) => /^MB\d{8}$/.test(id), invalid: () => new InvalidIdError('MORTGAGES', operation, 'MB + 8 digits') });

/** Per-request loaders over the mortgages adapter (create them per GraphQL request: they cache). */
export function createMortgagesLoaders(adapter: MortgagesAdapter): MortgagesLoaders {
  return {
    parties: createBatchLoader(BATCH, (ids) => adapter.getParties(ids), borrowerCheck('getParties')),
    loans: createBatchLoader(BATCH, (ids) => adapter.getLoans(ids), borrowerCheck('getLoans')),
  };
}
