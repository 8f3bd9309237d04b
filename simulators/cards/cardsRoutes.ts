import type { ChangeFeed } from '../kit/changeFeed';
import type { SimRequest, SimResponse, SimRoute } from '../kit/simulatorServer';
import type { CardholderRecord } from '../dataset/records';
import type { CardholderStore } from './cardholderStore';
import { CARD_ID, CARDHOLDER_ID, parseIdList, parseLimit } from './cardsIds';
import { cardsError, cardsJson } from './cardsErrorDialect';
import { toWireCard, toWireCardholder, toWireExtractCardholder, toWireTransaction, type WireCard } from './cardsWire';
import type { ExtractPager } from './extractPager';
import { ndjsonChunks } from './ndjsonChunks';
import { decodeCursor, encodeCursor, offsetPart } from './opaqueCursor';

/** The processor's REST operations (PROTOCOL.md); each name is what `/__admin/stats` counts. */
export interface CardsRouteDeps {
  store: CardholderStore;
  feed: ChangeFeed;
  /** Where the bulk extract reads from (iterated, never loaded). */
  extractSource: () => AsyncIterable<CardholderRecord>;
  /** The paged form of the extract over the same source. */
  extract: ExtractPager<CardholderRecord>;
}

const TRANSACTIONS_PAGE = { default: 25, max: 100 };
const EXTRACT_PAGE = { default: 500, max: 1000 };
const EVENTS_PAGE = { default: 100, max: 500 };

/** A GET route on a path pattern; the pattern's first group (if any) is the path id. */
function get(operation: string, pattern: RegExp, handle: (req: SimRequest, id: string) => SimResponse | Promise<SimResponse>): SimRoute {
  return {
    operation,
    match: (req) => req.method === 'GET' && pattern.test(req.path),
    handle: (req) => handle(req, pattern.exec(req.path)?.[1] ?? ''),
  };
}

const badRequest = (message: string) => cardsError(400, 'invalid_request', message);
const missing = (what: string) => cardsError(404, 'resource_missing', `no such ${what}`);

