import { defaultSystemConfig, InvalidIdError, UpstreamProtocolError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable, type SystemClientConfig } from '../kit';
import type { RunningSimulator } from '../../simulators/kit/simulatorServer';
import { samplePartners } from '../../simulators/erp/erpFixtures';
import { startErpSimulator } from '../../simulators/erp/erpSimulator';
import { createErpAdapter, type ErpAdapter, type ErpAdapterOptions } from './erpAdapter';
import { createErpLoaders } from './erpLoaders';
import { MAX_FILTER_COMPARISONS } from './erpProtocol';

/**
 * The ERP adapter against the live simulator on loopback: the contract every front end relies on.
 */

const population = samplePartners(120);
const ids = population.map((p) => p.partnerId);
let sim: RunningSimulator;
const adapters: ErpAdapter[] = [];

beforeAll(async () => {
  sim = await startErpSimulator({ records: population }); // default page size 1000: a batch fits one page
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await fetch(`${sim.url}/__admin/reset`, { method: 'POST' });
});
afterEach(() => {
  while (adapters.length > 0) adapters.pop()!.close();
});

function clientConfig(overrides: Partial<SystemClientConfig> = {}): SystemClientConfig {
  const base = defaultSystemConfig('ERP', sim.url);
  return { ...base, timeoutMs: 1000, retry: { ...base.retry, maxRetries: 0 }, ...overrides };
}

function adapter(overrides: Partial<SystemClientConfig> = {}, options: Omit<ErpAdapterOptions, 'config'> = {}): ErpAdapter {
  const created = createErpAdapter({ config: clientConfig(overrides), ...options });
  adapters.push(created);
  return created;
}

