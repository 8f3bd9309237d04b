import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '../kit/simulatorServer';
import { readCardholderFile } from './cardholderFile';
import { resolveRateLimit, startCardsSimulator } from './cardsSimulator';
import { cardholderId, cardId, makeCardholders } from './cardsTestRecords';

const records = makeCardholders(250);

let sim: RunningSimulator;
/** Every body the simulator sent, checked for PANs at the end. */
const bodies: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies ad hoc
async function call(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(`${sim.url}${path}`, init);
  const text = await response.text();
  bodies.push(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const admin = (path: string, body: unknown) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  sim = await startCardsSimulator({ records, port: 0 });
});
afterEach(async () => {
  await admin('/__admin/reset', {});
});
afterAll(async () => {
  await sim.close();
});

describe('cards simulator: cardholders', () => {
  it('answers a cardholder by id in the processor dialect', async () => {
    const { status, json } = await call(`/v1/cardholders/${cardholderId(1)}`);
    expect(status).toBe(200);
    expect(json).toEqual({
      object: 'cardholder',
      id: 'CH00000001',
      name_on_card: 'HOLDER1/ALEX J',
      birth_date: '1980-02-29',
      email: 'holder1@example.test',
      phone_number: '07700 900123',
      billing_address: { line1: '1 High Street', line2: null, city: 'Leeds', postal_code: 'LS1 1AA', country: 'GB' },
      updated_at: '2026-10-01T09:00:00.000Z',
    });
  });

  it('gives a sparse record a null address', async () => {
    const { json } = await call(`/v1/cardholders/${cardholderId(2)}`);
    expect(json.billing_address).toBeNull();
    expect(json.birth_date).toBeNull();
  });

  it('answers 404 for an unknown cardholder and 400 for a malformed id', async () => {
    const unknown = await call('/v1/cardholders/CH99999999');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: { code: 'resource_missing', message: expect.any(String) } });
    const malformed = await call('/v1/cardholders/12345');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('invalid_request');
  });

  it('answers a batch, listing the ids it does not know', async () => {
    const { status, json } = await call(`/v1/cardholders?ids=${cardholderId(3)},CH99999999,${cardholderId(4)}`);
    expect(status).toBe(200);
    expect(json.data.map((c: { id: string }) => c.id)).toEqual([cardholderId(3), cardholderId(4)]);
    expect(json.missing_ids).toEqual(['CH99999999']);
  });

  it('refuses a batch of more than 100 ids, an empty one and a malformed one', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => cardholderId(i + 1)).join(',');
    expect((await call(`/v1/cardholders?ids=${ids}`)).status).toBe(400);
    expect((await call('/v1/cardholders')).status).toBe(400);
    expect((await call('/v1/cardholders?ids=CH1,CH2')).status).toBe(400);
    const hundred = Array.from({ length: 100 }, (_, i) => cardholderId(i + 1)).join(',');
    expect((await call(`/v1/cardholders?ids=${hundred}`)).json.data).toHaveLength(100);
  });

  it('answers an unknown route in its own dialect', async () => {
    const { status, json } = await call('/v2/nothing');
    expect(status).toBe(404);
    expect(json.error.code).toBe('route_not_found');
  });
});

