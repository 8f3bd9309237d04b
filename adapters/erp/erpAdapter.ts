import type { z } from 'zod/v4';
import type { ChangePage, SalesOrder, SourceParty } from '../canonical';
import {
  chunk,
  createSystemClient,
  InvalidIdError,
  systemConfigFromEnv,
  UpstreamProtocolError,
  type ClientHooks,
  type SourceAdapter,
  type SystemClient,
  type SystemClientConfig,
} from '../kit';
import { assertPartnerIds } from './erpIds';
import { toChangeEvent, toSalesOrder, toSourceParty } from './erpMapping';
import { BUSINESS_PARTNER_PATH, CHANGE_EVENT_PATH, MAX_FILTER_COMPARISONS, SALES_ORDER_PATH } from './erpProtocol';
import { decodeODataResponse } from './erpResponseDecoder';
import { businessPartnerEntitySchema, changeEventEntitySchema, collectionSchema, salesOrderEntitySchema, singleSchema } from './erpWire';
import { formatEqualsAny, formatStringLiteral } from './odataFilter';

export interface ErpAdapter extends SourceAdapter {
  /** One partner by key (`A_BusinessPartner('...')`); unknown is null. */
  getParty(partnerId: string): Promise<SourceParty | null>;
  /** Every requested id -> its party or null, in or-filter batches of at most `batchSize` ids. */
  getParties(partnerIds: readonly string[]): Promise<Map<string, SourceParty | null>>;
  /** Every requested id -> its sales orders (empty when none), batched, following `__next`. */
  getSalesOrders(partnerIds: readonly string[]): Promise<Map<string, SalesOrder[]>>;
  /** Every partner, one page in memory at a time. */
  extractParties(): AsyncIterable<SourceParty>;
  /** Change events after `cursor` (absent: from the start of the feed). */
  changes(cursor?: string): Promise<ChangePage>;
  /** Ids per or-filter request (the loaders batch by it too). */
  readonly batchSize: number;
}

export interface ErpAdapterOptions {
  /** Defaults to `systemConfigFromEnv('ERP')` (`ERP_URL`, `ERP_TIMEOUT_MS`, ...). */
  config?: SystemClientConfig;
  hooks?: ClientHooks;
  /** Ids per or-filter (default and maximum the ERP accepts: 40; tests raise it to see a refusal). */
  batchSize?: number;
  /** Most `__next` pages one query may follow before the answer counts as a paging loop. */
  maxPages?: number;
}

interface PageBody<E> {
  d: { results: E[]; __next?: string };
}

const partnerPage = collectionSchema(businessPartnerEntitySchema);
const orderPage = collectionSchema(salesOrderEntitySchema);
const changePage = collectionSchema(changeEventEntitySchema);
const singlePartner = singleSchema(businessPartnerEntitySchema);

/** `path?$format=json&...`: the query is encoded once, here, the same way for every call. */
function pathWith(path: string, params: Record<string, string>): string {
  return `${path}?${new URLSearchParams({ $format: 'json', ...params }).toString()}`;
}

/**
 * Only the path and query of a `__next` link are followed, always against the configured ERP:
 * an absolute link naming another host must not redirect our calls (the gateway writes its own
 * host name, which may not be the one we reach it by).
 */
function relativeLink(link: string, operation: string): string {
  try {
    const url = new URL(link, 'http://erp.invalid');
    return `${url.pathname}${url.search}`;
  } catch {
    throw new UpstreamProtocolError('ERP', operation, 'unreadable __next link');
  }
}

