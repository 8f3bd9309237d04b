import type { SimRequest, SimResponse, SimRoute } from '../kit/simulatorServer';
import { InvalidCursorError, parseCursor, type ChangeFeed } from '../kit/changeFeed';
import type { BusinessPartnerRecord } from '../dataset/records';
import { BUSINESS_PARTNER_PATH, CHANGE_EVENT_PATH, MAX_CHANGE_PAGE, SALES_ORDER_PATH } from './gatewayService';
import { equalityValuesOf, ODataFilterError } from './odataFilterParser';
import { checkFilter, matchesFilter, type FilterableProperties } from './entityFilter';
import { nextLink, pageTake } from './collectionPaging';
import { toBusinessPartnerEntity, toChangeEventEntity, toSalesOrderEntity } from './erpEntities';
import { ERROR_CODES, odataCollection, odataEntity, odataError } from './odataResponses';
import type { OrderRow, PartnerStore } from './partnerStore';
import { parseQueryOptions, QueryOptionError, type QueryOptions } from './queryOptions';
import type { SequentialPager } from './sequentialPager';

/** The simulated SAP gateway's HTTP surface: one route per operation counted in the stats. */

export interface ErpRouteContext {
  store: PartnerStore;
  feed: ChangeFeed;
  pageSize: number;
  /** Serves the unfiltered partner collection from a stream instead of the store, when set. */
  extract: SequentialPager<BusinessPartnerRecord> | null;
}

const dateMs = (iso: string | null): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

const partnerProperties: FilterableProperties<BusinessPartnerRecord> = {
  BusinessPartner: { type: 'string', get: (r) => r.partnerId },
  FirstName: { type: 'string', get: (r) => r.firstName },
  LastName: { type: 'string', get: (r) => r.lastName },
  EmailAddress: { type: 'string', get: (r) => r.email },
  PhoneNumber: { type: 'string', get: (r) => r.phone },
  StreetName: { type: 'string', get: (r) => r.street },
  HouseNumber: { type: 'string', get: (r) => r.houseNumber },
  CityName: { type: 'string', get: (r) => r.city },
  PostalCode: { type: 'string', get: (r) => r.postalCode },
  Country: { type: 'string', get: (r) => r.country },
  LastChangeDateTime: { type: 'datetime', get: (r) => dateMs(r.changedAt) },
};

const orderProperties: FilterableProperties<OrderRow> = {
  SalesOrder: { type: 'string', get: (r) => r.order.orderId },
  SoldToParty: { type: 'string', get: (r) => r.partnerId },
  TransactionCurrency: { type: 'string', get: (r) => r.order.currency },
  OverallDeliveryStatus: { type: 'string', get: (r) => r.order.deliveryStatus },
  OverallBillingStatus: { type: 'string', get: (r) => r.order.billingStatus },
  CreationDate: { type: 'datetime', get: (r) => dateMs(r.order.createdAt) },
};

/** Absolute links, like a gateway behind its own host name. */
function baseUrlOf(req: SimRequest): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}

function decodedPath(req: SimRequest): string | null {
  try {
    return decodeURIComponent(req.path);
  } catch {
    return null;
  }
}

/** `('1000000001')` -> `1000000001`; anything but one quoted string key is null. */
function keyOf(path: string, setPath: string): string | null {
  const match = /^\('((?:[^']|'')*)'\)$/.exec(path.slice(setPath.length));
  return match ? match[1].replace(/''/g, "'") : null;
}

/** Turns the typed refusals of query parsing into the gateway's 400 answers. */
async function guarded(handle: () => SimResponse | Promise<SimResponse>): Promise<SimResponse> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof QueryOptionError) {
      return odataError(400, error.tooMany ? ERROR_CODES.tooManyComparisons : ERROR_CODES.badRequest, error.message);
    }
    if (error instanceof ODataFilterError) return odataError(400, ERROR_CODES.badRequest, `invalid $filter: ${error.message}`);
    if (error instanceof InvalidCursorError) return odataError(400, ERROR_CODES.badRequest, 'invalid $deltatoken');
    throw error;
  }
}

const unique = (values: string[]): string[] => [...new Set(values)];

/** A page of an in-memory result list, with `__next` and `__count` as asked. */
function collectionPage<Row, Entity>(
  req: SimRequest,
  path: string,
  options: QueryOptions,
  pageSize: number,
  rows: { total: number; slice(start: number, end: number): Row[] },
  render: (row: Row) => Entity,
): SimResponse {
  const take = pageTake(options, pageSize);
  const page = rows.slice(options.skip, options.skip + take);
  const more = options.skip + page.length < rows.total;
  const next = nextLink(baseUrlOf(req), path, req.query, options, page.length, more);
  return odataCollection({
    results: page.map(render),
    ...(options.inlineCount ? { __count: String(rows.total) } : {}),
    ...(next ? { __next: next } : {}),
  });
}

function listOf<Row>(rows: readonly Row[]): { total: number; slice(start: number, end: number): Row[] } {
  return { total: rows.length, slice: (start, end) => rows.slice(start, end) };
}

