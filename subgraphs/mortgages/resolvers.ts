import { reportStale } from '../../adapters/cache/requestScope';
import { arrearsStatus, type MortgageLoan, type MortgagesAdapter, type MortgagesLoaders } from '../../adapters/mortgages';
import { moneyResolvers } from '../runtime/moneyResolvers';
import { loadFlattened, loadPartyRecords, partyResolvers, primaryRecord } from '../runtime/partyRecords';
import type { Resolvers } from '../../schema/generated/mortgages';

export interface MortgagesContext {
  loaders: MortgagesLoaders;
  adapter: Pick<MortgagesAdapter, 'freshness'>;
}

type CustomerRef = { id: string; links?: { borrowerIds?: string[] } };

/** A loan as one customer sees it: their role on it. */
export interface CustomerLoan extends MortgageLoan {
  borrowerRole: 'PRIMARY' | 'JOINT';
}

/**
 * The customer's loans from each of their borrower records: a joint loan once (even when the
 * customer holds both of its borrower records), with the customer's own role on it (primary if
 * any of their records is), open loans first, then by loan number.
 */
export function customerLoans(loans: readonly MortgageLoan[], borrowerIds: readonly string[]): CustomerLoan[] {
  const mine = new Set(borrowerIds);
  const byId = new Map<string, CustomerLoan>();
  for (const loan of loans) {
    if (byId.has(loan.loanId)) continue;
    const primary = loan.borrowers.some((b) => b.role === 'PRIMARY' && mine.has(b.borrowerId));
    byId.set(loan.loanId, { ...loan, borrowerRole: primary ? 'PRIMARY' : 'JOINT' });
  }
  return [...byId.values()].sort((a, b) => (a.status === b.status ? a.loanId.localeCompare(b.loanId) : a.status === 'OPEN' ? -1 : 1));
}

/** Batch data older than its schedule is still served, and the response says so (`extensions.stale`). */
function markIfStale(adapter: MortgagesContext['adapter']): void {
  const freshness = adapter.freshness();
  if (freshness.stale) reportStale({ system: 'MORTGAGES', ageMs: freshness.ageMs ?? Number.MAX_SAFE_INTEGER });
}

export const mortgagesResolvers = {
  ...moneyResolvers,
  ...partyResolvers,
  Customer: {
    __resolveReference: (ref: CustomerRef) => ref,
    mortgageBorrower: async (customer: CustomerRef, _: unknown, { loaders, adapter }: MortgagesContext) => {
      if (customer.links?.borrowerIds?.length) markIfStale(adapter);
      return primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.borrowerIds));
    },
    mortgageBorrowerRecords: (customer: CustomerRef, _: unknown, { loaders, adapter }: MortgagesContext) => {
      if (customer.links?.borrowerIds?.length) markIfStale(adapter);
      return loadPartyRecords(loaders.parties, customer.links?.borrowerIds);
    },
    mortgages: async (customer: CustomerRef, _: unknown, { loaders, adapter }: MortgagesContext) => {
      const ids = customer.links?.borrowerIds ?? [];
      if (ids.length) markIfStale(adapter);
      return customerLoans(await loadFlattened(loaders.loans, ids), ids);
    },
  },
  MortgageLoan: {
    id: (loan: MortgageLoan) => loan.loanId,
    arrearsStatus: (loan: MortgageLoan) => arrearsStatus(loan.monthsInArrears),
    borrowerCount: (loan: MortgageLoan) => loan.borrowers.length,
  },
} satisfies Resolvers<MortgagesContext>;
