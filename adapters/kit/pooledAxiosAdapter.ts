import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { Pool } from 'undici';

/**
 * An axios adapter that sends a system's calls over one undici connection pool.
 *
 * Why: the adapters keep axios as their HTTP API, but its Node adapter builds a ClientRequest,
 * follow-redirects bookkeeping and a response stream pipeline per call, and Node's http client
 * parses every answer in JavaScript: about a third of the backends' CPU per legacy call in the
 * split bench's profile (BENCHMARKS.md, "Legacy calls over an undici pool"). A pool of keep-alive
 * connections to the one origin a system lives at, with undici's wasm HTTP parser, does the same
 * work for less. What axios did that the adapters rely on is kept, and written down in
 * pooledAxiosAdapter.test.ts against a real server: the base URL's path, query parameters,
 * string and byte bodies, `responseEncoding`, `responseType: 'stream'`, `validateStatus`,
 * cancellation through `signal`, and network failures as errors with a system code
 * (`ECONNREFUSED`, `ECONNRESET`).
 *
 * What it refuses rather than guess: a URL to another origin than the system's (the pool
 * connects to one host only; a link a system hands back never redirects a call elsewhere), an
 * answer compressed though none was asked for (no `accept-encoding` is sent), a body past
 * `maxContentLength`, and body or parameter types the adapters never send.
 */
export interface PooledAxiosAdapter {
  readonly adapter: AxiosAdapter;
  /** Closes the pool's connections; calls in flight fail. */
  destroy(): Promise<void>;
}

const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;
const USER_AGENT = `axios/${axios.VERSION}`;

/** undici's own codes for a failed exchange, as the system error a Node socket would have given. */
const SOCKET_CODES: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_DESTROYED: 'ECONNRESET',
  UND_ERR_ABORTED: AxiosError.ERR_CANCELED,
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: AxiosError.ERR_BAD_REQUEST,
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: AxiosError.ERR_BAD_RESPONSE,
  UND_ERR_INVALID_ARG: AxiosError.ERR_BAD_OPTION_VALUE,
};

/** One pool per system: `connections` is the most calls it has on the wire at once (its bulkhead). */
export function createPooledAxiosAdapter(baseUrl: string, connections: number): PooledAxiosAdapter {
  const base = new URL(baseUrl);
  const pool = new Pool(base.origin, { connections, keepAliveTimeout: 60_000 });
  const adapter: AxiosAdapter = async (config) => {
    let response;
    try {
      response = await pool.request({
        path: pathOf(config, base),
        method: (config.method ?? 'get').toUpperCase() as 'GET',
        headers: headersOf(config),
        body: bodyOf(config.data),
        signal: config.signal as AbortSignal | undefined,
      });
    } catch (error) {
      throw asAxiosError(error, config);
    }
    const { statusCode: status, headers, body } = response;
    try {
      const encoding = headers['content-encoding'];
      if (encoding !== undefined && encoding !== 'identity') {
        throw new AxiosError('compressed answer not asked for', AxiosError.ERR_BAD_RESPONSE, config);
      }
      const data = config.responseType === 'stream' ? (body as Readable) : await bodyData(body, config);
      const answer: AxiosResponse = { data, status, statusText: STATUS_CODES[status] ?? '', headers, config, request: undefined };
      if (config.validateStatus && !config.validateStatus(status)) {
        throw new AxiosError(`Request failed with status code ${status}`, status < 500 ? AxiosError.ERR_BAD_REQUEST : AxiosError.ERR_BAD_RESPONSE, config, undefined, answer);
      }
      return answer;
    } catch (error) {
      // An unread or half-read body would hold its connection; destroying it reports an abort
      // nobody listens for.
      body.on('error', () => undefined);
      body.destroy();
      throw asAxiosError(error, config);
    }
  };
  return { adapter, destroy: () => pool.destroy() };
}

/**
 * The request's path and query, as axios builds them: the base URL's path, then the call's URL
 * (read as a URL, so what needs escaping is escaped), then its params.
 */
function pathOf(config: InternalAxiosRequestConfig, base: URL): string {
  const url = config.url ?? '';
  const target = ABSOLUTE_URL.test(url) ? new URL(url, base) : new URL(`${base.pathname.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`, base.origin);
  if (target.origin !== base.origin) throw new AxiosError('a call may only go to its system', AxiosError.ERR_BAD_OPTION_VALUE, config);
  const path = `${target.pathname}${target.search}`;
  const query = queryOf(config.params, config);
  return query ? `${path}${target.search ? '&' : '?'}${query}` : path;
}

function queryOf(params: unknown, config: InternalAxiosRequestConfig): string {
  if (params === undefined || params === null) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new AxiosError(`query parameter ${key}: only scalar values are sent`, AxiosError.ERR_BAD_OPTION_VALUE, config);
    }
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

function headersOf(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON() as Record<string, unknown>)) {
    if (value === undefined || value === null || value === false) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value as string | number | boolean);
  }
  headers['user-agent'] ??= USER_AGENT;
  return headers;
}

function bodyOf(data: unknown): string | Uint8Array | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError('a request body is a string or bytes');
}

async function bodyData(body: Readable, config: InternalAxiosRequestConfig): Promise<string | Buffer> {
  const limit = config.maxContentLength !== undefined && config.maxContentLength > -1 ? config.maxContentLength : Infinity;
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += (chunk as Buffer).length;
    if (length > limit) throw new AxiosError(`maxContentLength size of ${limit} exceeded`, AxiosError.ERR_BAD_RESPONSE, config);
    chunks.push(chunk as Buffer);
  }
  const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
  if (config.responseType === 'arraybuffer') return bytes;
  const encoding = (config.responseEncoding ?? 'utf8') as BufferEncoding;
  const text = bytes.toString(encoding);
  // As axios's Node adapter: a UTF-8 byte order mark is not part of the text.
  return (encoding === 'utf8' || encoding === 'utf-8') && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function asAxiosError(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (error instanceof AxiosError) return error;
  if (config.signal?.aborted) return new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? (SOCKET_CODES[raw] ?? raw) : undefined;
  // undici's message can name the host and port; the code says what happened.
  return new AxiosError(code ? `request failed (${code})` : 'request failed', code, config);
}
