import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSystemConfig, type SystemClientConfig } from './config';
import { DeadlineReached, RequestCancelledError, UpstreamDeadlineReached, UpstreamProtocolError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable } from './errors';
import { runInRequestScope } from './requestContext';
import { createSystemClient, statusError, type SystemClient } from './systemClient';

/** A scripted upstream: each request takes the next behaviour (the last one repeats). */
type Behaviour = { status: number; body?: string; headers?: Record<string, string> } | 'hang' | 'reset';

async function scriptedServer(script: Behaviour[]) {
  let served = 0;
  const server = http.createServer((req, res) => {
    const behaviour = script[Math.min(served, script.length - 1)];
    served += 1;
    if (behaviour === 'hang') return;
    if (behaviour === 'reset') return req.socket.destroy();
    res.writeHead(behaviour.status, behaviour.headers);
    res.end(behaviour.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    served: () => served,
    onConnection: (listener: () => void) => server.on('connection', listener),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// Timeouts far above a local answer even at load 20 (the machine is shared): only the hanging
// scripts are meant to time out.
function config(url: string, overrides: Partial<SystemClientConfig> = {}): SystemClientConfig {
  const base = defaultSystemConfig('CARDS', url);
  return { ...base, timeoutMs: 1000, retry: { ...base.retry, initialDelayMs: 1, maxDelayMs: 5 }, ...overrides };
}

const decodeJson = (response: { status: number; body: string }) => {
  if (response.status !== 200) throw statusError('CARDS', 'read', { ...response, headers: {} });
  return JSON.parse(response.body) as unknown;
};

describe('createSystemClient', () => {
  let server: Awaited<ReturnType<typeof scriptedServer>>;
  let client: SystemClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });

  it('retries an idempotent read after a 5xx and succeeds', async () => {
    server = await scriptedServer([{ status: 503 }, { status: 200, body: '{"ok":true}' }]);
    client = createSystemClient(config(server.url), {});
    await expect(client.call({ operation: 'read', request: { url: '/x' }, idempotent: true }, decodeJson)).resolves.toEqual({ ok: true });
    expect(server.served()).toBe(2);
  });

  it('never retries a write without an idempotency key', async () => {
    server = await scriptedServer([{ status: 500 }, { status: 200, body: '{}' }]);
    client = createSystemClient(config(server.url), {});
    await expect(client.call({ operation: 'write', request: { url: '/x', method: 'POST' }, idempotent: false }, decodeJson)).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(server.served()).toBe(1);
  });

  it('retries a write that carries an idempotency key, sending the key', async () => {
    server = await scriptedServer([{ status: 500 }, { status: 200, body: '{}' }]);
    client = createSystemClient(config(server.url), {});
    await expect(client.call({ operation: 'write', request: { url: '/x', method: 'POST' }, idempotent: false, idempotencyKey: 'k1' }, decodeJson)).resolves.toEqual({});
    expect(server.served()).toBe(2);
  });

  it('honours Retry-After on 429 and gives up when it asks for too long', async () => {
    server = await scriptedServer([{ status: 429, headers: { 'retry-after': '0' } }, { status: 200, body: '1' }]);
    client = createSystemClient(config(server.url), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson)).resolves.toBe(1);
    await server.close();
    server = await scriptedServer([{ status: 429, headers: { 'retry-after': '60' } }]);
    client.close();
    client = createSystemClient(config(server.url), {});
    const error = await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejected);
    expect((error as UpstreamRejected).retryAfterMs).toBe(60_000);
    expect(server.served()).toBe(1);
  });

  it('turns a hang into UpstreamTimeout and a reset into UpstreamUnavailable', async () => {
    server = await scriptedServer(['hang']);
    client = createSystemClient(config(server.url, { retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson)).rejects.toBeInstanceOf(UpstreamTimeout);
    await server.close();
    server = await scriptedServer(['reset']);
    client.close();
    client = createSystemClient(config(server.url), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson)).rejects.toBeInstanceOf(UpstreamUnavailable);
  });

  it('turns an unreadable body into UpstreamProtocolError without retrying', async () => {
    server = await scriptedServer([{ status: 200, body: '{"trunc' }]);
    client = createSystemClient(config(server.url), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson)).rejects.toBeInstanceOf(UpstreamProtocolError);
    expect(server.served()).toBe(1);
  });

  it('turns an answer compressed though not asked for into UpstreamProtocolError without retrying', async () => {
    server = await scriptedServer([{ status: 200, body: 'x', headers: { 'content-encoding': 'gzip' } }, { status: 200, body: '{}' }]);
    client = createSystemClient(config(server.url), {});
    const error = await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamProtocolError);
    expect((error as Error).message).toBe('CARDS read: unreadable response');
    expect(server.served()).toBe(1);
  });

  it('reuses kept-alive connections: 24 calls over no more connections than bulkhead.maxConcurrent', async () => {
    server = await scriptedServer([{ status: 200, body: '{}' }]);
    let connections = 0;
    server.onConnection(() => (connections += 1));
    client = createSystemClient(config(server.url, { bulkhead: { maxConcurrent: 3, maxQueued: 100 } }), {});
    const read = () => client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);
    await Promise.all(Array.from({ length: 12 }, read));
    await Promise.all(Array.from({ length: 12 }, read));
    expect(server.served()).toBe(24);
    expect(connections).toBeLessThanOrEqual(3);
  });

  it('opens the breaker on the failure ratio and fails fast naming the root cause, without calling', async () => {
    server = await scriptedServer([{ status: 500 }]);
    const states: string[] = [];
    client = createSystemClient(
      config(server.url, {
        retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 },
        breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 2, halfOpenAfterMs: 60_000 },
      }),
      { onBreakerState: (e) => states.push(e.state) },
    );
    const read = () => client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);
    await expect(read()).rejects.toBeInstanceOf(UpstreamUnavailable);
    await expect(read()).rejects.toBeInstanceOf(UpstreamUnavailable);
    const error = (await read().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UpstreamUnavailable);
    expect(error.message).toBe('CARDS read: breaker open after 2 of 2 calls failed within 60 s; last: server error (500)');
    expect(server.served()).toBe(2);
    expect(states).toEqual(['open']);
    expect(client.breakerState()).toBe('open');
  });

  it('counts attempt timeouts against the system: a hanging system opens the breaker', async () => {
    server = await scriptedServer(['hang']);
    client = createSystemClient(
      config(server.url, {
        timeoutMs: 300,
        retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 },
        breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 2, halfOpenAfterMs: 60_000 },
      }),
      {},
    );
    const read = () => client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);
    await expect(read()).rejects.toBeInstanceOf(UpstreamTimeout);
    await expect(read()).rejects.toBeInstanceOf(UpstreamTimeout);
    await expect(read()).rejects.toThrow('CARDS read: breaker open after 2 of 2 calls failed within 60 s; last: no answer within 300 ms');
    expect(server.served()).toBe(2);
  });

  it('retries a timeout at most maxTimeoutRetries times, other failures up to maxRetries', async () => {
    server = await scriptedServer(['hang']);
    client = createSystemClient(config(server.url, { timeoutMs: 300, retry: { maxRetries: 4, maxTimeoutRetries: 1, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson)).rejects.toBeInstanceOf(UpstreamTimeout);
    expect(server.served()).toBe(2);
    await server.close();
    server = await scriptedServer(['hang', { status: 503 }, 'hang', { status: 200, body: '7' }]);
    client.close();
    client = createSystemClient(config(server.url, { timeoutMs: 1000, retry: { maxRetries: 4, maxTimeoutRetries: 2, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson)).resolves.toBe(7);
    expect(server.served()).toBe(4);
  });

  it('reports each call to the metrics hook', async () => {
    server = await scriptedServer([{ status: 200, body: '2' }]);
    const calls: string[] = [];
    client = createSystemClient(config(server.url), { onCall: (e) => calls.push(`${e.system}:${e.operation}:${e.outcome}`) });
    await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);
    expect(calls).toEqual(['CARDS:read:ok']);
  });
});

describe('createSystemClient: retry budget and sampling breaker', () => {
  let server: Awaited<ReturnType<typeof scriptedServer>>;
  let client: SystemClient;
  afterEach(async () => {
    client?.close();
    await server?.close();
  });
  const read = () => client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);

  it('spends budget only on retries that are sent, never on the last attempt', async () => {
    server = await scriptedServer([{ status: 500 }]);
    // Three tokens, nothing deposited by traffic (ratio 0), refill too slow to matter here.
    client = createSystemClient(
      config(server.url, { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 0 }, retryBudget: { ratio: 0, minPerSecond: 0.3, windowMs: 10_000 } }),
      {},
    );
    await expect(read()).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(server.served()).toBe(3); // first attempt + two retries, two tokens spent
    await expect(read()).rejects.toBeInstanceOf(UpstreamUnavailable);
    // The third token was left for this call's one retry; then the budget is dry.
    expect(server.served()).toBe(5);
  });

  it('does not retry a call the open breaker refused', async () => {
    server = await scriptedServer([{ status: 500 }]);
    const retries: number[] = [];
    client = createSystemClient(
      config(server.url, { retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 }, breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 2, halfOpenAfterMs: 60_000 } }),
      { onRetry: (e) => retries.push(e.attempt) },
    );
    // Two attempts fail and open the breaker; the third attempt is refused by it and not retried.
    await expect(read()).rejects.toThrow(/breaker open after 2 of 2 calls failed/);
    expect(server.served()).toBe(2);
    expect(retries).toEqual([1, 2]);
  });

  it('keeps calling a flaky system whose failures come in runs (no consecutive-failure trip)', async () => {
    const runs: Behaviour[] = [];
    for (let i = 0; i < 4; i++) runs.push(...Array(6).fill({ status: 500 }), ...Array(6).fill({ status: 200, body: '1' }));
    server = await scriptedServer([...runs, { status: 200, body: '1' }]);
    client = createSystemClient(config(server.url, { retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {});
    let ok = 0;
    for (let i = 0; i < runs.length; i++) ok += await read().then(() => 1, () => 0);
    expect(ok).toBe(24);
    expect(server.served()).toBe(48);
    expect(client.breakerState()).toBe('closed');
  });
});

