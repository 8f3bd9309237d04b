import type { BreakerState } from '../kit/clientHooks';
import { defaultSystemConfig, type SystemClientConfig } from '../kit/config';
import { InvalidIdError, UpstreamProtocolError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable } from '../kit/errors';
import type { RunningSimulator } from '../../simulators/kit/simulatorServer';
import { callCenterFixtures, manyContacts } from '../../simulators/call-center/callCenterFixtures';
import { startCallCenterSimulator } from '../../simulators/call-center/callCenterSimulator';
import { createCallCenterAdapter, type CallCenterAdapter } from './callCenterAdapter';
import { createCallCenterLoaders } from './callCenterLoaders';
import { CallCenterRejected } from './soapCodec';

/** Contract tests: the adapter against the live simulator over loopback HTTP. */

const MANY = 1200;
const SLOT = 'A0001-20261201T0900';

describe('call-center adapter against the simulator', () => {
  let sim: RunningSimulator;
  let adapter: CallCenterAdapter;
  const fixtures = callCenterFixtures();

  function config(overrides: Partial<SystemClientConfig> = {}): SystemClientConfig {
    const base = defaultSystemConfig('CALL_CENTER', sim.url);
    return {
      ...base,
      timeoutMs: 1000,
      retry: { ...base.retry, maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 },
      retryBudget: { ratio: 1, minPerSecond: 100, windowMs: 10_000 },
      ...overrides,
    };
  }

  async function admin(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${sim.url}/__admin/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  }

  async function stats(): Promise<{ total: number; byOperation: Record<string, number> }> {
    return (await admin('stats')) as unknown as { total: number; byOperation: Record<string, number> };
  }

  beforeAll(async () => {
    sim = await startCallCenterSimulator({ contacts: [...fixtures.contacts, ...manyContacts(MANY)], advisors: fixtures.advisors, port: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await admin('reset', {});
    adapter = createCallCenterAdapter(config(), {});
  });
  afterEach(() => adapter.close());

  describe('happy paths', () => {
    it('getParties maps contacts, keeps the advisor, and maps unknown ids to null', async () => {
      const parties = await adapter.getParties(['C000000001', 'C000000002', 'C999999999', 'C000000001']);
      expect([...parties.keys()]).toEqual(['C000000001', 'C000000002', 'C999999999']);
      expect(parties.get('C000000001')).toEqual({
        system: 'CALL_CENTER', localId: 'C000000001', givenName: 'Ada', familyName: 'Lovelace', rawName: null, birthDate: null,
        nationalId: null, phones: ['07700 900123'], emails: ['ada@example.test'], address: null,
        changedAt: '2026-10-01T09:00:00.000Z', advisorId: 'A0001',
      });
      expect(parties.get('C000000002')).toMatchObject({ givenName: null, emails: [], advisorId: null });
      expect(parties.get('C999999999')).toBeNull();
    });

    it('findByPhone finds the same contacts from national and E.164 input', async () => {
      for (const phone of ['07700 900123', '+447700900123', '+44-7700-900123']) {
        expect((await adapter.findByPhone(phone)).map((p) => p.localId)).toEqual(['C000000001', 'C000000002']);
      }
      expect(await adapter.findByPhone('+1 202 555 0100')).toEqual([]);
    });

    it('getInteractions and getOpenCases group by contact with an entry for every id', async () => {
      const interactions = await adapter.getInteractions(['C000000001', 'C000000002']);
      expect(interactions.get('C000000001')?.map((i) => i.id)).toEqual(['I000000001', 'I000000002']);
      expect(interactions.get('C000000001')?.[0]).toEqual({ id: 'I000000001', contactId: 'C000000001', channel: 'CALL', occurredAt: '2026-09-01T10:00:00.000Z', summary: 'Asked about <fees> & charges' });
      expect(interactions.get('C000000002')).toEqual([]);
      const cases = await adapter.getOpenCases(['C000000001', 'C000000003']);
      expect(cases.get('C000000001')).toEqual([{ caseId: 'K000000001', contactId: 'C000000001', subject: 'Card fee complaint', status: 'OPEN', openedAt: '2026-09-02T08:00:00.000Z', closedAt: null }]);
      expect(cases.get('C000000003')?.map((c) => c.caseId)).toEqual(['K000000003']);
    });

    it('getAdvisor and getAdvisorSlots answer, and are null for an unknown advisor', async () => {
      expect(await adapter.getAdvisor('A0001')).toEqual({ advisorId: 'A0001', name: 'Alan Turing' });
      expect(await adapter.getAdvisor('A9999')).toBeNull();
      expect(await adapter.getAdvisorSlots('A0001')).toEqual([
        { slotId: 'A0001-20261201T0900', advisorId: 'A0001', start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T09:30:00.000Z' },
        { slotId: 'A0001-20261201T1000', advisorId: 'A0001', start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T10:30:00.000Z' },
      ]);
      expect(await adapter.getAdvisorSlots('A9999')).toBeNull();
    });

    it('scheduleCallback books the slot once per key and reports a taken slot as rejected', async () => {
      const first = await adapter.scheduleCallback({ contactId: 'C000000001', slotId: SLOT, idempotencyKey: 'key-1' });
      expect(first.replayed).toBe(false);
      expect(first.appointment).toMatchObject({ slotId: SLOT, advisorId: 'A0001', contactId: 'C000000001', start: '2026-12-01T09:00:00.000Z' });
      const again = await adapter.scheduleCallback({ contactId: 'C000000001', slotId: SLOT, idempotencyKey: 'key-1' });
      expect(again).toEqual({ appointment: first.appointment, replayed: true });
      expect((await adapter.getAdvisorSlots('A0001'))?.map((s) => s.slotId)).toEqual(['A0001-20261201T1000']);
      expect((await adapter.getAppointments(['C000000001'])).get('C000000001')).toEqual([first.appointment]);

      const taken = await adapter.scheduleCallback({ contactId: 'C000000003', slotId: SLOT, idempotencyKey: 'key-2' }).catch((e: unknown) => e);
      expect(taken).toBeInstanceOf(UpstreamRejected);
      expect((taken as CallCenterRejected).faultCode).toBe('SlotUnavailable');
      expect((await stats()).byOperation.ScheduleCallback).toBe(3);
    });

    it('extractParties streams every contact once, page by page', async () => {
      const seen = new Set<string>();
      for await (const party of adapter.extractParties()) {
        expect(party.system).toBe('CALL_CENTER');
        seen.add(party.localId);
      }
      expect(seen.size).toBe(fixtures.contacts.length + MANY);
      expect((await stats()).byOperation.ExtractContacts).toBe(3);
    });

    it('changes reports an operator edit and a booking from a cursor', async () => {
      const start = await adapter.changes();
      expect(start.changes).toEqual([]);
      await admin('records', { contactId: 'C000000003', changes: { email: 'grace.h@example.test' } });
      await adapter.scheduleCallback({ contactId: 'C000000003', slotId: 'A0002-20261202T0900', idempotencyKey: 'k' });
      const page = await adapter.changes(start.nextCursor);
      expect(page.changes.map((c) => [c.system, c.entity, c.localId])).toEqual([
        ['CALL_CENTER', 'party', 'C000000003'],
        ['CALL_CENTER', 'slot', 'A0002-20261202T0900'],
        ['CALL_CENTER', 'appointment', expect.stringMatching(/^AP\d{8}$/)],
      ]);
      expect((await adapter.changes(page.nextCursor)).changes).toEqual([]);
      expect((await adapter.getParties(['C000000003'])).get('C000000003')?.emails).toEqual(['grace.h@example.test']);
    });
  });

  describe('failures', () => {
    it('a slow answer -> UpstreamTimeout', async () => {
      adapter.close();
      adapter = createCallCenterAdapter(config({ timeoutMs: 50, retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {});
      await admin('faults', { latencyMs: 300 });
      await expect(adapter.getParties(['C000000001'])).rejects.toBeInstanceOf(UpstreamTimeout);
      // The simulator counts the abandoned request only when its delay ends: wait for that, so it
      // cannot land in the next test's stats.
      while ((await stats()).byOperation.GetContactsByIds !== 1) await new Promise((resolve) => setTimeout(resolve, 20));
    });

    it('a soap:Server fault -> UpstreamUnavailable after retrying the read', async () => {
      await admin('faults', { errorRate: 1 });
      await expect(adapter.getParties(['C000000001'])).rejects.toBeInstanceOf(UpstreamUnavailable);
      expect((await stats()).byOperation.GetContactsByIds).toBe(3);
    });

    it('a truncated answer -> UpstreamProtocolError, not retried', async () => {
      await admin('faults', { malformedRate: 1 });
      await expect(adapter.getParties(['C000000001'])).rejects.toBeInstanceOf(UpstreamProtocolError);
      expect((await stats()).byOperation.GetContactsByIds).toBe(1);
    });

    it('a soap:Client fault -> UpstreamRejected, not retried', async () => {
      const error = await adapter.scheduleCallback({ contactId: 'C000000001', slotId: 'A0001-20990101T0900', idempotencyKey: 'k' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CallCenterRejected);
      expect((error as CallCenterRejected).faultCode).toBe('SlotNotFound');
      expect((await stats()).byOperation.ScheduleCallback).toBe(1);
    });

    it('outage: the breaker opens, fails fast, half-opens and recovers', async () => {
      adapter.close();
      const states: BreakerState[] = [];
      adapter = createCallCenterAdapter(
        config({ retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 }, breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 3, halfOpenAfterMs: 500 } }),
        { onBreakerState: (e) => states.push(e.state) },
      );
      await admin('faults', { down: true });
      for (let i = 0; i < 3; i++) await expect(adapter.getAdvisor('A0001')).rejects.toBeInstanceOf(UpstreamUnavailable);
      expect(adapter.client.breakerState()).toBe('open');
      const fast = await adapter.getAdvisor('A0001').catch((e: Error) => e);
      expect(fast).toBeInstanceOf(UpstreamUnavailable);
      expect((fast as Error).message).toContain('breaker open after');

      await admin('faults', { down: false });
      // The breaker lets a trial call through once halfOpenAfter has passed: poll until it does.
      let advisor = null;
      for (let attempt = 0; attempt < 500 && advisor === null; attempt++) {
        advisor = await adapter.getAdvisor('A0001').catch(() => null);
        if (advisor === null) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(advisor).toEqual({ advisorId: 'A0001', name: 'Alan Turing' });
      expect(states).toEqual(['open', 'half-open', 'closed']);
      expect(adapter.client.breakerState()).toBe('closed');
    });
  });

  describe('writes and retries', () => {
    it('a write without an idempotency key is never retried', async () => {
      await admin('faults', { errorRate: 1 });
      await expect(adapter.scheduleCallback({ contactId: 'C000000001', slotId: SLOT })).rejects.toBeInstanceOf(UpstreamUnavailable);
      expect((await stats()).byOperation.ScheduleCallback).toBe(1);
    });

    it('a write with an idempotency key is retried', async () => {
      await admin('faults', { errorRate: 1 });
      await expect(adapter.scheduleCallback({ contactId: 'C000000001', slotId: SLOT, idempotencyKey: 'retry-me' })).rejects.toBeInstanceOf(UpstreamUnavailable);
      expect((await stats()).byOperation.ScheduleCallback).toBe(3);
    });
  });

  describe('ids are validated before any call', () => {
    it.each([
      ['getParties', (a: CallCenterAdapter) => a.getParties(['C000000001', 'C12'])],
      ['getInteractions', (a: CallCenterAdapter) => a.getInteractions(['x'])],
      ['getOpenCases', (a: CallCenterAdapter) => a.getOpenCases(['C0000000011'])],
      ['getAppointments', (a: CallCenterAdapter) => a.getAppointments(['1'])],
      ['getAdvisorSlots', (a: CallCenterAdapter) => a.getAdvisorSlots('A12345')],
      ['getAdvisor', (a: CallCenterAdapter) => a.getAdvisor('advisor')],
      ['findByPhone', (a: CallCenterAdapter) => a.findByPhone('Ada Lovelace')],
      ['scheduleCallback slot', (a: CallCenterAdapter) => a.scheduleCallback({ contactId: 'C000000001', slotId: 'slot-1', idempotencyKey: 'k' })],
      ['scheduleCallback contact', (a: CallCenterAdapter) => a.scheduleCallback({ contactId: 'C1', slotId: SLOT, idempotencyKey: 'k' })],
      ['scheduleCallback key', (a: CallCenterAdapter) => a.scheduleCallback({ contactId: 'C000000001', slotId: SLOT, idempotencyKey: 'a b' })],
      ['changes', (a: CallCenterAdapter) => a.changes('<cursor>')],
    ])('%s', async (_name, call) => {
      await expect(call(adapter)).rejects.toBeInstanceOf(InvalidIdError);
      expect((await stats()).total).toBe(0);
    });
  });

  describe('loaders', () => {
    it('batch loads of one tick into calls of at most 100 ids', async () => {
      const loaders = createCallCenterLoaders(adapter);
      const ids = manyContacts(150).map((c) => c.contactId);
      const parties = await Promise.all([...ids, 'C999999999'].map((id) => loaders.parties.load(id)));
      expect(parties.slice(0, 150).every((p, i) => p?.localId === ids[i])).toBe(true);
      expect(parties[150]).toBeNull();
      expect((await stats()).byOperation).toEqual({ GetContactsByIds: 2 });
    });

    it('fail only the malformed key of a batch, without calling for it', async () => {
      const loaders = createCallCenterLoaders(adapter);
      const [good, bad] = await Promise.allSettled([loaders.interactions.load('C000000001'), loaders.interactions.load('bad-id')]);
      expect(good).toMatchObject({ status: 'fulfilled', value: [expect.objectContaining({ id: 'I000000001' }), expect.objectContaining({ id: 'I000000002' })] });
      expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(InvalidIdError) });
      const [onlyBad] = await Promise.allSettled([createCallCenterLoaders(adapter).openCases.load('nope')]);
      expect(onlyBad.status).toBe('rejected');
      expect((await stats()).byOperation).toEqual({ GetInteractions: 1 });
    });

    it('share one call between the loads of a batch for cases and appointments', async () => {
      const loaders = createCallCenterLoaders(adapter);
      const [cases1, cases3, appointments] = await Promise.all([
        loaders.openCases.load('C000000001'),
        loaders.openCases.load('C000000003'),
        loaders.appointments.load('C000000001'),
      ]);
      expect(cases1?.map((c) => c.caseId)).toEqual(['K000000001']);
      expect(cases3?.map((c) => c.caseId)).toEqual(['K000000003']);
      expect(appointments).toEqual([]);
      expect((await stats()).byOperation).toEqual({ GetOpenCases: 1, GetAppointments: 1 });
    });
  });
});
