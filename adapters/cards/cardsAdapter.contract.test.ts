import type { SourceParty } from '../canonical';
import {
  defaultSystemConfig,
  InvalidIdError,
  UpstreamProtocolError,
  UpstreamTimeout,
  UpstreamUnavailable,
  type BreakerState,
  type SystemClientConfig,
} from '../kit';
import type { RunningSimulator } from '../../simulators/kit/simulatorServer';
import { startCardsSimulator } from '../../simulators/cards/cardsSimulator';
import { cardholderId, cardId, makeCardholders } from '../../simulators/cards/cardsTestRecords';
import { createCardsAdapter, type CardsAdapter } from './cardsAdapter';
import { InvalidArgumentError } from './cardsInput';
import { createCardsLoaders } from './cardsLoaders';
import { containsUnmaskedPan } from './panMask';

/**
 * The cards adapter against the live cards simulator on loopback: the contract every
 * cards-subgraph resolver relies on, including the failure modes.
 */
const records = makeCardholders(250);

let sim: RunningSimulator;
const adapters: CardsAdapter[] = [];

/** Small timeouts and backoffs keep failure tests fast; each test gets its own client (own breaker). */
function configFor(url: string, overrides: Partial<SystemClientConfig> = {}): SystemClientConfig {
  const base = defaultSystemConfig('CARDS', url);
  return {
    ...base,
    timeoutMs: 1000,
    retry: { ...base.retry, initialDelayMs: 1, maxDelayMs: 5 },
    retryBudget: { ratio: 1, minPerSecond: 100, windowMs: 10_000 },
    ...overrides,
  };
}

function adapterFor(url: string, overrides: Partial<SystemClientConfig> = {}, options: Parameters<typeof createCardsAdapter>[1] = {}) {
  const adapter = createCardsAdapter(configFor(url, overrides), options);
  adapters.push(adapter);
  return adapter;
}

async function stats(url = sim.url): Promise<{ total: number; byOperation: Record<string, number> }> {
  return (await (await fetch(`${url}/__admin/stats`)).json()) as { total: number; byOperation: Record<string, number> };
}

async function adminPost(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  sim = await startCardsSimulator({ records });
});
afterEach(async () => {
  for (const adapter of adapters.splice(0)) adapter.close();
  await adminPost('/__admin/reset', {});
});
afterAll(async () => {
  await sim.close();
});