export function createCardsRoutes({ store, feed, extractSource, extract }: CardsRouteDeps): SimRoute[] {
  return [
    get('getCardholder', /^\/v1\/cardholders\/([^/]+)$/, (_req, id) => {
      if (!CARDHOLDER_ID.test(id)) return badRequest('cardholder id must be CH followed by 8 digits');
      const record = store.cardholder(id);
      return record ? cardsJson(toWireCardholder(record)) : missing('cardholder');
    }),

    get('listCardholders', /^\/v1\/cardholders$/, (req) => {
      const parsed = parseIdList(req.query.get('ids'), CARDHOLDER_ID, 'ids');
      if (!parsed.ok) return badRequest(parsed.message);
      const found: CardholderRecord[] = [];
      const missingIds: string[] = [];
      for (const id of parsed.ids) {
        const record = store.cardholder(id);
        if (record) found.push(record);
        else missingIds.push(id);
      }
      return cardsJson({ object: 'list', data: found.map(toWireCardholder), missing_ids: missingIds });
    }),

    get('getCardholderCards', /^\/v1\/cardholders\/([^/]+)\/cards$/, (_req, id) => {
      if (!CARDHOLDER_ID.test(id)) return badRequest('cardholder id must be CH followed by 8 digits');
      const record = store.cardholder(id);
      if (!record) return missing('cardholder');
      return cardsJson({ object: 'list', data: record.cards.map((c) => toWireCard(id, c)) });
    }),

    get('listCards', /^\/v1\/cards$/, (req) => {
      const parsed = parseIdList(req.query.get('cardholder_ids'), CARDHOLDER_ID, 'cardholder_ids');
      if (!parsed.ok) return badRequest(parsed.message);
      const data: WireCard[] = [];
      const missingIds: string[] = [];
      for (const id of parsed.ids) {
        const record = store.cardholder(id);
        if (record) data.push(...record.cards.map((c) => toWireCard(id, c)));
        else missingIds.push(id);
      }
      return cardsJson({ object: 'list', data, missing_ids: missingIds });
    }),

    get('getCard', /^\/v1\/cards\/([^/]+)$/, (_req, id) => {
      if (!CARD_ID.test(id)) return badRequest('card id must be CRD followed by 9 digits');
      const found = store.card(id);
      return found ? cardsJson(toWireCard(found.cardholder.cardholderId, found.card)) : missing('card');
    }),

    get('listCardTransactions', /^\/v1\/cards\/([^/]+)\/transactions$/, (req, id) => {
      if (!CARD_ID.test(id)) return badRequest('card id must be CRD followed by 9 digits');
      const limit = parseLimit(req.query.get('limit'), TRANSACTIONS_PAGE.default, TRANSACTIONS_PAGE.max);
      if (!limit.ok) return badRequest(limit.message);
      let offset = 0;
      const cursor = req.query.get('cursor');
      if (cursor !== null) {
        const parts = decodeCursor('txn', cursor, 2);
        const at = parts && parts[0] === id ? offsetPart(parts[1]) : null;
        if (at === null) return badRequest('cursor is not valid for this card');
        offset = at;
      }
      const found = store.card(id);
      if (!found) return missing('card');
      const all = store.transactions(found.card);
      const page = all.slice(offset, offset + limit.limit);
      const end = offset + page.length;
      const hasMore = end < all.length;
      return cardsJson({
        object: 'list',
        data: page.map((t) => toWireTransaction(found.card, t)),
        has_more: hasMore,
        next_cursor: hasMore ? encodeCursor('txn', [id, end]) : null,
      });
    }),

    get('extractCardholders', /^\/v1\/extracts\/cardholders$/, async (req) => {
      const limit = parseLimit(req.query.get('limit'), EXTRACT_PAGE.default, EXTRACT_PAGE.max);
      if (!limit.ok) return badRequest(limit.message);
      const cursor = req.query.get('cursor');
      let position: { session: string; offset: number } | undefined;
      if (cursor !== null) {
        const parts = decodeCursor('extract', cursor, 2);
        const offset = parts && /^[0-9a-f]{1,32}$/.test(parts[0]) ? offsetPart(parts[1]) : null;
        if (parts === null || offset === null) return badRequest('cursor is not a valid extract cursor');
        position = { session: parts[0], offset };
      }
      const page = await extract.page(position, limit.limit);
      return cardsJson({
        object: 'list',
        data: page.items.map(toWireExtractCardholder),
        has_more: page.next !== null,
        next_cursor: page.next ? encodeCursor('extract', [page.next.session, page.next.offset]) : null,
      });
    }),

    get('streamCardholders', /^\/v1\/extracts\/cardholders\/stream$/, () => ({
      status: 200,
      contentType: 'application/x-ndjson',
      body: '',
      stream: ndjsonChunks(extractSource(), toWireExtractCardholder),
    })),

    get('listEvents', /^\/v1\/events$/, (req) => {
      const limit = parseLimit(req.query.get('limit'), EVENTS_PAGE.default, EVENTS_PAGE.max);
      if (!limit.ok) return badRequest(limit.message);
      const cursor = req.query.get('cursor');
      let from: string | undefined;
      if (cursor !== null) {
        const parts = decodeCursor('evt', cursor, 1);
        const at = parts ? offsetPart(parts[0]) : null;
        if (at === null) return badRequest('cursor is not a valid events cursor');
        from = String(at);
      }
      const { changes, nextCursor } = feed.since(from, limit.limit);
      return cardsJson({
        object: 'list',
        data: changes.map((c) => ({
          object: 'event',
          type: `${c.entity}.updated`,
          entity: c.entity,
          local_id: c.localId,
          created_at: c.changedAt,
        })),
        // Always a cursor: a change-feed reader polls from where it stopped, even at the head.
        next_cursor: encodeCursor('evt', [nextCursor]),
      });
    }),
  ];
}