async function setFaults(config: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.url}/__admin/faults`, { method: 'POST', body: JSON.stringify(config) });
  expect(response.status).toBe(200);
}

async function stats(): Promise<{ total: number; byOperation: Record<string, number> }> {
  return (await fetch(`${sim.url}/__admin/stats`)).json();
}

/** Re-checks a condition until it holds (bounded), instead of sleeping a fixed time. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never held');
}

describe('ERP adapter (contract, live simulator)', () => {
  it('reads parties by id in the canonical shape, unknown ids as null', async () => {
    const erp = adapter();
    const found = await erp.getParties(['1000000002', '1999999999', '1000000003']);
    expect([...found.keys()]).toEqual(['1000000002', '1999999999', '1000000003']);
    expect(found.get('1000000002')).toEqual({
      system: 'ERP',
      localId: '1000000002',
      givenName: 'Given1',
      familyName: "O'Brien",
      rawName: null,
      birthDate: null,
      nationalId: null,
      phones: ['+49305550001'],
      emails: ['person1@example.test'],
      address: { line1: 'Hauptstrasse 2', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
      changedAt: population[1].changedAt,
    });
    expect(found.get('1999999999')).toBeNull();
    expect(found.get('1000000003')?.emails).toEqual([]);
  });

  it('reads one party by key, and not-found as null', async () => {
    const erp = adapter();
    expect((await erp.getParty('1000000001'))?.givenName).toBe('Given0');
    expect(await erp.getParty('1999999999')).toBeNull();
  });

  it('reads sales orders per partner with exact money and mapped statuses', async () => {
    const erp = adapter();
    const orders = await erp.getSalesOrders(['1000000001', '1000000002', '1000000003']);
    expect(orders.get('1000000001')).toEqual([]);
    expect(orders.get('1000000002')).toEqual([
      {
        orderId: '5000000010',
        partnerId: '1000000002',
        createdAt: '2026-01-15T00:00:00.000Z',
        netValue: { amountMinor: 12346, currency: 'EUR' },
        deliveryStatus: 'PARTIALLY_DELIVERED',
        billingStatus: 'PARTIALLY_BILLED',
      },
    ]);
    expect(orders.get('1000000003')?.map((o) => o.netValue)).toEqual([
      { amountMinor: 12347, currency: 'EUR' },
      { amountMinor: 24692, currency: 'JPY' },
    ]);
  });

  it(`batches N ids into ceil(N / ${MAX_FILTER_COMPARISONS}) requests`, async () => {
    const erp = adapter();
    const parties = await erp.getParties(ids.slice(0, 95));
    expect([...parties.values()].every((p) => p !== null)).toBe(true);
    await erp.getSalesOrders(ids.slice(0, 95));
    expect((await stats()).byOperation).toEqual({ queryBusinessPartners: 3, querySalesOrders: 3 });
  });

  it('follows __next when one batch has more orders than a page', async () => {
    // 40 partners hold 39 orders; with a page size of 25 one batch takes two pages.
    const small = await startErpSimulator({ records: population, pageSize: 25 });
    const erp = createErpAdapter({ config: { ...clientConfig(), baseUrl: small.url } });
    try {
      const orders = await erp.getSalesOrders(ids.slice(0, 40));
      expect([...orders.values()].flat()).toHaveLength(population.slice(0, 40).reduce((n, p) => n + p.orders.length, 0));
      expect((await (await fetch(`${small.url}/__admin/stats`)).json()).byOperation).toEqual({ querySalesOrders: 2 });
    } finally {
      erp.close();
      await small.close();
    }
  });

  it('batches loader calls made in one tick, and rejects only the invalid key', async () => {
    const loaders = createErpLoaders(adapter());
    const results = await Promise.allSettled([...ids.slice(0, 50), 'not-an-id'].map((id) => loaders.parties.load(id)));
    expect(results.slice(0, 50).every((r) => r.status === 'fulfilled' && r.value !== null)).toBe(true);
    expect(results[50]).toMatchObject({ status: 'rejected', reason: expect.any(InvalidIdError) });
    const orders = await loaders.salesOrders.loadMany(ids.slice(0, 3));
    expect(orders.map((o) => (Array.isArray(o) ? o.length : -1))).toEqual([0, 1, 2]);
    expect((await stats()).byOperation).toEqual({ queryBusinessPartners: 2, querySalesOrders: 1 });
  });

  it('refuses invalid ids before any upstream call', async () => {
    const erp = adapter();
    for (const bad of ['123', '10000000011', "1000000001' or BusinessPartner ne '", '']) {
      await expect(erp.getParties(['1000000001', bad])).rejects.toBeInstanceOf(InvalidIdError);
      await expect(erp.getSalesOrders([bad])).rejects.toBeInstanceOf(InvalidIdError);
      await expect(erp.getParty(bad)).rejects.toBeInstanceOf(InvalidIdError);
    }
    await expect(erp.changes('x')).rejects.toBeInstanceOf(InvalidIdError);
    expect((await stats()).total).toBe(0);
  });

  it('extracts every party once, page by page', async () => {
    const small = await startErpSimulator({ records: population, pageSize: 25 });
    const erp = createErpAdapter({ config: { ...clientConfig(), baseUrl: small.url } });
    try {
      const seen: string[] = [];
      for await (const party of erp.extractParties()) seen.push(party.localId);
      expect(seen).toEqual(ids);
      expect((await (await fetch(`${small.url}/__admin/stats`)).json()).byOperation).toEqual({ queryBusinessPartners: Math.ceil(ids.length / 25) });
    } finally {
      erp.close();
      await small.close();
    }
  });

  it('reads the change feed after an edit and resumes from its cursor', async () => {
    const erp = adapter();
    const start = await erp.changes();
    expect(start).toEqual({ changes: [], nextCursor: '0' });
    await fetch(`${sim.url}/__admin/records`, { method: 'POST', body: JSON.stringify({ partnerId: '1000000007', changes: { city: 'Bonn' } }) });
    const page = await erp.changes(start.nextCursor);
    expect(page.changes).toEqual([{ system: 'ERP', entity: 'party', localId: '1000000007', changedAt: expect.any(String) }]);
    // The record is stamped just before the feed entry is appended.
    expect(Date.parse((await erp.getParty('1000000007'))!.changedAt!)).toBeLessThanOrEqual(Date.parse(page.changes[0].changedAt));
    expect(await erp.changes(page.nextCursor)).toEqual({ changes: [], nextCursor: page.nextCursor });
  });

  it('turns a slow answer into UpstreamTimeout', async () => {
    // A simulator of its own: the delayed request finishes after the test, and must not be
    // counted in the next test's stats.
    const slow = await startErpSimulator({ records: population });
    const erp = createErpAdapter({ config: { ...clientConfig({ timeoutMs: 30 }), baseUrl: slow.url } });
    try {
      slow.setFaults({ latencyMs: 300 });
      await expect(erp.getParties(['1000000001'])).rejects.toBeInstanceOf(UpstreamTimeout);
    } finally {
      erp.close();
      await slow.close();
    }
  });

  it('turns a 5xx into UpstreamUnavailable', async () => {
    await setFaults({ errorRate: 1 });
    await expect(adapter().getParties(['1000000001'])).rejects.toBeInstanceOf(UpstreamUnavailable);
    await expect(adapter().getSalesOrders(['1000000001'])).rejects.toBeInstanceOf(UpstreamUnavailable);
  });

  it('turns a truncated body into UpstreamProtocolError', async () => {
    await setFaults({ malformedRate: 1 });
    const erp = adapter();
    await expect(erp.getParties(['1000000001'])).rejects.toBeInstanceOf(UpstreamProtocolError);
    await expect(erp.changes()).rejects.toBeInstanceOf(UpstreamProtocolError);
  });

  it('turns an OData 400 into UpstreamRejected', async () => {
    // Asking for more ids per filter than the ERP allows makes it refuse the request.
    const greedy = adapter({}, { batchSize: MAX_FILTER_COMPARISONS + 1 });
    const error = await greedy.getParties(ids.slice(0, MAX_FILTER_COMPARISONS + 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejected);
    expect((error as Error).message).toContain('/IWBEP/CM_MGW_RT/005');
  });

  it('opens the breaker during an outage, fails fast without calling, half-opens and recovers', async () => {
    const states: string[] = [];
    const erp = createErpAdapter({
      config: clientConfig({ breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 3, halfOpenAfterMs: 300 } }),
      hooks: { onBreakerState: (e) => states.push(e.state) },
    });
    adapters.push(erp);
    await setFaults({ down: true });
    for (let i = 0; i < 3; i += 1) await expect(erp.getParties(['1000000001'])).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(states).toEqual(['open']);

    sim.setFaults({ down: false });
    const failedFast = await erp.getParties(['1000000001']).catch((e: Error) => e);
    expect(failedFast).toBeInstanceOf(UpstreamUnavailable);
    expect((failedFast as Error).message).toContain('breaker open after');
    expect((await stats()).total).toBe(0);

    // Wait for the half-open trial by retrying until it goes through (no fixed sleep).
    let recovered: Map<string, unknown> | null = null;
    await until(async () => {
      recovered = await erp.getParties(['1000000001']).catch(() => null);
      return recovered !== null;
    });
    expect(recovered!.get('1000000001')).toMatchObject({ localId: '1000000001' });
    expect(states).toEqual(['open', 'half-open', 'closed']);
    expect((await stats()).total).toBe(1);
  });
});
