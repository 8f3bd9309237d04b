import { EventEmitter, once } from 'node:events';
import { sharedClientHooks } from '../adapters/kit/clientHooks';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { startTestStack, testDataset } from './support/testStack';
import { callAs } from './support/testAuth';

// A teller's scenario: the customer360 view while a system is unhealthy.
callAs('teller');

/**
 * Honest health and errors (issue #11, item 10), through the whole stack with the card processor
 * down: /ready names the degraded system and stays 200 (503 in strict mode), and the errors of a
 * customer360 name only fields the client selected and keep the root cause.
 */
describe('health and errors say what is wrong', () => {
  let stack: RunningStack;
  let customerId: string;
  const breakers = new EventEmitter();

  beforeAll(async () => {
    const { dataset } = await testDataset();
    stack = await startTestStack(dataset, {
      tuneClient: (config) =>
        config.system !== 'CARDS'
          ? config
          : {
              ...config,
              retry: { ...config.retry, maxRetries: 0 },
              // Opens after three failed calls, and stays open for the whole test.
              breaker: { ...config.breaker, minimumCalls: 3, halfOpenAfterMs: 600_000 },
            },
    });
    const previous = sharedClientHooks.onBreakerState;
    sharedClientHooks.onBreakerState = (event) => {
      previous?.(event);
      if (event.system === 'CARDS') breakers.emit(event.state);
    };
    const person = dataset.truth.find((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1)!;
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: CORE_BANKING, localId: "${person.keys.cifs[0]}") { id } }`);
    customerId = found.data!.customerBySourceKey.id;
  });
  afterAll(async () => {
    await stack?.close();
  });

  const ready = async (search = '') => {
    const response = await fetch(stack.gateway.url.replace('/graphql', `/ready${search}`));
    return { status: response.status, body: (await response.json()) as { status: string; degraded: string[]; systems: Array<{ system: string; breaker: string; reason?: string }> } };
  };

  it('is ready with every breaker closed, listing the legacy systems beside the subgraphs', async () => {
    const { status, body } = await ready('?strict=1');
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.systems.map((s) => [s.system, s.breaker])).toEqual([
      ['CALL_CENTER', 'closed'],
      ['CARDS', 'closed'],
      ['CORE_BANKING', 'closed'],
      ['ERP', 'closed'],
      // A file drop has no breaker to open; last night's extract is on schedule, so it is ready too.
      ['MORTGAGES', 'closed'],
    ]);
  });

  it('names the system in outage, keeps the root cause, and errors only on selected paths', async () => {
    stack.simulators.CARDS.setFaults({ down: true });
    const opened = once(breakers, 'open');
    // Failing calls until the breaker opens (three of them, by the tuning above).
    let answers = 0;
    let open = false;
    void opened.then(() => (open = true));
    while (!open && answers < 20) {
      await postGraphQL(stack.gateway.url, operation('customer360'), { id: customerId });
      answers += 1;
    }
    await opened;

    const response = await postGraphQL<{ customer: { id: string; cards: unknown; accounts: unknown } }>(stack.gateway.url, operation('customer360'), { id: customerId });
    expect(response.data!.customer.cards).toBeNull();
    expect(response.data!.customer.accounts).not.toBeNull();
    const errors = response.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' });
      // The root cause, not "circuit open".
      expect(error.message).toMatch(/^CARDS \w+: breaker open after \d+ of \d+ calls failed within 5 s; last: connection failed \(E[A-Z]+\)$/);
      // Only fields customer360 selects: never the planner's internal `cardholderRecords`.
      expect(['customer', 'cards', 'cardholder', 'transactions', 'edges', 'node']).toEqual(expect.arrayContaining(error.path!.filter((p): p is string => typeof p === 'string')));
    }
    expect(errors.some((e) => e.path?.join('.') === 'customer.cards')).toBe(true);

    const lenient = await ready();
    expect(lenient.status).toBe(200);
    expect(lenient.body.status).toBe('degraded');
    expect(lenient.body.degraded).toEqual(['CARDS']);
    expect(lenient.body.systems.find((s) => s.system === 'CARDS')).toMatchObject({ breaker: 'open', reason: expect.stringMatching(/^breaker open after/) });
    expect(lenient.body.systems.filter((s) => s.breaker !== 'closed').map((s) => s.system)).toEqual(['CARDS']);
    expect((await ready('?strict=1')).status).toBe(503);
    stack.simulators.CARDS.setFaults({ down: false });
  });
});