export function createErpAdapter(options: ErpAdapterOptions = {}): ErpAdapter {
  const client: SystemClient = createSystemClient(options.config ?? systemConfigFromEnv('ERP'), options.hooks);
  const batchSize = options.batchSize ?? MAX_FILTER_COMPARISONS;
  const maxPages = options.maxPages ?? 100_000;

  /** The pages of one collection query, following `__next` to the end; each page is one resilient call. */
  async function* collection<E, T>(
    operation: string,
    first: string,
    schema: z.ZodType<PageBody<E>, unknown>,
    map: (entity: E) => T,
  ): AsyncGenerator<T[]> {
    let url: string | undefined = first;
    for (let page = 0; url !== undefined; page += 1) {
      if (page >= maxPages) throw new UpstreamProtocolError('ERP', operation, `more than ${maxPages} pages`);
      const request: string = url;
      const { results, next } = await client.call({ operation, request: { url: request }, idempotent: true }, (response) => {
        const { d } = decodeODataResponse(operation, response, schema);
        return { results: d.results.map(map), next: d.__next };
      });
      yield results;
      url = next === undefined ? undefined : relativeLink(next, operation);
    }
  }

  const getParties = async (partnerIds: readonly string[]): Promise<Map<string, SourceParty | null>> => {
    const operation = 'queryBusinessPartners';
    assertPartnerIds(partnerIds, operation);
    const unique = [...new Set(partnerIds)];
    const found = new Map<string, SourceParty | null>(unique.map((id) => [id, null]));
    await Promise.all(
      chunk(unique, batchSize).map(async (ids) => {
        const first = pathWith(BUSINESS_PARTNER_PATH, { $filter: formatEqualsAny('BusinessPartner', ids) });
        for await (const parties of collection(operation, first, partnerPage, toSourceParty)) {
          // Only ids we asked for: a gateway answering more must not plant records.
          for (const party of parties) if (found.has(party.localId)) found.set(party.localId, party);
        }
      }),
    );
    return found;
  };

  const getSalesOrders = async (partnerIds: readonly string[]): Promise<Map<string, SalesOrder[]>> => {
    const operation = 'querySalesOrders';
    assertPartnerIds(partnerIds, operation);
    const unique = [...new Set(partnerIds)];
    const found = new Map<string, SalesOrder[]>(unique.map((id) => [id, []]));
    await Promise.all(
      chunk(unique, batchSize).map(async (ids) => {
        const first = pathWith(SALES_ORDER_PATH, { $filter: formatEqualsAny('SoldToParty', ids) });
        for await (const orders of collection(operation, first, orderPage, toSalesOrder)) {
          for (const order of orders) found.get(order.partnerId)?.push(order);
        }
      }),
    );
    return found;
  };

  const getParty = async (partnerId: string): Promise<SourceParty | null> => {
    const operation = 'getBusinessPartner';
    assertPartnerIds([partnerId], operation);
    const url = `${BUSINESS_PARTNER_PATH}(${encodeURIComponent(formatStringLiteral(partnerId))})?$format=json`;
    return client.call({ operation, request: { url }, idempotent: true }, (response) => {
      const body = decodeODataResponse(operation, response, singlePartner, { notFoundAsNull: true });
      return body === null ? null : toSourceParty(body.d);
    });
  };

  async function* extractParties(): AsyncIterable<SourceParty> {
    for await (const parties of collection('queryBusinessPartners', pathWith(BUSINESS_PARTNER_PATH, {}), partnerPage, toSourceParty)) {
      yield* parties;
    }
  }

  const changes = async (cursor?: string): Promise<ChangePage> => {
    const operation = 'queryChanges';
    if (cursor !== undefined && !/^\d{1,12}$/.test(cursor)) throw new InvalidIdError('ERP', operation, 'a change-feed cursor');
    const url = pathWith(CHANGE_EVENT_PATH, cursor === undefined ? {} : { $deltatoken: `'${cursor}'` });
    return client.call({ operation, request: { url }, idempotent: true }, (response) => {
      const { d } = decodeODataResponse(operation, response, changePage);
      const token = d.__delta ? new URL(d.__delta, 'http://erp.invalid').searchParams.get('$deltatoken') : null;
      const nextCursor = token?.replace(/^'(.*)'$/, '$1');
      if (!nextCursor || !/^\d{1,12}$/.test(nextCursor)) throw new UpstreamProtocolError('ERP', operation, 'missing or unreadable __delta link');
      return { changes: d.results.map(toChangeEvent), nextCursor };
    });
  };

  return {
    system: 'ERP',
    batchSize,
    getParty,
    getParties,
    getSalesOrders,
    extractParties,
    changes,
    close: () => client.close(),
  };
}