describe('cards simulator: cards and transactions', () => {
  it('lists the cards of a cardholder, masked', async () => {
    const { status, json } = await call(`/v1/cardholders/${cardholderId(1)}/cards`);
    expect(status).toBe(200);
    expect(json.data).toHaveLength(2);
    expect(json.data[0]).toEqual({
      object: 'card',
      id: cardId(1, 0),
      cardholder_id: cardholderId(1),
      pan: '4111110000100003',
      last4: '0003',
      product: 'VISA CLASSIC',
      currency: 'GBP',
      credit_limit: 500000,
      current_balance: 12346,
      status: 'active',
      exp_month: 9,
      exp_year: 2028,
    });
    expect((await call('/v1/cardholders/CH99999999/cards')).status).toBe(404);
  });

  it('serves the full card number on the card detail endpoint, as a processor does for its issuer', async () => {
    const { status, json } = await call(`/v1/cards/${cardId(3, 0)}`);
    expect(status).toBe(200);
    // 411111 000030 000 + the Luhn digit, worked by hand: doubled digits 0,0,3,0,0,1,1,4 -> 0,0,6,0,0,2,2,8 = 18,
    // the others 0,0,0,0,1,1,1 = 3; 21 -> check digit 9.
    expect(json).toMatchObject({ id: cardId(3, 0), pan: '4111110000300009', last4: '0009' });
  });

  it('answers cards for a batch of cardholders', async () => {
    const { json } = await call(`/v1/cards?cardholder_ids=${cardholderId(1)},${cardholderId(5)},CH99999999`);
    expect(json.data.map((c: { cardholder_id: string }) => c.cardholder_id)).toEqual([cardholderId(1), cardholderId(1), cardholderId(5)]);
    expect(json.missing_ids).toEqual(['CH99999999']);
    const ids = Array.from({ length: 101 }, (_, i) => cardholderId(i + 1)).join(',');
    expect((await call(`/v1/cards?cardholder_ids=${ids}`)).status).toBe(400);
  });

  it('walks every transaction of a card exactly once, newest first', async () => {
    const seen: string[] = [];
    const postedAt: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=10&cursor=${cursor}` : 'limit=10';
      const { status, json } = await call(`/v1/cards/${cardId(1, 1)}/transactions?${query}`);
      expect(status).toBe(200);
      seen.push(...json.data.map((t: { id: string }) => t.id));
      postedAt.push(...json.data.map((t: { posted_at: string }) => t.posted_at));
      expect(json.has_more).toBe(json.next_cursor !== null);
      cursor = json.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(6);
    expect(seen).toHaveLength(57);
    expect(new Set(seen).size).toBe(57);
    expect([...postedAt].sort().reverse()).toEqual(postedAt);
  });

  it('refuses a bad cursor, a cursor of another card and a bad limit', async () => {
    const first = await call(`/v1/cards/${cardId(1, 1)}/transactions?limit=5`);
    const path = `/v1/cards/${cardId(1, 0)}/transactions`;
    expect((await call(`${path}?cursor=${first.json.next_cursor}`)).status).toBe(400);
    expect((await call(`${path}?cursor=garbage!`)).status).toBe(400);
    for (const limit of ['0', '101', 'abc', '-3']) expect((await call(`${path}?limit=${limit}`)).status).toBe(400);
    expect((await call('/v1/cards/CRD999999999/transactions')).status).toBe(404);
    expect((await call('/v1/cards/12/transactions')).status).toBe(400);
  });
});

describe('cards simulator: bulk extract', () => {
  async function walkExtract(limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=${limit}&cursor=${cursor}` : `limit=${limit}`;
      const { status, json } = await call(`/v1/extracts/cardholders?${query}`);
      expect(status).toBe(200);
      ids.push(...json.data.map((c: { id: string }) => c.id));
      cursor = json.next_cursor;
    } while (cursor);
    return ids;
  }

  it('lists each cardholder\'s cards with their full numbers, as a nightly cardholder file does', async () => {
    const { json } = await call('/v1/extracts/cardholders?limit=1');
    expect(json.data[0].cards).toEqual([
      { id: cardId(1, 0), pan: '4111110000100003', exp_month: 9, exp_year: 2028, status: 'active' },
      { id: cardId(1, 1), pan: expect.stringMatching(/^411111000011000\d$/), exp_month: 9, exp_year: 2028, status: 'active' },
    ]);
  });

  it('walks every cardholder exactly once', async () => {
    const ids = await walkExtract(40);
    expect(ids).toEqual(records.map((r) => r.cardholderId));
  });

  it('refuses a bad extract cursor', async () => {
    expect((await call('/v1/extracts/cardholders?cursor=nope')).status).toBe(400);
    expect((await call('/v1/extracts/cardholders?limit=5000')).status).toBe(400);
  });

  it('serves the extract from a file source without loading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cards-extract-'));
    const file = join(dir, 'cards.jsonl');
    const fileRecords = makeCardholders(30);
    await writeFile(file, fileRecords.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const fileSim = await startCardsSimulator({ records: [], extractSource: () => readCardholderFile(file) });
    try {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `limit=7&cursor=${cursor}` : 'limit=7';
        const json = (await (await fetch(`${fileSim.url}/v1/extracts/cardholders?${query}`)).json()) as {
          data: Array<{ id: string }>;
          next_cursor: string | null;
        };
        ids.push(...json.data.map((c) => c.id));
        cursor = json.next_cursor;
      } while (cursor);
      expect(ids).toEqual(fileRecords.map((r) => r.cardholderId));
      const streamed = (await (await fetch(`${fileSim.url}/v1/extracts/cardholders/stream`)).text()).trimEnd().split('\n');
      expect(streamed).toHaveLength(fileRecords.length + 1);
    } finally {
      await fileSim.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cards simulator: streamed extract', () => {
  it('streams every cardholder as NDJSON, then a counting trailer', async () => {
    const response = await fetch(`${sim.url}/v1/extracts/cardholders/stream`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await response.text();
    bodies.push(text);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.slice(0, -1).map((c: { id: string }) => c.id)).toEqual(records.map((r) => r.cardholderId));
    expect(lines[lines.length - 1]).toEqual({ object: 'extract_end', count: records.length });
  });

  it('pulls the source only as fast as the client reads (backpressure)', async () => {
    const total = 300_000;
    let pulled = 0;
    let closed!: () => void;
    const sourceClosed = new Promise<void>((resolve) => (closed = resolve));
    const [template] = makeCardholders(1);
    async function* lazySource() {
      try {
        for (let i = 0; i < total; i += 1) {
          pulled += 1;
          yield { ...template, cardholderId: cardholderId(i) };
        }
      } finally {
        closed();
      }
    }
    const lazy = await startCardsSimulator({ records: [], extractSource: lazySource });
    try {
      // Read one chunk, then hang up: the server must stop pulling and close the source.
      await new Promise<void>((resolve, reject) => {
        const request = http.get(`${lazy.url}/v1/extracts/cardholders/stream`, (response) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      });
      await sourceClosed;
      // A full walk would be ~90 MB; socket buffers hold a few MB at most.
      expect(pulled).toBeLessThan(total);
    } finally {
      await lazy.close();
    }
  });

  it('cuts the stream short under the malformed fault', async () => {
    await admin('/__admin/faults', { malformedRate: 1 });
    const text = await (await fetch(`${sim.url}/v1/extracts/cardholders/stream`)).text();
    expect(text).not.toContain('extract_end');
  });
});

describe('cards simulator: change feed, edits and reset', () => {
  it('reports an admin edit on the change feed and serves the new value', async () => {
    const head = await call('/v1/events');
    expect(head.json.data).toEqual([]);
    const edit = await admin('/__admin/records', { cardholderId: cardholderId(7), changes: { email: 'new@example.test' } });
    expect(edit.status).toBe(200);
    const events = await call(`/v1/events?cursor=${head.json.next_cursor}`);
    expect(events.json.data).toEqual([
      { object: 'event', type: 'party.updated', entity: 'party', local_id: cardholderId(7), created_at: expect.any(String) },
    ]);
    const after = await call(`/v1/events?cursor=${events.json.next_cursor}`);
    expect(after.json.data).toEqual([]);
    const record = await call(`/v1/cardholders/${cardholderId(7)}`);
    expect(record.json.email).toBe('new@example.test');
    expect(record.json.updated_at).not.toBe('2026-10-01T09:00:00.000Z');
  });

  it('edits a card and reports it as a card change', async () => {
    const edit = await admin('/__admin/records', { cardId: cardId(8, 0), changes: { status: 'BLOCKED' } });
    expect(edit.status).toBe(200);
    expect((await call(`/v1/cards/${cardId(8, 0)}`)).json.status).toBe('blocked');
    expect((await call('/v1/events')).json.data[0]).toMatchObject({ entity: 'card', local_id: cardId(8, 0) });
  });

  it('refuses an edit it cannot apply', async () => {
    expect((await admin('/__admin/records', { cardholderId: 'CH99999999', changes: { email: 'x@example.test' } })).status).toBe(400);
    expect((await admin('/__admin/records', { cardholderId: cardholderId(1), changes: { shoeSize: 9 } })).status).toBe(400);
    expect((await admin('/__admin/records', { cardholderId: cardholderId(1), changes: {} })).status).toBe(400);
    expect((await admin('/__admin/records', 'not json')).status).toBe(400);
  });

  it('restores the pristine records and an empty feed on reset', async () => {
    await admin('/__admin/records', { cardholderId: cardholderId(9), changes: { nameOnCard: 'SMITH/JO' } });
    await admin('/__admin/reset', {});
    expect((await call(`/v1/cardholders/${cardholderId(9)}`)).json.name_on_card).toBe('HOLDER9/ALEX J');
    expect((await call('/v1/events')).json.data).toEqual([]);
  });

  it('refuses a bad events cursor', async () => {
    expect((await call('/v1/events?cursor=%%%')).status).toBe(400);
  });
});

describe('cards simulator: faults and limits', () => {
  it('answers the error fault with a 500 in its dialect', async () => {
    await admin('/__admin/faults', { errorRate: 1 });
    const { status, json } = await call(`/v1/cardholders/${cardholderId(1)}`);
    expect(status).toBe(500);
    expect(json.error.code).toBe('api_error');
  });

  it('drops the connection when down', async () => {
    await admin('/__admin/faults', { down: true });
    await expect(fetch(`${sim.url}/v1/cardholders/${cardholderId(1)}`)).rejects.toThrow();
  });

  it('truncates the body when malformed', async () => {
    await admin('/__admin/faults', { malformedRate: 1 });
    const { status, text } = await call(`/v1/cardholders/${cardholderId(1)}`);
    expect(status).toBe(200);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('still answers under injected latency', async () => {
    await admin('/__admin/faults', { latencyMs: 20, jitterMs: 5 });
    expect((await call(`/v1/cardholders/${cardholderId(1)}`)).status).toBe(200);
  });

  it('counts requests by operation', async () => {
    await call(`/v1/cardholders/${cardholderId(1)}`);
    await call(`/v1/cardholders?ids=${cardholderId(1)}`);
    const { json } = await call('/__admin/stats');
    expect(json.byOperation).toEqual({ getCardholder: 1, listCardholders: 1 });
  });

  it('answers 429 with Retry-After beyond the configured rate', async () => {
    // A frozen clock: no tokens ever flow back, so the outcome does not depend on timing.
    const limited = await startCardsSimulator({ records, rateLimitPerSecond: 2, clock: () => 0 });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 3; i += 1) {
        last = await fetch(`${limited.url}/v1/cardholders/${cardholderId(1)}`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(last!.headers.get('retry-after')).toBe('1');
      expect(await last!.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      // The operator API is never rate limited.
      expect((await fetch(`${limited.url}/__admin/stats`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('resolves the rate from option, environment or default, refusing nonsense', () => {
    expect(resolveRateLimit(7, '9')).toBe(7);
    expect(resolveRateLimit(undefined, '9')).toBe(9);
    expect(resolveRateLimit(undefined, undefined)).toBe(5000);
    expect(() => resolveRateLimit(undefined, 'fast')).toThrow(RangeError);
    expect(() => resolveRateLimit(-1, undefined)).toThrow(RangeError);
  });
});

afterAll(() => {
  // Runs after every test above: card numbers went out only in the `pan` field, never in other
  // text (a transaction, an error message): the adapter masks `pan`, so that is where they belong.
  expect(bodies.length).toBeGreaterThan(50);
  for (const body of bodies) expect(body.replace(/"pan":"\d{16}"/g, '"pan":""')).not.toMatch(/\d{13,19}/);
});
