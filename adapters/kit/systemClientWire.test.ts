import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosRequestConfig } from 'axios';
import { defaultSystemConfig } from './config';
import { createPooledAxiosAdapter } from './pooledAxiosAdapter';
import { createSystemClient, type CallOptions } from './systemClient';

/**
 * The system client builds its axios instance from axios's `Axios` class with only the settings
 * it uses (not `axios.create`, which copies every global default into each call's config). What
 * reaches a legacy system must not change: every call below is sent both through the client and
 * through an `axios.create` instance with the client's former settings over the same kind of
 * pool, and the two requests must be the same, byte for byte.
 */

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function recordingServer() {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('latin1') });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const REQUEST_ID = { 'x-request-id': 'req-wire-1' };
const BYTES: Partial<AxiosRequestConfig> = { responseType: 'arraybuffer', responseEncoding: 'latin1' };

/** The calls the adapters make, by shape (kit callers: core banking, cards, ERP, call center). */
const CALLS: Array<{ name: string; options: CallOptions }> = [
  { name: 'GET with a path and query parameters', options: { operation: 'txninq', request: { method: 'GET', url: '/cics/txninq/0001', params: { limit: 20 }, ...BYTES }, idempotent: true } },
  { name: 'GET with no method named', options: { operation: 'read', request: { url: "/odata/Customers('C1')?$expand=Orders" }, idempotent: true } },
  { name: 'GET with parameters that need escaping', options: { operation: 'list', request: { method: 'GET', url: '/v1/cardholders', params: { ids: 'a b,c&d', starting_after: 'é' } }, idempotent: true } },
  {
    name: 'POST of a text body with its own content type and action',
    options: { operation: 'find', request: { method: 'POST', url: '/soap', data: '<Envelope>é</Envelope>', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: 'Find' } }, idempotent: true },
  },
  { name: 'POST of bytes', options: { operation: 'custinq', request: { method: 'POST', url: '/cics/custinq', data: Buffer.from([0xc1, 0xc2, 0x40, 0x25]), headers: { 'Content-Type': 'text/plain' }, ...BYTES }, idempotent: true } },
  { name: 'POST with no content type', options: { operation: 'post', request: { method: 'POST', url: '/x', data: 'a=1' }, idempotent: true } },
  { name: 'a write with an idempotency key and no body', options: { operation: 'book', request: { method: 'POST', url: '/book' }, idempotent: false, idempotencyKey: 'key-1' } },
  { name: 'a call that names its own Accept', options: { operation: 'read', request: { url: '/x', headers: { Accept: 'application/xml' } }, idempotent: true } },
];

describe('createSystemClient: what reaches the system', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  beforeEach(async () => {
    server = await recordingServer();
  });
  afterEach(async () => {
    await server.close();
  });

  /** The request as the client's former `axios.create` instance sent it. */
  async function sentByAxiosCreate(options: CallOptions): Promise<Seen> {
    const pool = createPooledAxiosAdapter(server.origin, 2);
    const reference = axios.create({ baseURL: server.origin, adapter: pool.adapter, responseType: 'text', transformResponse: [(data: unknown) => data], validateStatus: () => true, maxRedirects: 0 });
    const headers = { ...REQUEST_ID, ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}), ...((options.request.headers as Record<string, string> | undefined) ?? {}) };
    await reference.request({ ...options.request, headers });
    await pool.destroy();
    return server.seen.pop()!;
  }

  async function sentByClient(options: CallOptions): Promise<Seen> {
    const client = createSystemClient(defaultSystemConfig('CARDS', server.origin), { headers: () => REQUEST_ID });
    await client.call(options, (response) => response.status);
    client.close();
    return server.seen.pop()!;
  }

  it.each(CALLS)('$name: the same request as axios.create sent', async ({ options }) => {
    const expected = await sentByAxiosCreate(options);
    const sent = await sentByClient(options);
    expect(sent).toEqual(expected);
  });

  it('sends axios defaults a system may rely on: its Accept, its user agent, a form content type for a bare POST', async () => {
    const get = await sentByClient(CALLS[1].options);
    expect(get.headers.accept).toBe('application/json, text/plain, */*');
    expect(get.headers['user-agent']).toBe(`axios/${axios.VERSION}`);
    expect(get.headers['x-request-id']).toBe('req-wire-1');
    const post = await sentByClient(CALLS[5].options);
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.body).toBe('a=1');
    const own = await sentByClient(CALLS[7].options);
    expect(own.headers.accept).toBe('application/xml');
  });
});