describe('createSystemClient: cancellation through the request scope', () => {
  // An upstream that reports each request it receives and each connection it sees closed.
  let server: http.Server;
  let url: string;
  let behaviour: 'hang' | 'fail' = 'hang';
  let received = 0;
  const events = new EventEmitter();
  let client: SystemClient;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      received += 1;
      events.emit('received', received);
      req.socket.once('close', () => events.emit('closed'));
      if (behaviour === 'fail') res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  beforeEach(() => {
    received = 0;
  });
  afterEach(() => client?.close());

  const readIn = (signal: AbortSignal) =>
    runInRequestScope({ signal }, () => client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson));

  it('aborts the call in flight, sends no retry, and does not count it against the system', async () => {
    behaviour = 'hang';
    client = createSystemClient(
      config(url, { timeoutMs: 60_000, breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 1, halfOpenAfterMs: 60_000 } }),
      {},
    );
    for (let i = 0; i < 3; i++) {
      const controller = new AbortController();
      const arrived = once(events, 'received');
      const outcome = readIn(controller.signal).catch((e: unknown) => e);
      await arrived;
      const closed = once(events, 'closed');
      controller.abort();
      expect(await outcome).toBeInstanceOf(RequestCancelledError);
      await closed; // the legacy system saw the connection go
    }
    expect(received).toBe(3);
    expect(client.breakerState()).toBe('closed');
  });

  it('aborts a timed-out attempt: the system sees its connection close', async () => {
    behaviour = 'hang';
    client = createSystemClient(config(url, { timeoutMs: 1_000, retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } }), {});
    const arrived = once(events, 'received');
    const closed = once(events, 'closed');
    const outcome = client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson).catch((e: unknown) => e);
    await arrived;
    expect(await outcome).toBeInstanceOf(UpstreamTimeout);
    // A hanging server never closes the socket itself: only the client's abort does.
    await closed;
    expect(received).toBe(1);
  });

  it('stops retrying once the request is cancelled between attempts', async () => {
    behaviour = 'fail';
    client = createSystemClient(config(url, { retry: { maxRetries: 5, initialDelayMs: 200, maxDelayMs: 200, maxRetryAfterMs: 0 } }), {});
    const controller = new AbortController();
    const arrived = once(events, 'received');
    const outcome = readIn(controller.signal).catch((e: unknown) => e);
    await arrived;
    controller.abort();
    expect(await outcome).toBeInstanceOf(RequestCancelledError);
    // The call has settled: nothing of it can reach the system any more.
    expect(received).toBe(1);
  });

  it('ends a call at the request deadline as UPSTREAM_TIMEOUT, without counting it against the system', async () => {
    behaviour = 'hang';
    client = createSystemClient(config(url, { timeoutMs: 60_000, breaker: { failureRatio: 0.5, samplingWindowMs: 60_000, minimumCalls: 1, halfOpenAfterMs: 60_000 } }), {});
    for (let i = 0; i < 2; i++) {
      const controller = new AbortController();
      const arrived = once(events, 'received');
      const outcome = readIn(controller.signal).catch((e: unknown) => e);
      await arrived;
      controller.abort(new DeadlineReached());
      const error = await outcome;
      expect(error).toBeInstanceOf(UpstreamDeadlineReached);
      expect((error as UpstreamTimeout).code).toBe('UPSTREAM_TIMEOUT');
      expect((error as Error).message).toBe("CARDS read: no answer before the request's deadline");
    }
    expect(client.breakerState()).toBe('closed');
  });

  it('refuses to start a call for a request already cancelled', async () => {
    client = createSystemClient(config(url), {});
    const controller = new AbortController();
    controller.abort();
    expect(await readIn(controller.signal).catch((e: unknown) => e)).toBeInstanceOf(RequestCancelledError);
    expect(received).toBe(0);
  });
});