export function erpRoutes(ctx: ErpRouteContext): SimRoute[] {
  const isGet = (req: SimRequest) => req.method === 'GET';

  const partnerCollection = async (req: SimRequest): Promise<SimResponse> => {
    const options = parseQueryOptions(req.query);
    const base = baseUrlOf(req);
    const render = (r: BusinessPartnerRecord) => toBusinessPartnerEntity(r, base);
    const { filter } = options;
    if (!filter && ctx.extract) {
      const take = pageTake(options, ctx.pageSize);
      const { items, more } = await ctx.extract.page(options.skip, take);
      const next = nextLink(base, BUSINESS_PARTNER_PATH, req.query, options, items.length, more);
      return odataCollection({
        results: items.map((r) => render(ctx.store.current(r))),
        ...(options.inlineCount ? { __count: String(await ctx.extract.count()) } : {}),
        ...(next ? { __next: next } : {}),
      });
    }
    if (!filter) {
      return collectionPage(req, BUSINESS_PARTNER_PATH, options, ctx.pageSize, { total: ctx.store.size, slice: (s, e) => ctx.store.slice(s, e) }, render);
    }
    checkFilter(filter, partnerProperties);
    const ids = equalityValuesOf(filter, 'BusinessPartner');
    const rows = ids
      ? unique(ids).flatMap((id) => ctx.store.get(id) ?? [])
      : [...ctx.store.partners()].filter((r) => matchesFilter(r, filter, partnerProperties));
    return collectionPage(req, BUSINESS_PARTNER_PATH, options, ctx.pageSize, listOf(rows), render);
  };

  const orderCollection = (req: SimRequest): SimResponse => {
    const options = parseQueryOptions(req.query);
    const base = baseUrlOf(req);
    const render = (r: OrderRow) => toSalesOrderEntity(r.order, r.partnerId, base);
    const { filter } = options;
    if (!filter) return collectionPage(req, SALES_ORDER_PATH, options, ctx.pageSize, listOf(ctx.store.orders()), render);
    checkFilter(filter, orderProperties);
    const parties = equalityValuesOf(filter, 'SoldToParty');
    const orderIds = parties ? null : equalityValuesOf(filter, 'SalesOrder');
    const rows = parties
      ? unique(parties).flatMap((id) => ctx.store.ordersOf(id))
      : orderIds
        ? unique(orderIds).flatMap((id) => ctx.store.order(id) ?? [])
        : ctx.store.orders().filter((r) => matchesFilter(r, filter, orderProperties));
    return collectionPage(req, SALES_ORDER_PATH, options, ctx.pageSize, listOf(rows), render);
  };

  const byKey = <T>(req: SimRequest, setPath: string, find: (key: string) => T | undefined, render: (found: T) => unknown): SimResponse => {
    const path = decodedPath(req);
    const key = path === null ? null : keyOf(path, setPath);
    if (key === null) return odataError(400, ERROR_CODES.badRequest, 'malformed key predicate');
    const found = find(key);
    if (found === undefined) return odataError(404, ERROR_CODES.notFound, `Resource not found for segment '${setPath.split('/').pop()}'`);
    return odataEntity(render(found));
  };

  const changes = (req: SimRequest): SimResponse => {
    const options = parseQueryOptions(req.query);
    const token = (req.query.get('$deltatoken') ?? '').replace(/^'(.*)'$/, '$1');
    const limit = Math.min(options.top ?? MAX_CHANGE_PAGE, MAX_CHANGE_PAGE);
    const start = parseCursor(token);
    const { changes: events, nextCursor } = ctx.feed.since(token, limit);
    const base = baseUrlOf(req);
    const delta = new URLSearchParams({ $deltatoken: `'${nextCursor}'` });
    return odataCollection({
      results: events.map((event, i) => toChangeEventEntity(event, start + i + 1, base)),
      __delta: `${base}${CHANGE_EVENT_PATH}?${delta.toString()}`,
    });
  };

  return [
    {
      operation: 'queryBusinessPartners',
      match: (req) => isGet(req) && req.path === BUSINESS_PARTNER_PATH,
      handle: (req) => guarded(() => partnerCollection(req)),
    },
    {
      operation: 'getBusinessPartner',
      match: (req) => isGet(req) && req.path.startsWith(`${BUSINESS_PARTNER_PATH}(`),
      handle: (req) => byKey(req, BUSINESS_PARTNER_PATH, (key) => ctx.store.get(key), (r) => toBusinessPartnerEntity(r, baseUrlOf(req))),
    },
    {
      operation: 'querySalesOrders',
      match: (req) => isGet(req) && req.path === SALES_ORDER_PATH,
      handle: (req) => guarded(() => orderCollection(req)),
    },
    {
      operation: 'getSalesOrder',
      match: (req) => isGet(req) && req.path.startsWith(`${SALES_ORDER_PATH}(`),
      handle: (req) => byKey(req, SALES_ORDER_PATH, (key) => ctx.store.order(key), (r) => toSalesOrderEntity(r.order, r.partnerId, baseUrlOf(req))),
    },
    {
      operation: 'queryChanges',
      match: (req) => isGet(req) && req.path === CHANGE_EVENT_PATH,
      handle: (req) => guarded(() => changes(req)),
    },
  ];
}
