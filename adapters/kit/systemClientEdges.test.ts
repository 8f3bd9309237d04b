import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSystemConfig, type SystemClientConfig } from './config';
import { UpstreamProtocolError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable } from './errors';
import { createSystemClient, statusError, type SystemClient } from './systemClient';
import { legacySystemHealth } from './systemHealth';

// The system client's edges the main suite (systemClient.test.ts) leaves: streamed extracts,
// the generic status mapping, the headers sent, the health it reports. Expected values by hand.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function serve(handler: Handler) {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const noRetry = { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 };
const config = (url: string, over: Partial<SystemClientConfig> = {}): SystemClientConfig => ({ ...defaultSystemConfig('ERP', url), timeoutMs: 1000, ...over });

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

describe('statusError', () => {
  const response = (status: number, headers: Record<string, string> = {}) => ({ status, headers, body: 'Jane Doe not found' });

  // [status, Retry-After, error class, message, retryAfterMs, transient]
  it.each<[number, string | undefined, unknown, string, number | undefined, boolean]>([
    [429, '3', UpstreamRejected, 'ERP read: rate limited (429)', 3000, true],
    [429, undefined, UpstreamRejected, 'ERP read: rate limited (429)', 1000, true],
    [500, undefined, UpstreamUnavailable, 'ERP read: server error (500)', undefined, true],
    [503, '2', UpstreamUnavailable, 'ERP read: server error (503)', 2000, true],
    [599, undefined, UpstreamUnavailable, 'ERP read: server error (599)', undefined, true],
    [499, undefined, UpstreamRejected, 'ERP read: request refused (499)', undefined, false],
    [400, '5', UpstreamRejected, 'ERP read: request refused (400)', undefined, false],
    [404, undefined, UpstreamRejected, 'ERP read: request refused (404)', undefined, false],
  ])('%i (Retry-After %s)', (status, retryAfter, type, message, retryAfterMs, transient) => {
    const error = statusError('ERP', 'read', response(status, retryAfter === undefined ? {} : { 'retry-after': retryAfter }));
    expect(error).toBeInstanceOf(type as new () => Error);
    expect([error.message, (error as UpstreamRejected).retryAfterMs, error.transient]).toEqual([message, retryAfterMs, transient]);
  });
});

