import type { Account } from '../../adapters/canonical';
import type { CoreBankingAdapter, CoreBankingLoaders } from '../../adapters/core-banking';
import { connectionFromArray, decodeCursor, pageSize } from '../runtime/connection';
import { moneyResolvers } from '../runtime/moneyResolvers';
import { loadFlattened, loadPartyRecords, primaryRecord, partyResolvers } from '../runtime/partyRecords';
import { RECENT_WINDOWS } from '../runtime/recentWindows';
import { resolveUpstream } from '../runtime/upstreamErrors';
import type { Resolvers } from '../../schema/generated/core-banking';

export interface CoreBankingContext {
  adapter: CoreBankingAdapter;
  loaders: CoreBankingLoaders;
}

type CustomerRef = { id: string; links?: { cifs?: string[] } };

export const coreBankingResolvers = {
  ...moneyResolvers,
  ...partyResolvers,
  Customer: {
    __resolveReference: (ref: CustomerRef) => ref,
    coreBankingParty: async (customer: CustomerRef, _: unknown, { loaders }: CoreBankingContext) =>
      primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.cifs)),
    coreBankingRecords: (customer: CustomerRef, _: unknown, { loaders }: CoreBankingContext) => loadPartyRecords(loaders.parties, customer.links?.cifs),
    accounts: (customer: CustomerRef, _: unknown, { loaders }: CoreBankingContext) => loadFlattened(loaders.accounts, customer.links?.cifs),
    yearlyIncome: async (customer: CustomerRef, _: unknown, { loaders }: CoreBankingContext) =>
      primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.cifs))?.yearlyIncome ?? null,
  },
  Account: {
    // The account number is the account's identity in the bank: the stable id clients normalise by.
    id: (account: Account) => account.accountNumber,
    transactions: (account: Account, args: { first?: number | null; after?: string | null }, { adapter }: CoreBankingContext) =>
      transactionPage(adapter, account, pageSize(args.first), args.after),
    recentTransactions: (account: Account, _: unknown, { adapter }: CoreBankingContext) => transactionPage(adapter, account, RECENT_WINDOWS.accountTransactions),
  },
} satisfies Resolvers<CoreBankingContext>;

/** One page of an account's transactions, newest first. */
function transactionPage(adapter: CoreBankingAdapter, account: Account, first: number, after?: string | null) {
  return resolveUpstream(async () => {
    // The mainframe returns the latest N transactions; ask for as many as this page reaches.
    const reach = (after ? decodeCursor(after) + 1 : 0) + first + 1;
    const transactions = await adapter.getTransactions(account.accountNumber, reach);
    const { totalCount: _total, ...connection } = connectionFromArray(transactions ?? [], first, after);
    return connection;
  });
}
