import { BUSINESS_PARTNER_PATH, CHANGE_EVENT_PATH, MAX_FILTER_COMPARISONS, SALES_ORDER_PATH } from './gatewayService';
import type { BusinessPartnerEntity, ChangeEventEntity, SalesOrderEntity } from './erpEntities';
import type { CollectionBody } from './odataResponses';
import type { RunningSimulator } from '../kit/simulatorServer';
import type { BusinessPartnerRecord } from '../dataset/records';
import { samplePartners } from './erpFixtures';
import { startErpSimulator } from './erpSimulator';

const partners = samplePartners(23);

// The envelopes as PROTOCOL.md writes them; checked here by hand, not with the adapter's schemas.
function collection<T>(body: unknown): { d: CollectionBody<T> } {
  // fetch parses in another realm: arrayContaining checks Array.isArray where any(Array) would fail.
  expect(body).toEqual({ d: expect.objectContaining({ results: expect.arrayContaining([]) }) });
  return body as { d: CollectionBody<T> };
}
function single<T>(body: unknown): { d: T } {
  expect(body).toEqual({ d: expect.objectContaining({ __metadata: { id: expect.any(String), uri: expect.any(String), type: expect.any(String) } }) });
  return body as { d: T };
}
function errorBody(body: unknown): { error: { code: string; message: { lang: string; value: string } } } {
  expect(body).toEqual({ error: { code: expect.any(String), message: { lang: 'en', value: expect.any(String) } } });
  return body as { error: { code: string; message: { lang: string; value: string } } };
}
/** `P eq 'a' or P eq 'b'`, written the way PROTOCOL.md shows a key batch. */
function orChain(property: string, values: readonly string[]): string {
  return values.map((value) => `${property} eq '${value}'`).join(' or ');
}

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startErpSimulator({ records: partners, pageSize: 7 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(`${sim.url}/__admin/reset`, { method: 'POST' });
});