describe('createSystemClient', () => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let client: SystemClient | undefined;
  afterEach(async () => {
    client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  it('sends its hooks\' headers, the idempotency key and the request\'s own headers, the request\'s winning', async () => {
    server = await serve((_req, res) => res.end('1'));
    client = createSystemClient(config(server.url), { headers: () => ({ 'x-request-id': 'r1', 'x-team': 'hooks' }) });
    await client.call({ operation: 'write', request: { url: '/x', method: 'POST', headers: { 'x-team': 'request' } }, idempotent: false, idempotencyKey: 'k-1' }, (r) => r.body);
    const headers = server.requests[0].headers;
    expect([headers['x-request-id'], headers['x-team'], headers['idempotency-key']]).toEqual(['r1', 'request', 'k-1']);
    await client.call({ operation: 'read', request: { url: '/x' }, idempotent: true }, (r) => r.body);
    expect(server.requests[1].headers['idempotency-key']).toBeUndefined();
  });

  it('hands the decoder the status, headers and body as text', async () => {
    server = await serve((_req, res) => {
      res.writeHead(202, { 'x-answer': 'yes' });
      res.end('{"a":1}');
    });
    client = createSystemClient(config(server.url), {});
    const seen = await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, (r) => r);
    expect([seen.status, seen.headers['x-answer'], seen.body]).toEqual([202, 'yes', '{"a":1}']);
  });

  it('keeps the typed error a decoder throws, and makes anything else a protocol error without its text', async () => {
    server = await serve((_req, res) => res.end('<html>Jane Doe</html>'));
    client = createSystemClient(config(server.url, { retry: noRetry }), {});
    const refused = await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, () => {
      throw new UpstreamRejected('ERP', 'read', 'OData error X (HTTP 400)');
    }).catch((e: unknown) => e);
    expect(refused).toEqual(new UpstreamRejected('ERP', 'read', 'OData error X (HTTP 400)'));
    const unreadable = (await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, (r) => JSON.parse(r.body) as unknown).catch((e: unknown) => e)) as Error;
    expect(unreadable).toBeInstanceOf(UpstreamProtocolError);
    expect(unreadable.message).toBe('ERP read: unreadable response');
    expect(unreadable.cause).toBeInstanceOf(SyntaxError);
  });

  it('turns a 429 into a refusal before the decoder sees it', async () => {
    server = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end('{}');
    });
    let decoded = 0;
    client = createSystemClient(config(server.url), {});
    const error = await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, () => (decoded += 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejected);
    expect((error as UpstreamRejected).retryAfterMs).toBe(120_000);
    expect(decoded).toBe(0);
  });

  it('says what failed to connect, and reports the outcome code to the metrics hook', async () => {
    // A port nobody listens on: the listener is closed before the call.
    const gone = await serve(() => undefined);
    await gone.close();
    const outcomes: string[] = [];
    client = createSystemClient(config(gone.url, { retry: noRetry }), { onCall: (e) => outcomes.push(`${e.operation}:${e.outcome}`) });
    const error = (await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, (r) => r.body).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UpstreamUnavailable);
    expect(error.message).toBe('ERP read: connection failed (ECONNREFUSED)');
    expect(outcomes).toEqual(['read:UPSTREAM_UNAVAILABLE']);
  });

  it('reports each retry with its attempt number', async () => {
    let n = 0;
    server = await serve((_req, res) => {
      n += 1;
      res.writeHead(n < 3 ? 503 : 200);
      res.end('ok');
    });
    const retries: string[] = [];
    client = createSystemClient(config(server.url, { retry: { maxRetries: 4, initialDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 0 } }), { onRetry: (e) => retries.push(`${e.system}:${e.attempt}`) });
    const decode = (r: { status: number; body: string; headers: Record<string, string | undefined> }) => {
      if (r.status !== 200) throw statusError('ERP', 'read', r);
      return r.body;
    };
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decode)).resolves.toBe('ok');
    expect(retries).toEqual(['ERP:1', 'ERP:2']);
  });

  it('waits the Retry-After a 503 asks for (within the limit) before retrying', async () => {
    const at: number[] = [];
    server = await serve((_req, res) => {
      at.push(Date.now());
      if (at.length === 1) {
        res.writeHead(503, { 'retry-after': '1' });
        res.end();
      } else res.end('ok');
    });
    const decode = (r: { status: number; body: string; headers: Record<string, string | undefined> }) => {
      if (r.status !== 200) throw statusError('ERP', 'read', r);
      return r.body;
    };
    client = createSystemClient(config(server.url, { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2000 } }), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decode)).resolves.toBe('ok');
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(900);
  });

  it('does not wait for a 503 asking for longer than the limit: it fails instead', async () => {
    server = await serve((_req, res) => {
      res.writeHead(503, { 'retry-after': '30' });
      res.end();
    });
    const decode = (r: { status: number; body: string; headers: Record<string, string | undefined> }) => {
      if (r.status !== 200) throw statusError('ERP', 'read', r);
      return r.body;
    };
    client = createSystemClient(config(server.url, { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2000 } }), {});
    await expect(client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, decode)).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses calls beyond the bulkhead as unavailable', async () => {
    const waiting: http.ServerResponse[] = [];
    server = await serve((_req, res) => waiting.push(res));
    client = createSystemClient(config(server.url, { retry: noRetry, bulkhead: { maxConcurrent: 1, maxQueued: 0 } }), {});
    const first = client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, (r) => r.body);
    while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = (await client.call({ operation: 'read', request: { url: '/' }, idempotent: true }, (r) => r.body).catch((e: unknown) => e)) as Error;
    expect(second).toBeInstanceOf(UpstreamUnavailable);
    expect(second.message).toBe('ERP read: too many concurrent calls');
    waiting[0].end('done');
    await expect(first).resolves.toBe('done');
  });

  it('reports its system healthy while the breaker is closed, and why once it opened', async () => {
    server = await serve((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    client = createSystemClient(
      config(server.url, { retry: noRetry, breaker: { failureRatio: 0.5, samplingWindowMs: 4_400, minimumCalls: 2, halfOpenAfterMs: 60_000 } }),
      {},
    );
    expect(legacySystemHealth(['ERP'])).toEqual([{ system: 'ERP', breaker: 'closed' }]);
    const read = () => client!.call({ operation: 'read', request: { url: '/' }, idempotent: true }, (r) => {
      throw statusError('ERP', 'read', r);
    });
    await read().catch(() => undefined);
    await read().catch(() => undefined);
    // The window is named in whole seconds (4.4 s -> 4 s).
    expect(legacySystemHealth(['ERP'])).toEqual([{ system: 'ERP', breaker: 'open', reason: 'breaker open after 2 of 2 calls failed within 4 s; last: server error (500)' }]);
    client.close();
    client = undefined;
    expect(legacySystemHealth(['ERP'])).toEqual([]);
  });
});

