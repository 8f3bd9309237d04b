import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSystemConfig, type SystemClientConfig } from './config';
import { UpstreamProtocolError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable } from './errors';
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
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function config(url: string, overrides: Partial<SystemClientConfig> = {}): SystemClientConfig {
  const base = defaultSystemConfig('CARDS', url);
  return { ...base, timeoutMs: 200, retry: { ...base.retry, initialDelayMs: 1, maxDelayMs: 5 }, ...overrides };
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

  it('opens the breaker after consecutive failures and fails fast without calling', async () => {
    server = await scriptedServer([{ status: 500 }]);
    const states: string[] = [];
    client = createSystemClient(
      config(server.url, { retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } }),
      { onBreakerState: (e) => states.push(e.state) },
    );
    const read = () => client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);
    await expect(read()).rejects.toBeInstanceOf(UpstreamUnavailable);
    await expect(read()).rejects.toBeInstanceOf(UpstreamUnavailable);
    const error = (await read().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('circuit open');
    expect(server.served()).toBe(2);
    expect(states).toEqual(['open']);
    expect(client.breakerState()).toBe('open');
  });

  it('reports each call to the metrics hook', async () => {
    server = await scriptedServer([{ status: 200, body: '2' }]);
    const calls: string[] = [];
    client = createSystemClient(config(server.url), { onCall: (e) => calls.push(`${e.system}:${e.operation}:${e.outcome}`) });
    await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decodeJson);
    expect(calls).toEqual(['CARDS:read:ok']);
  });
});
