import { STATUS_CODES } from 'node:http';
import { Pool } from 'undici';

/** Keep-alive connections per subgraph: a gateway's waves rarely ask one subgraph more than this at once. */
const DEFAULT_CONNECTIONS = 32;

/**
 * What the gateway reads of a subgraph's answer: the stock data source's error path reads status,
 * statusText, url and the body; the cache-control hint reads one header.
 */
export interface SubgraphHttpResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The body as JSON when the subgraph says it is JSON, as text otherwise (as the stock data source parses it). */
  parsedBody(): Promise<unknown>;
}

/**
 * POSTs GraphQL requests to one subgraph over an undici connection pool.
 *
 * Why not fetch: a fetch builds WHATWG Request, Headers and Response objects and a web-stream
 * body per call; the stock data source adds a node-fetch Request and Headers on top. A subgraph
 * call needs none of it: a pooled keep-alive connection, a string body out and a buffered body
 * back. The pool is created once per subgraph, never per call.
 */
export class SubgraphHttpClient {
  private readonly pool: Pool;
  private readonly path: string;
  private readonly url: string;

  constructor(url: string, connections = DEFAULT_CONNECTIONS) {
    const parsed = new URL(url);
    this.url = url;
    this.path = `${parsed.pathname}${parsed.search}`;
    this.pool = new Pool(parsed.origin, { connections, keepAliveTimeout: 60_000 });
  }

  async post(body: string, headers: Record<string, string>, signal: AbortSignal): Promise<SubgraphHttpResponse> {
    const response = await this.pool.request({ path: this.path, method: 'POST', headers, body, signal });
    const contentType = headerValue(response.headers['content-type']);
    // Read the body now, whatever the status: an unread body would hold its connection.
    const text = await response.body.text();
    const status = response.statusCode;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: STATUS_CODES[status] ?? '',
      url: this.url,
      headers: { get: (name) => headerValue(response.headers[name.toLowerCase()]) },
      parsedBody: async () => (isJson(contentType) ? JSON.parse(text) : text),
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'));
}