describe('openStream', () => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let client: SystemClient | undefined;
  afterEach(async () => {
    client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  it('opens the stream and lets the body take longer than the time to first byte', async () => {
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"a":1}\n');
      // The rest comes after the attempt's timeout: a stream is not cut at it.
      setTimeout(() => res.end('{"a":2}\n'), 600);
    });
    client = createSystemClient(config(server.url, { timeoutMs: 300 }), { headers: () => ({ 'x-request-id': 'r9' }) });
    const opened = await client.openStream({ operation: 'extract', request: { url: '/extract' }, idempotencyKey: 'e-1' });
    expect(opened.status).toBe(200);
    expect(await readAll(opened.stream)).toBe('{"a":1}\n{"a":2}\n');
    expect([server.requests[0].url, server.requests[0].headers['x-request-id'], server.requests[0].headers['idempotency-key']]).toEqual(['/extract', 'r9', 'e-1']);
  });

  it.each<[number, unknown, string]>([
    [500, UpstreamUnavailable, 'ERP extract: server error (500)'],
    [404, UpstreamRejected, 'ERP extract: request refused (404)'],
    [400, UpstreamRejected, 'ERP extract: request refused (400)'],
  ])('turns a %i into the typed error', async (status, type, message) => {
    server = await serve((_req, res) => {
      res.writeHead(status);
      res.end('Jane Doe');
    });
    client = createSystemClient(config(server.url), {});
    const error = (await client.openStream({ operation: 'extract', request: { url: '/' } }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(type as new () => Error);
    expect(error.message).toBe(message);
  });

  it('serves a 3xx as it is (no redirect is followed)', async () => {
    server = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://elsewhere.invalid/' });
      res.end();
    });
    client = createSystemClient(config(server.url), {});
    const opened = await client.openStream({ operation: 'extract', request: { url: '/' } });
    expect(opened.status).toBe(302);
    opened.stream.resume();
  });

  it('times out when no answer comes, and says so once the connection fails', async () => {
    server = await serve(() => undefined);
    client = createSystemClient(config(server.url, { timeoutMs: 200 }), {});
    const error = (await client.openStream({ operation: 'extract', request: { url: '/' } }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UpstreamTimeout);
    expect(error.message).toBe('ERP extract: no answer within 200 ms');
    await server.close();
    const refused = (await client.openStream({ operation: 'extract', request: { url: '/' } }).catch((e: unknown) => e)) as Error;
    expect(refused).toBeInstanceOf(UpstreamUnavailable);
    server = undefined;
  });
});
