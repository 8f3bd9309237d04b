import { EventEmitter, once } from 'node:events';
import path from 'node:path';
import pino from 'pino';
import { sharedClientHooks, type CallEvent } from '../adapters/kit/clientHooks';
import { createGateway, type GatewayHandle } from '../gateway/createGateway';
import { defaultGatewayPlugins } from '../gateway/plugins';
import type { RunningStack } from '../stack/startStack';
import { defaultTestToken, testSecurityOptions, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A teller's scenario: accounts (FINANCIAL) and the profile (PII) of one customer.
callAs('teller');

/**
 * One AbortSignal per request reaches every legacy call (issue #11, item 6): once the request's
 * deadline has answered 504, or the client has hung up, the core-banking simulator receives no
 * further call for that request. Core banking answers every call with a 5xx and the client would
 * retry 20 times (~4 s of backoff): a request that is not cancelled runs all of them.
 *
 * Events, not sleeps: the adapter kit reports each legacy call when it settles (ClientHooks.onCall)
 * and each retry it schedules (onRetry); the simulator's own counter says what it received.
 */
const MAX_RETRIES = 20;
const QUERY = 'query($id: ID!) { customer(id: $id) { id accounts { accountNumber } } }';

/** Each behaviour is checked with the subgraphs called over HTTP (signed) and in-process (as `npm start` calls them). */
const TRANSPORTS = ['http', 'in-process'] as const;
type Transport = (typeof TRANSPORTS)[number];

describe('cancellation reaches the legacy systems', () => {
  let stack: RunningStack;
  const gateways: Array<GatewayHandle> = [];
  const shortDeadline = {} as Record<Transport, GatewayHandle>;
  const shortSubgraphTimeout = {} as Record<Transport, GatewayHandle>;
  const plain = {} as Record<Transport, GatewayHandle>;
  let customerId: string;
  const calls = new EventEmitter();

  beforeAll(async () => {
    const { dataset } = await testDataset();
    stack = await startTestStack(dataset, {
      tuneClient: (config) =>
        config.system !== 'CORE_BANKING'
          ? config
          : {
              ...config,
              timeoutMs: 5000,
              retry: { maxRetries: MAX_RETRIES, initialDelayMs: 400, maxDelayMs: 400, maxRetryAfterMs: 0 },
              // Neither the budget nor the breaker may end the retries: only the cancellation.
              retryBudget: { ratio: 10, minPerSecond: 1000, windowMs: 10_000 },
              breaker: { ...config.breaker, minimumCalls: 100_000 },
            },
    });
    const gatewayOver = async (transport: Transport, options: { deadlineMs?: number; subgraphTimeoutMs?: number }) => {
      const gateway = await createGateway({
        port: 0,
        host: '127.0.0.1',
        env: { ...process.env, SUBGRAPH_CALLS: transport },
        supergraphPath: path.join(__dirname, '..', 'schema', 'supergraph.graphql'),
        subgraphUrlOverrides: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
        inProcessSubgraphs: new Map(Object.values(stack.subgraphs).map((s) => [s.url, s.callInProcess])),
        logger: pino({ level: 'silent' }),
        subgraphTimeoutMs: options.subgraphTimeoutMs,
        plugins: defaultGatewayPlugins({ security: testSecurityOptions(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}), audit: false }),
      });
      gateways.push(gateway);
      return gateway;
    };
    // Gateways over the same subgraphs, per transport: one whose deadline (1 s) comes long before
    // the retries end, one that waits at most 4 s for a subgraph, one with the defaults.
    for (const transport of TRANSPORTS) {
      shortDeadline[transport] = await gatewayOver(transport, { deadlineMs: 1000 });
      shortSubgraphTimeout[transport] = await gatewayOver(transport, { subgraphTimeoutMs: 4000 });
      plain[transport] = await gatewayOver(transport, {});
    }
    const previous = { onCall: sharedClientHooks.onCall, onRetry: sharedClientHooks.onRetry };
    sharedClientHooks.onCall = (event) => {
      previous.onCall?.(event);
      if (event.system === 'CORE_BANKING') calls.emit('settled', event);
    };
    sharedClientHooks.onRetry = (event) => {
      previous.onRetry?.(event);
      if (event.system === 'CORE_BANKING') calls.emit('retry', event);
    };
    const person = dataset.truth.find((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1)!;
    const found = await post(stack.gateway.url, `{ customerBySourceKey(system: CORE_BANKING, localId: "${person.keys.cifs[0]}") { id } }`, {});
    customerId = ((await found.json()) as { data: { customerBySourceKey: { id: string } } }).data.customerBySourceKey.id;
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await stack?.close();
  });
  afterEach(() => stack.simulators.CORE_BANKING.setFaults({ errorRate: 0, latencyMs: 0 }));

  async function post(url: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await defaultTestToken()}` },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  }

  const received = () => stack.simulators.CORE_BANKING.stats.snapshot().total;

  /** Core banking fails every call from now on; resolves with the first legacy call that settles. */
  function failEveryCall(): Promise<CallEvent> {
    stack.simulators.CORE_BANKING.stats.reset();
    stack.simulators.CORE_BANKING.setFaults({ errorRate: 1 });
    return once(calls, 'settled').then(([event]) => event as CallEvent);
  }

  it.each(TRANSPORTS)('stops at the request deadline (subgraphs called %s): after the 504 the system receives nothing more for it', async (transport) => {
    const settled = failEveryCall();
    const response = await post(shortDeadline[transport].url, QUERY, { id: customerId });
    expect(response.status).toBe(504);
    const atDeadline = received();
    const call = await settled;
    expect(call.outcome).toBe('CANCELLED');
    // At most the one attempt that was already on the wire when the 504 went out.
    expect(received() - atDeadline).toBeLessThanOrEqual(1);
    expect(received()).toBeLessThan(1 + MAX_RETRIES);
  });

  it.each(TRANSPORTS)('stops when the client hangs up (subgraphs called %s): the system receives nothing more for the request', async (transport) => {
    const settled = failEveryCall();
    const client = new AbortController();
    const firstRetry = once(calls, 'retry');
    const response = post(plain[transport].url, QUERY, { id: customerId }, client.signal).catch((e: unknown) => e);
    await firstRetry; // the first attempt failed and a retry is waiting: the request is mid-flight
    client.abort();
    expect(await response).toMatchObject({ name: 'AbortError' });
    const atHangUp = received();
    const call = await settled;
    expect(call.outcome).toBe('CANCELLED');
    expect(received() - atHangUp).toBeLessThanOrEqual(1);
    expect(received()).toBeLessThan(1 + MAX_RETRIES);
  });

  it.each(TRANSPORTS)('tells each subgraph how long the gateway waits (subgraphs called %s): the subgraph answers in time with what it has', async (transport) => {
    stack.simulators.CORE_BANKING.stats.reset();
    // Core banking answers after 6 s; the gateway waits 4 s for a subgraph.
    stack.simulators.CORE_BANKING.setFaults({ latencyMs: 6000 });
    const response = await post(shortSubgraphTimeout[transport].url, 'query($id: ID!) { customer(id: $id) { id accounts { accountNumber } profile { fullName { value source { system } } } } }', { id: customerId });
    const body = (await response.json()) as {
      data: { customer: { id: string; accounts: unknown; profile: { fullName: { value: string; source: { system: string } } } | null } };
      errors?: Array<{ message: string; extensions?: { code?: string; system?: string } }>;
    };
    expect(response.status).toBe(200);
    // The core-banking subgraph stopped its legacy call before the 4 s and answered: its fields
    // failed with the deadline, and the profile (which needs every system's records) was still
    // computed from the card record; had the gateway cut the whole subgraph fetch, it would be null.
    expect(body.data.customer.accounts).toBeNull();
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.system, e.message])).toContainEqual([
      'UPSTREAM_TIMEOUT',
      'CORE_BANKING',
      expect.stringMatching(/^CORE_BANKING \w+: no answer before the request's deadline$/),
    ]);
    expect(body.errors?.some((e) => /did not answer within/.test(e.message))).toBe(false);
    expect(body.data.customer.profile?.fullName.source.system).toBe('CARDS');
  });
});