describe('cards adapter: happy paths', () => {
  it('gets parties by id, an unknown id as null', async () => {
    const adapter = adapterFor(sim.url);
    const parties = await adapter.getParties([cardholderId(1), 'CH99999999', cardholderId(2)]);
    expect(parties.get('CH99999999')).toBeNull();
    expect(parties.get(cardholderId(1))).toEqual<SourceParty>({
      system: 'CARDS',
      localId: cardholderId(1),
      givenName: 'ALEX J',
      familyName: 'HOLDER1',
      rawName: 'HOLDER1/ALEX J',
      birthDate: '1980-02-29',
      nationalId: null,
      phones: ['07700 900123'],
      emails: ['holder1@example.test'],
      address: { line1: '1 High Street', line2: null, city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
      changedAt: '2026-10-01T09:00:00.000Z',
    });
    expect(parties.get(cardholderId(2))).toMatchObject({ address: null, birthDate: null });
  });

  it('gets the cards of many cardholders in one call, masked', async () => {
    const adapter = adapterFor(sim.url);
    const cards = await adapter.getCards([cardholderId(1), cardholderId(5), 'CH99999999']);
    expect(cards.get(cardholderId(1))?.map((c) => c.cardId)).toEqual([cardId(1, 0), cardId(1, 1)]);
    expect(cards.get(cardholderId(5))?.[0]).toEqual({
      cardId: cardId(5, 0),
      cardholderId: cardholderId(5),
      // The simulator served 4111110000500004 (PROTOCOL.md); the adapter keeps BIN + last 4.
      maskedPan: '411111******0004',
      product: 'VISA CLASSIC',
      creditLimit: { amountMinor: 500000, currency: 'GBP' },
      balance: { amountMinor: 12350, currency: 'GBP' },
      status: 'ACTIVE',
      expiry: '2028-09',
    });
    expect(cards.get('CH99999999')).toBeNull();
    expect(containsUnmaskedPan(JSON.stringify([...cards]))).toBe(false);
  });

  it('pages through a card transactions exactly once; an unknown card is null', async () => {
    const adapter = adapterFor(sim.url);
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<CardsAdapter['getCardTransactions']>> = await adapter.getCardTransactions(cardId(1, 1), { first: 10, after });
      expect(page).not.toBeNull();
      ids.push(...page!.transactions.map((t) => t.id));
      expect(page!.transactions.every((t) => t.cardId === cardId(1, 1) && t.amount.currency === 'GBP')).toBe(true);
      if (!page!.hasNextPage) break;
      after = page!.nextCursor;
    }
    expect(ids).toHaveLength(57);
    expect(new Set(ids).size).toBe(57);
    expect(await adapter.getCardTransactions('CRD999999999')).toBeNull();
  });

  it('extracts every party in one NDJSON stream', async () => {
    const adapter = adapterFor(sim.url);
    const ids: string[] = [];
    for await (const party of adapter.extractParties()) ids.push(party.localId);
    expect(ids).toEqual(records.map((r) => r.cardholderId));
    expect((await stats()).byOperation).toEqual({ streamCardholders: 1 });
  });

  it('stops the stream when the consumer stops', async () => {
    const adapter = adapterFor(sim.url);
    const ids: string[] = [];
    for await (const party of adapter.extractParties()) {
      ids.push(party.localId);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(records.slice(0, 3).map((r) => r.cardholderId));
    // The connection is usable again right away.
    expect((await adapter.getParties([cardholderId(1)])).get(cardholderId(1))).not.toBeNull();
  });

  it('extracts every party page by page in pages mode', async () => {
    const adapter = adapterFor(sim.url, {}, { extractMode: 'pages', extractPageSize: 60 });
    const ids: string[] = [];
    for await (const party of adapter.extractParties()) ids.push(party.localId);
    expect(ids).toEqual(records.map((r) => r.cardholderId));
    expect((await stats()).byOperation.extractCardholders).toBe(5);
  });

  it('reads the change feed from a cursor', async () => {
    const adapter = adapterFor(sim.url);
    const head = await adapter.changes();
    expect(head.changes).toEqual([]);
    await adminPost('/__admin/records', { cardholderId: cardholderId(7), changes: { email: 'moved@example.test' } });
    const page = await adapter.changes(head.nextCursor);
    expect(page.changes).toEqual([{ system: 'CARDS', entity: 'party', localId: cardholderId(7), changedAt: expect.any(String) }]);
    expect((await adapter.changes(page.nextCursor)).changes).toEqual([]);
    expect((await adapter.getParties([cardholderId(7)])).get(cardholderId(7))?.emails).toEqual(['moved@example.test']);
  });
});

describe('cards adapter: batching and input validation', () => {
  it('costs ceil(N/100) requests for N ids', async () => {
    const adapter = adapterFor(sim.url);
    const ids = records.map((r) => r.cardholderId); // 250
    const parties = await adapter.getParties(ids);
    expect([...parties.values()].every((p) => p !== null)).toBe(true);
    await adapter.getCards(ids.slice(0, 100));
    expect((await stats()).byOperation).toEqual({ listCardholders: 3, listCards: 1 });
  });

  it('batches loader calls made in one tick, deduplicated', async () => {
    const adapter = adapterFor(sim.url);
    const loaders = createCardsLoaders(adapter);
    const ids = records.slice(0, 201).map((r) => r.cardholderId);
    const parties = await Promise.all([...ids, ...ids.slice(0, 10)].map((id) => loaders.parties.load(id)));
    expect(parties.map((p) => p?.localId)).toEqual([...ids, ...ids.slice(0, 10)]);
    const cards = await Promise.all([cardholderId(1), 'CH99999999'].map((id) => loaders.cards.load(id)));
    expect(cards[0]).toHaveLength(2);
    expect(cards[1]).toBeNull();
    expect((await stats()).byOperation).toEqual({ listCardholders: 3, listCards: 1 });
  });

  it('refuses an invalid id before any upstream call', async () => {
    const adapter = adapterFor(sim.url);
    await expect(adapter.getParties([cardholderId(1), 'CH123'])).rejects.toBeInstanceOf(InvalidIdError);
    await expect(adapter.getCards(['1234567890'])).rejects.toBeInstanceOf(InvalidIdError);
    await expect(adapter.getCardTransactions('4111111111111111')).rejects.toBeInstanceOf(InvalidIdError);
    await expect(adapter.getCardTransactions(cardId(1, 1), { first: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(adapter.getCardTransactions(cardId(1, 1), { after: 'not a cursor!' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(adapter.changes('../../etc')).rejects.toBeInstanceOf(InvalidArgumentError);
    // Through a loader, a bad key fails alone and its batch still goes out for the good keys.
    const loaders = createCardsLoaders(adapter);
    const [good, bad] = await Promise.allSettled([loaders.parties.load(cardholderId(3)), loaders.parties.load('CH1')]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { localId: cardholderId(3) } });
    expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(InvalidIdError) });
    await expect(loaders.cards.load('nope')).rejects.toBeInstanceOf(InvalidIdError);
    expect((await stats()).byOperation).toEqual({ listCardholders: 1 });
  });

  it('refuses a cursor the processor does not know as a rejected request', async () => {
    const adapter = adapterFor(sim.url);
    await expect(adapter.getCardTransactions(cardId(1, 1), { after: 'bm9wZQ' })).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED' });
  });
});

describe('cards adapter: failures', () => {
  it('turns a slow answer into UpstreamTimeout', async () => {
    await adminPost('/__admin/faults', { latencyMs: 500 });
    const adapter = adapterFor(sim.url, { timeoutMs: 50, retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } });
    await expect(adapter.getParties([cardholderId(1)])).rejects.toBeInstanceOf(UpstreamTimeout);
  });

  it('turns 5xx into UpstreamUnavailable after retrying', async () => {
    await adminPost('/__admin/faults', { errorRate: 1 });
    const adapter = adapterFor(sim.url, { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2000 } });
    await expect(adapter.getParties([cardholderId(1)])).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect((await stats()).byOperation.listCardholders).toBe(3); // first attempt + 2 retries
  });

  it('turns a truncated body into UpstreamProtocolError', async () => {
    await adminPost('/__admin/faults', { malformedRate: 1 });
    const adapter = adapterFor(sim.url);
    await expect(adapter.getCards([cardholderId(1)])).rejects.toBeInstanceOf(UpstreamProtocolError);
    await expect(adapter.getCardTransactions(cardId(1, 1))).rejects.toBeInstanceOf(UpstreamProtocolError);
  });

  it('reports a cut-short extract stream as UpstreamProtocolError, a failing one as UpstreamUnavailable', async () => {
    const adapter = adapterFor(sim.url);
    const drain = async () => {
      for await (const party of adapter.extractParties()) void party;
    };
    await adminPost('/__admin/faults', { malformedRate: 1 });
    await expect(drain()).rejects.toBeInstanceOf(UpstreamProtocolError);
    await adminPost('/__admin/faults', { malformedRate: 0, errorRate: 1 });
    await expect(drain()).rejects.toBeInstanceOf(UpstreamUnavailable);
  });

  it('turns a stalled extract stream into UpstreamTimeout', async () => {
    const [template] = makeCardholders(1);
    const stalled = await startCardsSimulator({
      records: [],
      extractSource: async function* () {
        // Enough records to fill the first chunk the processor sends, then it stops mid-stream.
        for (let i = 0; i < 500; i += 1) yield { ...template, cardholderId: cardholderId(i) };
        await new Promise(() => undefined);
      },
    });
    try {
      // Long enough for the first chunk to arrive on a loaded machine; the stall is endless, so
      // the timeout still ends the read.
      const adapter = adapterFor(stalled.url, { timeoutMs: 2000 });
      let received = 0;
      const drain = async () => {
        for await (const party of adapter.extractParties()) received += party ? 1 : 0;
      };
      await expect(drain()).rejects.toBeInstanceOf(UpstreamTimeout);
      expect(received).toBeGreaterThan(0);
    } finally {
      await stalled.close();
    }
  });

  it('opens the breaker in an outage, half-opens, and recovers', async () => {
    const states: BreakerState[] = [];
    const adapter = adapterFor(
      sim.url,
      {
        retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 },
        breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 2, halfOpenAfterMs: 500 },
      },
      { hooks: { onBreakerState: ({ state }) => states.push(state) } },
    );
    await adminPost('/__admin/faults', { down: true });
    for (let i = 0; i < 2; i += 1) await expect(adapter.getParties([cardholderId(1)])).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(adapter.breakerState()).toBe('open');
    // Open: the next call fails fast, without trying the connection.
    await expect(adapter.getParties([cardholderId(1)])).rejects.toThrow(/breaker open after/);
    await adminPost('/__admin/faults', { down: false });
    // After halfOpenAfter the breaker lets one trial call through; poll until it has.
    const recovered = await pollUntil(async () => {
      try {
        return (await adapter.getParties([cardholderId(1)])).get(cardholderId(1)) ?? null;
      } catch (error) {
        if (error instanceof UpstreamUnavailable) return null;
        throw error;
      }
    });
    expect(recovered.localId).toBe(cardholderId(1));
    expect(states).toEqual(['open', 'half-open', 'closed']);
    expect(adapter.breakerState()).toBe('closed');
  });

  it('waits out a 429 Retry-After and succeeds', async () => {
    // 1 token/s, burst 1: the first call empties the bucket, the second (well within a second)
    // gets 429 with Retry-After: 1, and a second later the bucket holds a token again.
    const limited = await startCardsSimulator({ records, rateLimitPerSecond: 1 });
    try {
      const retries: number[] = [];
      const adapter = adapterFor(limited.url, {}, { hooks: { onRetry: (e) => retries.push(e.delayMs) } });
      await adapter.getParties([cardholderId(1)]);
      const parties = await adapter.getParties([cardholderId(2)]);
      expect(parties.get(cardholderId(2))?.localId).toBe(cardholderId(2));
      // Each retry waited exactly what Retry-After asked (a timer firing a hair early may cost one more).
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries.every((delay) => delay === 1000)).toBe(true);
      expect((await stats(limited.url)).byOperation.listCardholders).toBe(2 + retries.length);
    } finally {
      await limited.close();
    }
  });
});

/** Calls `attempt` until it yields a value, pausing briefly between tries; fails after `deadlineMs`. */
async function pollUntil<T>(attempt: () => Promise<T | null>, deadlineMs = 5000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await attempt();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('condition not reached before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
