/**
 * Contract tests: the adapter against the live core-banking simulator over real HTTP.
 */

import { defaultSystemConfig, InvalidIdError, UpstreamProtocolError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable, type BreakerState, type SystemClientConfig } from '../kit';
import type { SourceParty } from '../canonical';
import type { RunningSimulator } from '../../simulators/kit/simulatorServer';
import { startCoreBankingSimulator } from '../../simulators/core-banking/coreBankingSimulator';
import { sampleCustomer, sampleCustomers } from '../../simulators/core-banking/sampleCustomers';
import { createCoreBankingAdapter, type CoreBankingAdapter } from './coreBankingAdapter';
import { createCoreBankingLoaders } from './coreBankingLoaders';
import { InvalidArgumentError } from './coreBankingInput';

const cif = (n: number) => String(n).padStart(10, '0');
const POPULATION = 120;

function testConfig(url: string, overrides: Partial<SystemClientConfig> = {}): SystemClientConfig {
  const base = defaultSystemConfig('CORE_BANKING', url);
  return {
    ...base,
    // Generous for a loaded CI machine; the timeout test sets its own short budget.
    timeoutMs: 2_000,
    retry: { ...base.retry, maxRetries: 0, initialDelayMs: 1, maxDelayMs: 5 },
    breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 3, halfOpenAfterMs: 100 },
    ...overrides,
  };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('core-banking adapter against the simulator', () => {
  let sim: RunningSimulator;
  let adapter: CoreBankingAdapter;
  const breakerStates: BreakerState[] = [];

  const stats = async () => (await (await fetch(`${sim.url}/__admin/stats`)).json()) as { total: number; byOperation: Record<string, number> };

  beforeEach(async () => {
    sim = await startCoreBankingSimulator({ records: sampleCustomers(POPULATION) });
    breakerStates.length = 0;
    adapter = createCoreBankingAdapter(testConfig(sim.url), { hooks: { onBreakerState: ({ state }) => breakerStates.push(state) } });
  });
  afterEach(async () => {
    adapter.close();
    await sim.close();
  });

  describe('happy paths', () => {
    it('maps a customer record to a SourceParty, an unknown CIF to null', async () => {
      const parties = await adapter.getParties([cif(7), cif(9999)]);
      expect(parties.get(cif(9999))).toBeNull();
      expect(parties.get(cif(7))).toEqual<SourceParty>({
        system: 'CORE_BANKING',
        localId: cif(7),
        givenName: 'ZOË',
        familyName: 'EXAMPLE0007',
        rawName: null,
        birthDate: '1984-02-29',
        nationalId: 'QQ000700C',
        phones: ['+447700900123'],
        emails: ['zoe.example0007@example.com'],
        address: { line1: '12 TEST STREET', line2: null, city: 'LEEDS', postalCode: 'LS1 4AB', country: 'GB' },
        changedAt: '2026-10-01T09:30:00.000Z',
        yearlyIncome: { amountMinor: 4_250_000, currency: 'GBP' },
      });
    });

    it('carries Latin-2 names through the host code page (CCSID 870) on inquiry and extract', async () => {
      const latin2 = await startCoreBankingSimulator({
        records: [sampleCustomer(cif(1), { givenName: 'Bartłomiej', familyName: 'Łukaszewicz-Wiśniewska', addressLine1: '3 St John’s Road', city: 'Dvořákov' })],
      });
      const reader = createCoreBankingAdapter(testConfig(latin2.url));
      try {
        // What the host holds (PROTOCOL.md, "Code page"): upper case, Ł Ś Ř kept, ’ folded to '.
        const expected = { givenName: 'BARTŁOMIEJ', familyName: 'ŁUKASZEWICZ-WIŚNIEWSKA', address: expect.objectContaining({ line1: "3 ST JOHN'S ROAD", city: 'DVOŘÁKOV' }) };
        expect((await reader.getParties([cif(1)])).get(cif(1))).toMatchObject(expected);
        const extracted: SourceParty[] = [];
        for await (const party of reader.extractParties()) extracted.push(party);
        expect(extracted).toEqual([expect.objectContaining(expected)]);
      } finally {
        reader.close();
        await latin2.close();
      }
    });

    it('returns the accounts of a batch of CIFs, with signed money', async () => {
      const accounts = await adapter.getAccounts([cif(2), cif(9999)]);
      expect(accounts.get(cif(9999))).toEqual([]);
      expect(accounts.get(cif(2))).toEqual([
        { accountNumber: `10${cif(2)}`, cif: cif(2), type: 'CURRENT', balance: { amountMinor: -1234, currency: 'GBP' }, openedOn: '2015-06-01', status: 'OPEN' },
        { accountNumber: `20${cif(2)}`, cif: cif(2), type: 'LOAN', balance: { amountMinor: -12_500_000, currency: 'GBP' }, openedOn: '2020-01-15', status: 'OPEN' },
      ]);
    });

    it('returns recent transactions newest first', async () => {
      const transactions = await adapter.getTransactions(`10${cif(3)}`, 2);
      expect(transactions).toEqual([
        { id: `10${cif(3)}T2`, accountNumber: `10${cif(3)}`, bookedAt: '2026-11-25', amount: { amountMinor: 250_000, currency: 'GBP' }, description: 'SALARY' },
        { id: `10${cif(3)}T1`, accountNumber: `10${cif(3)}`, bookedAt: '2026-11-20', amount: { amountMinor: -4_599, currency: 'GBP' }, description: 'TESCO STORES' },
      ]);
      expect(await adapter.getTransactions('999999999999')).toEqual([]);
    });

    it('reads the change feed after an edit and resumes from its cursor', async () => {
      const first = await adapter.changes();
      expect(first.changes).toEqual([]);
      await fetch(`${sim.url}/__admin/records`, { method: 'POST', body: JSON.stringify({ cif: cif(11), changes: { email: 'moved@example.com' } }) });
      const page = await adapter.changes(first.nextCursor);
      expect(page.changes).toEqual([{ system: 'CORE_BANKING', entity: 'party', localId: cif(11), changedAt: expect.stringMatching(/Z$/) }]);
      expect((await adapter.changes(page.nextCursor)).changes).toEqual([]);
      expect((await adapter.getParties([cif(11)])).get(cif(11))?.emails).toEqual(['moved@example.com']);
    });

    it('passes on a birth date keyed as no calendar date, on inquiry and extract, instead of refusing the record', async () => {
      // Harsh data-entry noise: 2006-04-13 keyed day first. Before, one such record made the whole extract unreadable.
      await fetch(`${sim.url}/__admin/records`, { method: 'POST', body: JSON.stringify({ cif: cif(7), changes: { birthDate: '2006-13-04' } }) });
      expect((await adapter.getParties([cif(7)])).get(cif(7))?.birthDate).toBe('2006-13-04');
      const parties = await collect(adapter.extractParties());
      expect(parties).toHaveLength(POPULATION);
      expect(parties.find((p) => p.localId === cif(7))?.birthDate).toBe('2006-13-04');
    });

    it('streams the whole extract', async () => {
      const parties = await collect(adapter.extractParties());
      expect(parties).toHaveLength(POPULATION);
      expect(parties[POPULATION - 1].localId).toBe(cif(POPULATION));
    });
  });

  describe('failures', () => {
    it('timeout -> UpstreamTimeout', async () => {
      const impatient = createCoreBankingAdapter(testConfig(sim.url, { timeoutMs: 100 }));
      sim.setFaults({ latencyMs: 1_000 });
      try {
        await expect(impatient.getParties([cif(1)])).rejects.toBeInstanceOf(UpstreamTimeout);
      } finally {
        impatient.close();
      }
    });

    it('5xx -> UpstreamUnavailable naming the abend code', async () => {
      sim.setFaults({ errorRate: 1 });
      const error = await adapter.getParties([cif(1)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailable);
      expect((error as Error).message).toContain('ASRA');
    });

    it('retries a 5xx when retries are configured', async () => {
      let calls = 0;
      // Fails the first call only: the random source is consulted once per request for the error decision.
      const flaky = await startCoreBankingSimulator({ records: sampleCustomers(3), random: () => (calls++ === 0 ? 0 : 0.99) });
      const flakyAdapter = createCoreBankingAdapter(testConfig(flaky.url, { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 100 } }));
      try {
        flaky.setFaults({ errorRate: 0.5 });
        expect((await flakyAdapter.getParties([cif(1)])).get(cif(1))?.localId).toBe(cif(1));
        expect(calls).toBe(2);
      } finally {
        flakyAdapter.close();
        await flaky.close();
      }
    });

    it('outage: the breaker opens, then half-opens and recovers', async () => {
      sim.setFaults({ down: true });
      for (let i = 0; i < 3; i++) await expect(adapter.getParties([cif(1)])).rejects.toBeInstanceOf(UpstreamUnavailable);
      expect(adapter.breakerState()).toBe('open');
      const rejected = await adapter.getParties([cif(1)]).catch((e: unknown) => e);
      expect((rejected as Error).message).toContain('breaker open after');
      sim.setFaults({ down: false });
      // Wait for the breaker's own half-open moment by retrying while it still refuses.
      const deadline = Date.now() + 10_000;
      let parties: Map<string, SourceParty | null> | undefined;
      while (!parties && Date.now() < deadline) {
        parties = await adapter.getParties([cif(1)]).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return undefined;
        });
      }
      expect(parties?.get(cif(1))?.localId).toBe(cif(1));
      expect(adapter.breakerState()).toBe('closed');
      expect(breakerStates).toEqual(['open', 'half-open', 'closed']);
    });

    it('malformed payload -> UpstreamProtocolError', async () => {
      sim.setFaults({ malformedRate: 1 });
      await expect(adapter.getParties([cif(1), cif(2)])).rejects.toBeInstanceOf(UpstreamProtocolError);
      await expect(adapter.getAccounts([cif(1)])).rejects.toBeInstanceOf(UpstreamProtocolError);
      await expect(adapter.getTransactions(`10${cif(1)}`)).rejects.toBeInstanceOf(UpstreamProtocolError);
      await expect(adapter.changes()).rejects.toBeInstanceOf(UpstreamProtocolError);
      await expect(collect(adapter.extractParties())).rejects.toBeInstanceOf(UpstreamProtocolError);
    });

    it('a refused request -> UpstreamRejected naming the CICS condition', async () => {
      // The adapter never sends a malformed request, so point it at a path with no program behind it.
      const misrouted = createCoreBankingAdapter(testConfig(`${sim.url}/nowhere`));
      try {
        const error = await misrouted.getParties([cif(1)]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamRejected);
        expect((error as Error).message).toContain('PGMIDERR');
      } finally {
        misrouted.close();
      }
    });
  });

  describe('extract streaming', () => {
    it('a connection dropped mid-extract -> UpstreamUnavailable, after the records read so far', async () => {
      async function* brokenSource() {
        yield* sampleCustomers(400);
        throw new Error('disk read failed');
      }
      const broken = await startCoreBankingSimulator({ records: [], extractSource: brokenSource });
      const brokenAdapter = createCoreBankingAdapter(testConfig(broken.url));
      let read = 0;
      try {
        const error = await (async () => {
          for await (const _party of brokenAdapter.extractParties()) read += 1;
        })().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamUnavailable);
        expect(read).toBeGreaterThan(0);
      } finally {
        brokenAdapter.close();
        await broken.close();
      }
    });

    it('a consumer that stops early closes the stream', async () => {
      let first: SourceParty | undefined;
      for await (const party of adapter.extractParties()) {
        first = party;
        break;
      }
      expect(first?.localId).toBe(cif(1));
      // The adapter is still usable afterwards (the socket was released, not left hanging).
      expect((await adapter.getParties([cif(2)])).get(cif(2))?.localId).toBe(cif(2));
    });
  });

  describe('batching and validation', () => {
    it('N CIFs cost ceil(N/50) upstream requests, through the adapter and through the loaders', async () => {
      const ids = Array.from({ length: POPULATION }, (_, i) => cif(i + 1));
      const parties = await adapter.getParties(ids);
      expect([...parties.values()].every((p) => p !== null)).toBe(true);
      expect((await stats()).byOperation.customerInquiryBatch).toBe(Math.ceil(POPULATION / 50));

      await fetch(`${sim.url}/__admin/reset`, { method: 'POST' });
      const loaders = createCoreBankingLoaders(adapter);
      const [loadedParties, loadedAccounts] = await Promise.all([
        Promise.all(ids.map((id) => loaders.parties.load(id))),
        Promise.all(ids.map((id) => loaders.accounts.load(id))),
      ]);
      expect(loadedParties.map((p) => p?.localId)).toEqual(ids);
      expect(loadedAccounts.every((a) => a?.length === 2)).toBe(true);
      const { byOperation } = await stats();
      expect(byOperation.customerInquiryBatch).toBe(3);
      expect(byOperation.accountInquiryBatch).toBe(3);
    });

    it('an invalid CIF is refused locally: no upstream call', async () => {
      await expect(adapter.getParties([cif(1), '12345'])).rejects.toBeInstanceOf(InvalidIdError);
      await expect(adapter.getAccounts(['ABCDEFGHIJ'])).rejects.toBeInstanceOf(InvalidIdError);
      await expect(adapter.getTransactions('123')).rejects.toBeInstanceOf(InvalidIdError);
      await expect(adapter.getTransactions(`10${cif(1)}`, 0)).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(adapter.changes('abc')).rejects.toBeInstanceOf(InvalidArgumentError);
      const loaders = createCoreBankingLoaders(adapter);
      await expect(loaders.parties.load('not-a-cif')).rejects.toBeInstanceOf(InvalidIdError);
      expect((await stats()).total).toBe(0);
    });

    it('a bad key in a loader batch fails only itself', async () => {
      const loaders = createCoreBankingLoaders(adapter);
      const [good, bad] = await Promise.allSettled([loaders.parties.load(cif(1)), loaders.parties.load('x')]);
      expect(good).toMatchObject({ status: 'fulfilled', value: { localId: cif(1) } });
      expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(InvalidIdError) });
      expect((await stats()).byOperation.customerInquiryBatch).toBe(1);
    });
  });
});
