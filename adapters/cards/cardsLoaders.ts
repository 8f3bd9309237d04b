import type DataLoader from 'dataloader';
import type { Card, SourceParty } from '../canonical';
import { createBatchLoader, InvalidIdError } from '../kit';
import { CARDS_BATCH_LIMIT, type CardsAdapter } from './cardsAdapter';
import { isCardholderId } from './cardsInput';

export interface CardsLoaders {
  /** Cardholder id -> SourceParty (null when unknown). */
  party: DataLoader<string, SourceParty | null>;
  /** Cardholder id -> its cards (null when the cardholder is unknown). */
  cards: DataLoader<string, Card[] | null>;
}

/**
 * Per-request loaders: every id asked for in one tick becomes ceil(n/100) upstream requests.
 *
 * A malformed id fails only its own `load` (DataLoader rejects a key whose value is an Error)
 * and is never sent upstream, so one bad key cannot fail the batch it happened to join.
 */
export function createCardsLoaders(adapter: CardsAdapter): CardsLoaders {
  return {
    party: createBatchLoader<string, SourceParty>(CARDS_BATCH_LIMIT, (keys) => withInvalidIdsRejected(keys, 'getParties', (ids) => adapter.getParties(ids))),
    cards: createBatchLoader<string, Card[]>(CARDS_BATCH_LIMIT, (keys) => withInvalidIdsRejected(keys, 'getCards', (ids) => adapter.getCards(ids))),
  };
}

async function withInvalidIdsRejected<V>(
  keys: readonly string[],
  operation: string,
  load: (validIds: string[]) => Promise<Map<string, V | null>>,
): Promise<Map<string, V | null>> {
  const valid = keys.filter(isCardholderId);
  const found = valid.length > 0 ? await load(valid) : new Map<string, V | null>();
  for (const key of keys) {
    // The Error travels through the V-typed map on purpose: DataLoader turns it into a rejection of that key.
    if (!isCardholderId(key)) found.set(key, new InvalidIdError('CARDS', operation, 'CH followed by 8 digits') as unknown as V);
  }
  return found;
}
