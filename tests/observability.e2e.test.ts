import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createGatewayLogger } from '../gateway/logger';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { authHeaders, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A teller's scenario: customer360 and the customer list, watched through logs, metrics and traces.
callAs('teller');

// Background work (identity following the change feed, extracts) is not a client request and
// carries no request id; only calls made while serving a client request are checked.
const BACKGROUND_PATH = /^\/v1\/(events|extracts)\b/;

/** A pass-through HTTP proxy in front of a simulator that remembers each request's x-request-id. */
async function startRecordingProxy() {
  let target = '';
  const requestIds: Array<string | undefined> = [];
  const server = http.createServer((incoming, outgoing) => {
    if (!BACKGROUND_PATH.test(incoming.url ?? '')) requestIds.push(incoming.headers['x-request-id'] as string | undefined);
    const upstream = http.request(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requestIds,
    setTarget: (url: string) => void (target = url),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Everything the gateway logged, as written (JSON lines). */
function logBuffer() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const digits = (s: string) => s.replace(/\D/g, '');

function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringValues);
}

describe('observability end to end: metrics, request ids to legacy systems, PII-free logs', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  const logs = logBuffer();
  let ids: string[];
  let metricsUrl: string;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    proxy = await startRecordingProxy();
    stack = await startTestStack(dataset, {
      gatewayLogger: createGatewayLogger('debug', logs.stream),
      tuneClient: (config) => {
        const tuned = {
          ...config,
          // Generous: this file checks what is observed, not how fast (failures below are injected 5xx).
          timeoutMs: 5000,
          retry: { ...config.retry, maxRetries: 1, initialDelayMs: 5, maxDelayMs: 20 },
          breaker: { ...config.breaker, minimumCalls: 3, halfOpenAfterMs: 60_000 },
        };
        if (config.system !== 'CARDS') return tuned;
        proxy.setTarget(config.baseUrl);
        return { ...tuned, baseUrl: proxy.url };
      },
    });
    metricsUrl = stack.gateway.url.replace('/graphql', '/metrics');
    const list = await postGraphQL<{ customers: { edges: Array<{ node: { id: string; sourceKeys: Array<{ system: string }> } }> } }>(
      stack.gateway.url,
      '{ customers(first: 40) { edges { node { id sourceKeys { system } } } } }',
    );
    // Customers with a card record, so every customer360 below reaches the card processor.
    ids = list.data!.customers.edges.filter((e) => e.node.sourceKeys.some((k) => k.system === 'CARDS')).map((e) => e.node.id).slice(0, 6);
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it('carries the client request id from the gateway through the subgraph to the legacy system', async () => {
    proxy.requestIds.length = 0;
    const response = await postGraphQL(stack.gateway.url, operation('customer360'), { id: ids[0] }, { 'x-request-id': 'obs-req-0001' });
    expect(response.headers.get('x-request-id')).toBe('obs-req-0001');
    expect(proxy.requestIds.length).toBeGreaterThan(0);
    expect(new Set(proxy.requestIds)).toEqual(new Set(['obs-req-0001']));

    // Concurrent requests keep their own ids (the scope is per request, not per process).
    proxy.requestIds.length = 0;
    await Promise.all(ids.slice(1, 4).map((id, i) => postGraphQL(stack.gateway.url, operation('customer360'), { id }, { 'x-request-id': `obs-par-${i}` })));
    expect(new Set(proxy.requestIds)).toEqual(new Set(['obs-par-0', 'obs-par-1', 'obs-par-2']));
  });

  it('exposes request, subgraph, legacy, breaker and cache series on GET /metrics after traffic, failures included', async () => {
    await postGraphQL(stack.gateway.url, operation('customerList'), { first: 10 });
    // The card processor fails until its breaker opens (once failures are 70% of its last 5 s of
    // calls: the successes before the fault count too); the rest of each answer still comes back.
    stack.simulators.CARDS.setFaults({ errorRate: 1 });
    for (let i = 0; i < 200; i += 1) {
      const partial = await postGraphQL<{ customer: { id: string } }>(stack.gateway.url, operation('customer360'), { id: ids[i % ids.length] });
      expect(partial.data?.customer.id).toBe(ids[i % ids.length]);
      const text = await (await fetch(metricsUrl)).text();
      if (text.includes('uv_legacy_breaker_state{system="CARDS"} 2')) break;
    }
    stack.simulators.CARDS.setFaults({ errorRate: 0 });

    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^uv_gateway_requests_total\{operation="Customer360",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^uv_gateway_requests_total\{operation="Customer360",outcome="error"\} [1-9]\d*$/m);
    expect(text).toMatch(/^uv_gateway_requests_total\{operation="CustomerList",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^uv_gateway_request_duration_seconds_count\{operation="Customer360"\} [1-9]\d*$/m);
    expect(text).toMatch(/^uv_gateway_request_duration_seconds_bucket\{le="0\.5",operation="Customer360"\} \d+$/m);
    for (const subgraph of ['identity', 'cards', 'core-banking', 'erp', 'call-center', 'profile']) {
      expect(text).toMatch(new RegExp(`^uv_subgraph_fetch_duration_seconds_count\\{subgraph="${subgraph}",outcome="ok"\\} [1-9]\\d*$`, 'm'));
    }
    expect(text).toMatch(/^uv_subgraph_fetch_duration_seconds_count\{subgraph="cards",outcome="error"\} [1-9]\d*$/m);
    for (const system of ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER']) {
      expect(text).toMatch(new RegExp(`^uv_legacy_calls_total\\{system="${system}",outcome="ok"\\} [1-9]\\d*$`, 'm'));
      expect(text).toMatch(new RegExp(`^uv_legacy_breaker_state\\{system="${system}"\\} \\d$`, 'm'));
    }
    expect(text).toMatch(/^uv_legacy_errors_total\{system="CARDS",code="UPSTREAM_UNAVAILABLE"\} [1-9]\d*$/m);
    expect(text).toMatch(/^uv_legacy_breaker_state\{system="CARDS"\} 2$/m);
    expect(text).toMatch(/^uv_legacy_breaker_state\{system="ERP"\} 0$/m);
    expect(text).toMatch(/^uv_audit_events_total\{outcome="recorded"\} [1-9]\d*$/m);
    // The cache is not wired into the stack yet: its series are declared (HELP/TYPE) and fill once it is.
    expect(text).toContain('# TYPE uv_cache_hit_ratio gauge');
    expect(text).toContain('# TYPE uv_cache_requests_total counter');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('logs JSON with request ids and no email, phone number or national id, after traffic that includes errors', async () => {
    const people = dataset.truth.slice(0, 20);
    const teller = await authHeaders('teller', { channel: 'branch' });
    // Personal data in variables (searches by email and phone), bad input that echoes it, a
    // refused token, malformed GraphQL, and a lookup that fails validation.
    for (const person of people.slice(0, 5)) {
      await postGraphQL(stack.gateway.url, 'query Search($t: String!) { searchCustomers(text: $t) { edges { node { id } } } }', { t: person.email }, teller);
      await postGraphQL(stack.gateway.url, 'query Search($t: String!) { searchCustomers(text: $t) { edges { node { id } } } }', { t: person.mobilePhone }, teller);
      await postGraphQL(stack.gateway.url, 'query Lookup($id: ID!) { customer(id: $id) { id } }', { id: { email: person.email, nationalId: person.nationalId } }, teller);
      await postGraphQL(stack.gateway.url, 'query Lookup($id: ID!) { customer(id: $id) { id } }', { id: person.nationalId }, teller);
      await postGraphQL(stack.gateway.url, `{ customer(id: "${person.email}") { id profile { email { value } } } }`, {}, { authorization: 'Bearer not-a-token' });
      await postGraphQL(stack.gateway.url, `{ searchCustomers(text: "${person.mobilePhone}" { edges }`, {}, teller);
    }
    for (const id of ids.slice(0, 3)) await postGraphQL(stack.gateway.url, operation('customer360'), { id }, { ...teller, 'x-request-id': `obs-log-${id}` });

    const text = logs.text();
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => l.includes('"requestId":"obs-log-') && l.includes('"operationName":"Customer360"'))).toBe(true);

    // Generic shapes first, then every value the population holds.
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
    expect(text).not.toMatch(/\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/);
    expect(text).not.toMatch(/\+44[\d ().-]{9,}/);
    expect(text).not.toMatch(/\b07\d{3}[ -]?\d{3}[ -]?\d{3}\b/);
    // A phone number in any typed format: the digits of each logged string, separators dropped.
    const loggedDigits = lines.flatMap((line) => stringValues(JSON.parse(line))).map(digits).filter((d) => d.length >= 10);
    const lowerText = text.toLowerCase();
    for (const person of dataset.truth) {
      expect(lowerText).not.toContain(person.email.toLowerCase());
      expect(text).not.toContain(person.nationalId);
      const national = digits(person.mobilePhone).slice(2); // +44 7412 345678 -> 7412345678
      expect(loggedDigits.filter((d) => d.includes(national))).toEqual([]);
    }
  });
});
