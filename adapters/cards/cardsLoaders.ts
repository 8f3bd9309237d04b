import type DataLoader from 'dataloader';
import type { Card, SourceParty } from '../canonical';
import { createBatchLoader, InvalidIdError, type KeyCheck } from '../kit';
import { CARDS_BATCH_LIMIT, type CardsAdapter } from './cardsAdapter';
import { isCardholderId } from './cardsInput';

export interface CardsLoaders {
  /** Cardholder id -> SourceParty (null when unknown). */
  parties: DataLoader<string, SourceParty | null>;
  /** Cardholder id -> its cards (null when the cardholder is unknown). */
  cards: DataLoader<string, Card[] | null>;
}

const cardholderCheck = (operation: string): KeyCheck<string> => ({
  isValid: isCardholderId,
  invalid: () => new InvalidIdError('CARDS', operation, 'CH followed by 8 digits'),
});

/** Per-request loaders: every id asked for in one tick becomes ceil(n/100) upstream requests. */
export function createCardsLoaders(adapter: CardsAdapter): CardsLoaders {
  return {
    parties: createBatchLoader(CARDS_BATCH_LIMIT, (ids) => adapter.getParties(ids), cardholderCheck('getParties')),
    cards: createBatchLoader(CARDS_BATCH_LIMIT, (ids) => adapter.getCards(ids), cardholderCheck('getCards')),
  };
}
