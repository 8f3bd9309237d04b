import type { Card } from '../canonical';
import type { AdapterModule } from '../adapterModules';
import type { CacheReadSpec, WithCacheOptions } from '../cache/withCache';
import { createCardsAdapter, type CardsAdapter } from '.';

/*
 * How the product wires this system's adapter (adapters/adapterModules.ts loads it by the slug in
 * its registry entry): how to create it, and which of its reads are cached under which entity.
 */

/** A card change names the card: the index maps a card id back to the cardholder whose list holds it. */
export const CARDS_CACHE: CacheReadSpec<CardsAdapter> = {
  getParties: 'party',
  getCards: { entity: 'cards', index: { entity: 'card', ids: (cards: Card[]) => cards.map((card) => card.cardId) } },
};

/** A page of a card's transactions, per card and page: bounded by the TTL, like account transactions. */
export const CARDS_SINGLES: WithCacheOptions<CardsAdapter> = {
  singles: { getCardTransactions: { entity: 'cardTransactions', key: (cardId, page) => `${cardId}:${page?.first ?? ''}:${page?.after ?? ''}` } },
};

export const adapterModule: AdapterModule<CardsAdapter> = {
  create: (config) => createCardsAdapter(config),
  cache: { reads: CARDS_CACHE, options: CARDS_SINGLES },
};