async function get(pathAndQuery: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sim.url}${pathAndQuery}`);
  return { status: response.status, body: await response.json() };
}

function query(path: string, params: Record<string, string>): string {
  return `${path}?${new URLSearchParams({ $format: 'json', ...params }).toString()}`;
}

/** Follows `__next` from `first` to the end, returning every page's body. */
async function walk(first: string): Promise<Array<{ d: CollectionBody<BusinessPartnerEntity> }>> {
  const pages = [];
  let next: string | undefined = first;
  while (next) {
    const url: URL = new URL(next, sim.url);
    const { status, body } = await get(`${url.pathname}${url.search}`);
    expect(status).toBe(200);
    const page = collection<BusinessPartnerEntity>(body);
    pages.push(page);
    next = page.d.__next;
  }
  return pages;
}

async function adminEdit(body: unknown): Promise<Response> {
  return fetch(`${sim.url}/__admin/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('ERP simulator', () => {
  it('reads a business partner by key in the SAP shape', async () => {
    const { status, body } = await get(`${BUSINESS_PARTNER_PATH}('1000000001')?$format=json`);
    expect(status).toBe(200);
    const entity = single<BusinessPartnerEntity>(body).d;
    expect(entity).toMatchObject({ BusinessPartner: '1000000001', FirstName: 'Given0', Country: 'DE', EmailAddress: 'person0@example.test' });
    expect(entity.__metadata.uri).toMatch(/A_BusinessPartner\('1000000001'\)$/);
    expect(entity.LastChangeDateTime).toBe(`/Date(${Date.parse(partners[0].changedAt!)})/`);
  });

  it('writes missing text as an empty string, like SAP', async () => {
    const { body } = await get(`${BUSINESS_PARTNER_PATH}('1000000003')`);
    expect(single<BusinessPartnerEntity>(body).d.EmailAddress).toBe('');
  });

  it('answers an unknown key with a 404 OData error and a malformed key with a 400', async () => {
    const missing = await get(`${BUSINESS_PARTNER_PATH}('1999999999')`);
    expect(missing.status).toBe(404);
    expect(errorBody(missing.body).error.message.lang).toBe('en');
    const malformed = await get(`${BUSINESS_PARTNER_PATH}(1000000001)`);
    expect(malformed.status).toBe(400);
    errorBody(malformed.body);
    const unknownSet = await get('/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_Nothing');
    expect(unknownSet.status).toBe(404);
    errorBody(unknownSet.body);
  });

  it('answers an or-chain of keys with exactly the partners that exist', async () => {
    const filter = orChain('BusinessPartner', ['1000000002', '1000000005', '1999999999', '1000000002']);
    const { status, body } = await get(query(BUSINESS_PARTNER_PATH, { $filter: filter }));
    expect(status).toBe(200);
    expect(collection<BusinessPartnerEntity>(body).d.results.map((p) => p.BusinessPartner)).toEqual(['1000000002', '1000000005']);
  });

  it('escapes quotes in filters', async () => {
    const { body } = await get(query(BUSINESS_PARTNER_PATH, { $filter: "LastName eq 'O''Brien'" }));
    expect(collection<BusinessPartnerEntity>(body).d.results.map((p) => p.BusinessPartner)).toEqual(['1000000002']);
  });

  it(`refuses more than ${MAX_FILTER_COMPARISONS} comparisons with a 400 OData error`, async () => {
    const ids = Array.from({ length: MAX_FILTER_COMPARISONS + 1 }, (_, i) => String(1_000_000_001 + i));
    const tooMany = await get(query(BUSINESS_PARTNER_PATH, { $filter: orChain('BusinessPartner', ids) }));
    expect(tooMany.status).toBe(400);
    expect(errorBody(tooMany.body).error.code).toBe('/IWBEP/CM_MGW_RT/005');
    const atLimit = await get(query(BUSINESS_PARTNER_PATH, { $filter: orChain('BusinessPartner', ids.slice(1)) }));
    expect(atLimit.status).toBe(200);
  });

  it.each([
    ["BusinessPartner eq '1000000001' or"],
    ["Nonexistent eq '1'"],
    ['BusinessPartner eq 12'],
    ["substringof('x', LastName)"],
  ])('refuses the malformed filter %s with a 400 OData error', async (filter) => {
    const { status, body } = await get(query(BUSINESS_PARTNER_PATH, { $filter: filter }));
    expect(status).toBe(400);
    expect(errorBody(body).error.code).toBe('/IWBEP/CM_MGW_RT/004');
  });

  it('refuses bad $top, $skip and $format values', async () => {
    for (const params of [['$top', '-1'], ['$skip', 'x'], ['$format', 'xml'], ['$inlinecount', 'some']]) {
      const { status, body } = await get(`${BUSINESS_PARTNER_PATH}?${new URLSearchParams([params]).toString()}`);
      expect(status).toBe(400);
      errorBody(body);
    }
  });

  it('pages with __next so a client walks every partner exactly once', async () => {
    const pages = await walk(query(BUSINESS_PARTNER_PATH, { $inlinecount: 'allpages' }));
    expect(pages.map((p) => p.d.results.length)).toEqual([7, 7, 7, 2]);
    expect(pages[0].d.__count).toBe('23');
    expect(pages.flatMap((p) => p.d.results.map((r) => r.BusinessPartner))).toEqual(partners.map((p) => p.partnerId));
  });

  it('honours $top and $skip across server-driven pages', async () => {
    const pages = await walk(query(BUSINESS_PARTNER_PATH, { $top: '10', $skip: '3' }));
    expect(pages.flatMap((p) => p.d.results.map((r) => r.BusinessPartner))).toEqual(partners.slice(3, 13).map((p) => p.partnerId));
    const empty = await walk(query(BUSINESS_PARTNER_PATH, { $top: '0' }));
    expect(empty[0].d.results).toEqual([]);
  });

  it('serves sales orders by sold-to party with decimal-string amounts', async () => {
    const filter = orChain('SoldToParty', ['1000000002', '1000000003', '1000000001']);
    const { status, body } = await get(query(SALES_ORDER_PATH, { $filter: filter }));
    expect(status).toBe(200);
    const orders = collection<SalesOrderEntity>(body).d.results;
    expect(orders.map((o) => o.SoldToParty)).toEqual(['1000000002', '1000000003', '1000000003']);
    expect(orders[0]).toMatchObject({ SalesOrder: '5000000010', TotalNetAmount: '123.46', TransactionCurrency: 'EUR', OverallDeliveryStatus: 'B' });
    expect(orders[2]).toMatchObject({ TotalNetAmount: '24692', TransactionCurrency: 'JPY' });
    expect(orders[0].CreationDate).toBe('/Date(1768435200000)/'); // 2026-01-15T00:00:00Z
    const one = await get(`${SALES_ORDER_PATH}('5000000010')`);
    expect(single<SalesOrderEntity>(one.body).d.SoldToParty).toBe('1000000002');
    expect((await get(`${SALES_ORDER_PATH}('1')`)).status).toBe(404);
  });

  it('pages sales orders too', async () => {
    const { body } = await get(query(SALES_ORDER_PATH, {}));
    const page = collection<SalesOrderEntity>(body);
    expect(page.d.results).toHaveLength(7);
    expect(page.d.__next).toContain('%24skip=7');
  });

  it('records an admin edit, stamps its change time and publishes it on the change feed', async () => {
    const before = Date.now();
    const edit = await adminEdit({ partnerId: '1000000004', changes: { email: 'new@example.test', city: null } });
    expect(edit.status).toBe(200);
    expect(await edit.json()).toMatchObject({ changes: [{ system: 'ERP', entity: 'party', localId: '1000000004' }] });

    const read = single<BusinessPartnerEntity>((await get(`${BUSINESS_PARTNER_PATH}('1000000004')`)).body).d;
    expect(read).toMatchObject({ EmailAddress: 'new@example.test', CityName: '' });

    const since = `datetime'${new Date(before - 1).toISOString().slice(0, -1)}'`;
    const changed = collection<BusinessPartnerEntity>((await get(query(BUSINESS_PARTNER_PATH, { $filter: `LastChangeDateTime gt ${since}` }))).body);
    expect(changed.d.results.map((p) => p.BusinessPartner)).toEqual(['1000000004']);

    const feed = collection<ChangeEventEntity>((await get(`${CHANGE_EVENT_PATH}?$format=json`)).body);
    expect(feed.d.results).toEqual([expect.objectContaining({ EntityType: 'party', LocalId: '1000000004' })]);
    const delta = new URL(feed.d.__delta!);
    expect(delta.searchParams.get('$deltatoken')).toBe("'1'");
    const after = collection<ChangeEventEntity>((await get(`${delta.pathname}${delta.search}`)).body);
    expect(after.d.results).toEqual([]);
    expect((await get(`${CHANGE_EVENT_PATH}?$deltatoken='abc'`)).status).toBe(400);
  });

  it('refuses invalid admin edits with a 400 that does not echo values', async () => {
    const unknown = await adminEdit({ partnerId: '1999999999', changes: { city: 'Bonn' } });
    expect(unknown.status).toBe(400);
    for (const bad of [{}, { partnerId: '12', changes: { city: 'x' } }, { partnerId: '1000000001', changes: {} }, { partnerId: '1000000001', changes: { ssn: 'SECRET' } }]) {
      const response = await adminEdit(bad);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('reset restores the pristine records and empties the feed', async () => {
    await adminEdit({ partnerId: '1000000001', changes: { lastName: 'Changed' } });
    await fetch(`${sim.url}/__admin/reset`, { method: 'POST' });
    const read = single<BusinessPartnerEntity>((await get(`${BUSINESS_PARTNER_PATH}('1000000001')`)).body).d;
    expect(read.LastName).toBe('Family0');
    expect(collection<ChangeEventEntity>((await get(CHANGE_EVENT_PATH)).body).d.results).toEqual([]);
  });

  it('counts requests by operation in the stats', async () => {
    await get(`${BUSINESS_PARTNER_PATH}('1000000001')`);
    await get(query(BUSINESS_PARTNER_PATH, { $filter: "BusinessPartner eq '1000000001'" }));
    await get(query(SALES_ORDER_PATH, { $filter: "SoldToParty eq '1000000001'" }));
    const stats = await (await fetch(`${sim.url}/__admin/stats`)).json();
    expect(stats.byOperation).toEqual({ getBusinessPartner: 1, queryBusinessPartners: 1, querySalesOrders: 1 });
  });

  describe('faults', () => {
    const setFaults = (config: unknown) =>
      fetch(`${sim.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });

    it('answers the error fault with a 500 OData error', async () => {
      await setFaults({ errorRate: 1 });
      const { status, body } = await get(`${BUSINESS_PARTNER_PATH}('1000000001')`);
      expect(status).toBe(500);
      errorBody(body);
    });

    it('drops the connection during an outage', async () => {
      await setFaults({ down: true });
      await expect(fetch(`${sim.url}${BUSINESS_PARTNER_PATH}('1000000001')`)).rejects.toMatchObject({ name: 'TypeError' }); // jest's realm differs from undici's: match by name
    });

    it('truncates the body under the malformed fault', async () => {
      await setFaults({ malformedRate: 1 });
      const response = await fetch(`${sim.url}${BUSINESS_PARTNER_PATH}('1000000001')`);
      await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' });
    });

    it('delays answers under the latency fault past a short client timeout', async () => {
      await setFaults({ latencyMs: 400 });
      await expect(fetch(`${sim.url}${BUSINESS_PARTNER_PATH}('1000000001')`, { signal: AbortSignal.timeout(20) })).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    });
  });
});

describe('ERP simulator with a streamed extract source', () => {
  it('walks a stream page by page in one pass, edits applied', async () => {
    const population = samplePartners(30);
    let passes = 0;
    async function* source(): AsyncIterable<BusinessPartnerRecord> {
      passes += 1;
      yield* population;
    }
    const streamed = await startErpSimulator({ records: population.slice(0, 5), pageSize: 8, extractSource: source });
    try {
      await fetch(`${streamed.url}/__admin/records`, {
        method: 'POST',
        body: JSON.stringify({ partnerId: '1000000002', changes: { firstName: 'Edited' } }),
      });
      const ids: string[] = [];
      const names: string[] = [];
      let next: string | undefined = `${BUSINESS_PARTNER_PATH}?$format=json`;
      while (next) {
        const url: URL = new URL(next, streamed.url);
        const page = collection<BusinessPartnerEntity>(await (await fetch(`${streamed.url}${url.pathname}${url.search}`)).json());
        ids.push(...page.d.results.map((r) => r.BusinessPartner));
        names.push(...page.d.results.map((r) => r.FirstName));
        next = page.d.__next;
      }
      expect(ids).toEqual(population.map((p) => p.partnerId));
      expect(names[1]).toBe('Edited');
      expect(passes).toBe(1);
    } finally {
      await streamed.close();
    }
  });
});
