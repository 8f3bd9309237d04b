import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Readable } from 'node:stream';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { createPooledAxiosAdapter, type PooledAxiosAdapter } from './pooledAxiosAdapter';

/** What the server saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Answer = (request: Seen, res: http.ServerResponse) => void;

/** A real HTTP server that records every request and answers with `answer` (or hangs when it returns without ending). */
async function recordingServer(answer: Answer = (_, res) => res.end('ok')) {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(request);
      answer(request, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('createPooledAxiosAdapter', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  let pooled: PooledAxiosAdapter;
  let client: AxiosInstance;
  const start = async (answer?: Answer, basePath = '', connections = 4) => {
    server = await recordingServer(answer);
    pooled = createPooledAxiosAdapter(`${server.origin}${basePath}`, connections);
    client = axios.create({ baseURL: `${server.origin}${basePath}`, adapter: pooled.adapter, responseType: 'text', transformResponse: [(data: unknown) => data] });
  };
  afterEach(async () => {
    await pooled?.destroy();
    await server?.close();
  });

  describe('what is sent', () => {
    it.each([
      // [base path, call url, params, what the server sees]
      ['', '/v1/cards', undefined, '/v1/cards'],
      ['/prefix/', '/v1/cards', undefined, '/prefix/v1/cards'],
      ['/prefix', 'v1/cards', undefined, '/prefix/v1/cards'],
      ['', '/v1/cards', { limit: 5, active: true }, '/v1/cards?limit=5&active=true'],
      ['', '/v1/cards', { cursor: 'a b&c=d/é' }, '/v1/cards?cursor=a%20b%26c%3Dd%2F%C3%A9'],
      ['', '/v1/cards', { skip: undefined, none: null, limit: 2 }, '/v1/cards?limit=2'],
      ['', "/odata/Partners?$top=5&$filter=Id eq '1'", { page: 2 }, "/odata/Partners?$top=5&$filter=Id%20eq%20%271%27&page=2"],
      ['', '/v1/cards#fragment', undefined, '/v1/cards'],
    ])('base %j, url %j, params %j: the server is asked for %j', async (basePath, url, params, expected) => {
      await start(undefined, basePath);
      await client.request({ url, params });
      expect(server.seen.map((s) => s.url)).toEqual([expected]);
    });

    it('an absolute URL on the system itself is followed', async () => {
      await start();
      await client.request({ url: `${server.origin}/v1/next?page=2` });
      expect(server.seen.map((s) => s.url)).toEqual(['/v1/next?page=2']);
    });

    it.each(['http://elsewhere.invalid/v1/x', '//elsewhere.invalid/v1/x', 'https://127.0.0.1/v1/x'])(
      'an absolute URL to another origin (%s) is refused and nothing is sent',
      async (url) => {
        await start();
        const error = await client.request({ url }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AxiosError);
        expect((error as AxiosError).code).toBe('ERR_BAD_OPTION_VALUE');
        expect(server.seen).toEqual([]);
      },
    );

    it('a query parameter that is not a scalar is refused', async () => {
      await start();
      const error = await client.request({ url: '/x', params: { ids: ['1', '2'] } }).catch((e: unknown) => e);
      expect((error as AxiosError).code).toBe('ERR_BAD_OPTION_VALUE');
      expect(server.seen).toEqual([]);
    });

    it('sends a string body and a byte body byte for byte, with the method and headers asked for', async () => {
      await start();
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      await client.request({ method: 'POST', url: '/soap', data: '<Envelope>é</Envelope>', headers: { 'Content-Type': 'text/xml', SOAPAction: 'Find' } });
      await client.request({ method: 'post', url: '/bytes', data: bytes, headers: { 'x-idempotency-key': 'k1' } });
      const [text, binary] = server.seen;
      expect(text.method).toBe('POST');
      expect(text.body.toString('utf8')).toBe('<Envelope>é</Envelope>');
      expect(text.headers['content-length']).toBe(String(Buffer.byteLength('<Envelope>é</Envelope>')));
      expect(text.headers['content-type']).toBe('text/xml');
      expect(text.headers.soapaction).toBe('Find');
      expect(binary.body.equals(bytes)).toBe(true);
      expect(binary.headers['x-idempotency-key']).toBe('k1');
    });

    it('says it is axios and does not ask for a compressed answer', async () => {
      await start();
      await client.request({ url: '/x' });
      expect(server.seen[0].headers['user-agent']).toBe(`axios/${axios.VERSION}`);
      expect(server.seen[0].headers['accept-encoding']).toBeUndefined();
      expect(server.seen[0].method).toBe('GET');
    });

    it('keeps at most `connections` connections open, however many calls wait', async () => {
      const held: http.ServerResponse[] = [];
      await start((_, res) => held.push(res), '', 2);
      const calls = Array.from({ length: 5 }, (_, i) => client.request({ url: `/slow/${i}` }));
      await waitFor(() => server.seen.length === 2);
      expect(server.connections()).toBe(2);
      // Answering frees a connection for the next waiting call.
      for (let answered = 0; answered < 5; answered += 1) {
        await waitFor(() => held.length > answered);
        held[answered].end('done');
      }
      await expect(Promise.all(calls)).resolves.toHaveLength(5);
      expect(server.connections()).toBe(2);
    });
  });

  describe('what is read', () => {
    it('reads the body as UTF-8 text by default, without a byte order mark', async () => {
      await start((_, res) => res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zoë', 'utf8')])));
      const response = await client.request<string>({ url: '/x' });
      expect(response.data).toBe('Zoë');
    });

    it('reads the body byte for byte with responseEncoding latin1 (host code pages)', async () => {
      const bytes = Buffer.from([0x00, 0x41, 0x7f, 0x80, 0xc1, 0xff]);
      await start((_, res) => res.end(bytes));
      const response = await client.request<string>({ url: '/x', responseEncoding: 'latin1' });
      expect([...response.data].map((c) => c.charCodeAt(0))).toEqual([0x00, 0x41, 0x7f, 0x80, 0xc1, 0xff]);
    });

    it('gives status, status text and headers (lower-case names)', async () => {
      await start((_, res) => {
        res.writeHead(503, { 'Retry-After': '2', 'Content-Type': 'text/plain' });
        res.end('busy');
      });
      const response = await client.request<string>({ url: '/x', validateStatus: () => true });
      expect(response.status).toBe(503);
      expect(response.statusText).toBe('Service Unavailable');
      expect(response.headers['retry-after']).toBe('2');
      expect(response.data).toBe('busy');
    });

    it('refuses a status its validateStatus refuses, with the answer attached', async () => {
      await start((_, res) => {
        res.statusCode = 404;
        res.end('no such thing');
      });
      const error = await client.request({ url: '/x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AxiosError);
      expect((error as AxiosError).response?.status).toBe(404);
      expect((error as AxiosError).code).toBe('ERR_BAD_REQUEST');
    });

    it('gives a stream with responseType stream', async () => {
      await start((_, res) => {
        res.write('first,');
        res.end('second');
      });
      const response = await client.request<Readable>({ url: '/x', responseType: 'stream' });
      const chunks: Buffer[] = [];
      for await (const chunk of response.data) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('first,second');
    });

    it.each([
      ['a compressed answer nobody asked for', (res: http.ServerResponse) => { res.setHeader('content-encoding', 'gzip'); res.end('not really gzip'); }, {}],
      ['a body past maxContentLength', (res: http.ServerResponse) => res.end('x'.repeat(101)), { maxContentLength: 100 }],
    ])('refuses %s as an unreadable answer', async (_, answer, options) => {
      await start((__, res) => answer(res));
      const error = await client.request({ url: '/x', ...options }).catch((e: unknown) => e);
      expect((error as AxiosError).code).toBe('ERR_BAD_RESPONSE');
    });

    it('reads a body of exactly maxContentLength', async () => {
      await start((_, res) => res.end('x'.repeat(100)));
      await expect(client.request({ url: '/x', maxContentLength: 100 })).resolves.toMatchObject({ data: 'x'.repeat(100) });
    });
  });

  describe('failures', () => {
    it('a refused connection is ECONNREFUSED, and the message names no host', async () => {
      await start();
      await server.close();
      const error = await client.request({ url: '/x' }).catch((e: unknown) => e);
      expect((error as AxiosError).code).toBe('ECONNREFUSED');
      expect((error as AxiosError).message).toBe('request failed (ECONNREFUSED)');
    });

    it('a connection the system drops before answering is ECONNRESET', async () => {
      await start((_, res) => res.socket?.destroy());
      const error = await client.request({ url: '/x' }).catch((e: unknown) => e);
      expect((error as AxiosError).code).toBe('ECONNRESET');
    });

    it('a call whose signal is aborted in flight is ERR_CANCELED', async () => {
      await start(() => undefined);
      const controller = new AbortController();
      const call = client.request({ url: '/x', signal: controller.signal }).catch((e: unknown) => e);
      await waitFor(() => server.seen.length === 1);
      controller.abort();
      expect(((await call) as AxiosError).code).toBe('ERR_CANCELED');
    });

    it('after destroy, calls fail instead of hanging', async () => {
      await start();
      await pooled.destroy();
      const error = await client.request({ url: '/x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AxiosError);
      expect((error as AxiosError).code).toBe('ECONNRESET');
    });
  });
});

/** Waits until `condition` holds, checking on each turn of the event loop (no fixed sleep). */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
