import type { z } from 'zod/v4';
import type { Card, CardTransaction, ChangePage, SourceParty } from '../canonical';
import {
  chunk,
  createSystemClient,
  systemConfigFromEnv,
  type BreakerState,
  type ClientHooks,
  type SourceAdapter,
  type SystemClient,
  type SystemClientConfig,
  type UpstreamResponse,
} from '../kit';
import { readCardholderStream } from './cardholderStreamReader';
import { assertCardholderIds, assertCardId, assertCursor, assertPageSize } from './cardsInput';
import { toCard, toCardTransaction, toChangeEvent, toSourceParty } from './cardsMapping';
import { cardsResponseDecoder } from './cardsResponseDecoder';
import {
  wireBatchSchema,
  wireCardholderSchema,
  wireCardSchema,
  wireCardTransactionSchema,
  wireEventPageSchema,
  wirePageSchema,
} from './cardsWireSchemas';

/** Most ids the processor accepts in one batch request. */
export const CARDS_BATCH_LIMIT = 100;
const DEFAULT_TRANSACTIONS_PAGE = 25;
const DEFAULT_EXTRACT_PAGE = 500;

export interface CardTransactionPage {
  transactions: CardTransaction[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  hasNextPage: boolean;
}

export interface CardsAdapter extends SourceAdapter {
  /** Cards per cardholder, batched; an unknown cardholder maps to null, one without cards to []. */
  getCards(cardholderIds: readonly string[]): Promise<Map<string, Card[] | null>>;
  /** One page of a card's transactions, newest first; null for an unknown card. */
  getCardTransactions(cardId: string, page?: { first?: number; after?: string | null }): Promise<CardTransactionPage | null>;
  breakerState(): BreakerState;
}

export interface CardsAdapterOptions {
  hooks?: ClientHooks;
  /**
   * How `extractParties` reads: `stream` (default) is one NDJSON response read with
   * backpressure; `pages` walks the cursor-paginated extract, each page retried on its own
   * (slower, but survives a flaky link on a very long extract).
   */
  extractMode?: 'stream' | 'pages';
  /** Cardholders per extract page in `pages` mode (1 to 1000). */
  extractPageSize?: number;
}

const batchOfCardholders = wireBatchSchema(wireCardholderSchema);
const batchOfCards = wireBatchSchema(wireCardSchema);
const pageOfCardholders = wirePageSchema(wireCardholderSchema);
const pageOfTransactions = wirePageSchema(wireCardTransactionSchema);

/**
 * The card processor's adapter: REST/JSON through the kit's resilience policies, validated
 * with zod at the boundary, mapped to the canonical model. All reads are idempotent, so the
 * kit retries them (honouring a 429's Retry-After).
 */
export function createCardsAdapter(
  config: SystemClientConfig = systemConfigFromEnv('CARDS'),
  options: CardsAdapterOptions = {},
): CardsAdapter {
  const client: SystemClient = options.hooks ? createSystemClient(config, options.hooks) : createSystemClient(config);
  const extractPageSize = options.extractPageSize ?? DEFAULT_EXTRACT_PAGE;
  const extractMode = options.extractMode ?? 'stream';

  const get = <T>(operation: string, url: string, params: Record<string, string | number | undefined>, decode: (r: UpstreamResponse) => T) =>
    client.call({ operation, request: { method: 'GET', url, params }, idempotent: true }, decode);

  async function getParties(localIds: readonly string[]): Promise<Map<string, SourceParty | null>> {
    assertCardholderIds(localIds, 'getParties');
    const ids = [...new Set(localIds)];
    const result = new Map<string, SourceParty | null>(ids.map((id) => [id, null]));
    const pages = await Promise.all(
      chunk(ids, CARDS_BATCH_LIMIT).map((batch) =>
        get('listCardholders', '/v1/cardholders', { ids: batch.join(',') }, cardsResponseDecoder('listCardholders', batchOfCardholders)),
      ),
    );
    for (const page of pages) for (const wire of page.data) if (result.has(wire.id)) result.set(wire.id, toSourceParty(wire));
    return result;
  }

  async function getCards(cardholderIds: readonly string[]): Promise<Map<string, Card[] | null>> {
    assertCardholderIds(cardholderIds, 'getCards');
    const ids = [...new Set(cardholderIds)];
    const result = new Map<string, Card[] | null>(ids.map((id) => [id, []]));
    const pages = await Promise.all(
      chunk(ids, CARDS_BATCH_LIMIT).map((batch) =>
        get('listCards', '/v1/cards', { cardholder_ids: batch.join(',') }, cardsResponseDecoder('listCards', batchOfCards)),
      ),
    );
    for (const page of pages) {
      for (const missing of page.missing_ids) if (result.has(missing)) result.set(missing, null);
      for (const wire of page.data) result.get(wire.cardholder_id)?.push(toCard(wire));
    }
    return result;
  }

  async function getCardTransactions(
    cardId: string,
    page: { first?: number; after?: string | null } = {},
  ): Promise<CardTransactionPage | null> {
    const operation = 'listCardTransactions';
    assertCardId(cardId, operation);
    const first = page.first ?? DEFAULT_TRANSACTIONS_PAGE;
    assertPageSize(first, operation);
    if (page.after != null) assertCursor(page.after, operation);
    const wire = await get(
      operation,
      `/v1/cards/${cardId}/transactions`,
      { limit: first, cursor: page.after ?? undefined },
      cardsResponseDecoder(operation, pageOfTransactions, true),
    );
    if (!wire) return null;
    return { transactions: wire.data.map(toCardTransaction), nextCursor: wire.next_cursor, hasNextPage: wire.has_more };
  }

  /** Page by page: only one page is ever held, however large the population. */
  async function* extractPaged(): AsyncGenerator<SourceParty> {
    let cursor: string | null = null;
    do {
      const page: z.infer<typeof pageOfCardholders> = await get(
        'extractCardholders',
        '/v1/extracts/cardholders',
        { limit: extractPageSize, cursor: cursor ?? undefined },
        cardsResponseDecoder('extractCardholders', pageOfCardholders),
      );
      for (const wire of page.data) yield toSourceParty(wire);
      cursor = page.next_cursor;
    } while (cursor !== null);
  }

  /** One NDJSON response read as the consumer pulls (see readCardholderStream). */
  async function* extractStreamed(): AsyncGenerator<SourceParty> {
    const operation = 'streamCardholders';
    const { stream } = await client.openStream({ operation, request: { method: 'GET', url: '/v1/extracts/cardholders/stream' } });
    for await (const wire of readCardholderStream(stream, operation, config.timeoutMs)) yield toSourceParty(wire);
  }

  function extractParties(): AsyncGenerator<SourceParty> {
    return extractMode === 'pages' ? extractPaged() : extractStreamed();
  }

  async function changes(cursor?: string): Promise<ChangePage> {
    if (cursor !== undefined) assertCursor(cursor, 'listEvents');
    const page = await get('listEvents', '/v1/events', { cursor }, cardsResponseDecoder('listEvents', wireEventPageSchema));
    return { changes: page.data.map(toChangeEvent), nextCursor: page.next_cursor };
  }

  return {
    system: 'CARDS',
    getParties,
    getCards,
    getCardTransactions,
    extractParties,
    changes,
    breakerState: () => client.breakerState(),
    close: () => client.close(),
  };
}
