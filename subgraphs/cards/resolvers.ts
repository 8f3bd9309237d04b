import type { Card } from '../../adapters/canonical';
import type { CardsAdapter, CardsLoaders } from '../../adapters/cards';
import { pageSize } from '../runtime/connection';
import { moneyResolvers } from '../runtime/moneyResolvers';
import { loadFlattened, loadPartyRecords, primaryRecord, partyResolvers } from '../runtime/partyRecords';
import { RECENT_WINDOWS } from '../runtime/recentWindows';
import { resolveUpstream } from '../runtime/upstreamErrors';
import type { Resolvers } from '../../schema/generated/cards';

export interface CardsContext {
  adapter: CardsAdapter;
  loaders: CardsLoaders;
}

/** What the gateway hands us: the customer id and, through @requires, only our own keys. */
type CustomerRef = { id: string; links?: { cardholderIds?: string[] } };

export const cardsResolvers = {
  ...moneyResolvers,
  ...partyResolvers,
  Customer: {
    __resolveReference: (ref: CustomerRef) => ref,
    cardholder: async (customer: CustomerRef, _: unknown, { loaders }: CardsContext) =>
      primaryRecord(await loadPartyRecords(loaders.parties, customer.links?.cardholderIds)),
    cardholderRecords: (customer: CustomerRef, _: unknown, { loaders }: CardsContext) => loadPartyRecords(loaders.parties, customer.links?.cardholderIds),
    cards: (customer: CustomerRef, _: unknown, { loaders }: CardsContext) => loadFlattened(loaders.cards, customer.links?.cardholderIds),
  },
  Card: {
    id: (card: Card) => card.cardId,
    transactions: (card: Card, args: { first?: number | null; after?: string | null }, { adapter }: CardsContext) =>
      transactionPage(adapter, card, pageSize(args.first), args.after ?? null),
    recentTransactions: (card: Card, _: unknown, { adapter }: CardsContext) => transactionPage(adapter, card, RECENT_WINDOWS.cardTransactions, null),
  },
} satisfies Resolvers<CardsContext>;

/** One page of a card's transactions, newest first. */
function transactionPage(adapter: CardsAdapter, card: Card, first: number, after: string | null) {
  return resolveUpstream(async () => {
    const page = await adapter.getCardTransactions(card.cardId, { first, after });
    if (!page) return null;
    return {
      // The processor's cursors are per page, not per item: every edge carries the page's next cursor.
      edges: page.transactions.map((node) => ({ cursor: page.nextCursor ?? '', node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.nextCursor },
    };
  });
}
