import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, pipeline } from 'node:stream';
import type { SourceSystem } from '../../adapters/canonical';
import { ChangeFeed } from './changeFeed';
import { decideFault, delayFor, faultConfigSchema, NO_FAULTS, truncateBody, truncateStream, type FaultConfig, type Random } from './faults';
import { RequestStats } from './stats';

/** A request as a simulator's operation sees it: the body is already read. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** The body read as UTF-8 (every JSON and XML dialect here). */
  body: string;
  /** The body's bytes, for a dialect that is not UTF-8 (the core-banking host's EBCDIC). */
  bytes: Buffer;
}

export interface SimResponse {
  status: number;
  /** Text is sent as UTF-8; a Buffer (a host code page's bytes) as it is. */
  body: string | Buffer;
  /**
   * A streamed body (bulk extracts), used instead of `body` when set: written with backpressure
   * (the source is only pulled when the socket drains), so a file larger than memory can be served.
   */
  stream?: AsyncIterable<string | Buffer>;
  contentType: string;
  headers?: Record<string, string>;
}

/**
 * One operation of a legacy system. `match` says whether a request is this operation;
 * `operation` is the name counted in `/__admin/stats` (e.g. `customerInquiry`).
 */
export interface SimRoute {
  operation: string;
  match(req: SimRequest): boolean;
  handle(req: SimRequest): SimResponse | Promise<SimResponse>;
}

/** What a system-specific simulator gives the shared server. */
export interface SimulatorDefinition {
  system: SourceSystem;
  routes: SimRoute[];
  /** The answer a request gets when the error fault fires: the system's own 5xx dialect. */
  serverError(req: SimRequest): SimResponse;
  /** The answer to a request no route matches (the system's own 404/400 dialect). */
  notFound(req: SimRequest): SimResponse;
  /**
   * Applies `POST /__admin/records` (a JSON body in the system's record shape, see its
   * PROTOCOL.md). Returns the entity kind and id that changed, for the change feed, or throws
   * an `AdminInputError` for a body it cannot apply.
   */
  editRecord(body: unknown): { entity: string; localId: string } | Array<{ entity: string; localId: string }>;
  /** Restores the initial population (`POST /__admin/reset`). */
  reset(): void;
}

export class AdminInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminInputError';
  }
}

export interface RunningSimulator {
  url: string;
  port: number;
  feed: ChangeFeed;
  stats: RequestStats;
  setFaults(config: Partial<FaultConfig>): void;
  close(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  host?: string;
  random?: Random;
  /** Largest request body accepted, in bytes (a real front end would refuse more). */
  maxBodyBytes?: number;
}

const JSON_TYPE = 'application/json';

function json(status: number, value: unknown): SimResponse {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

/**
 * Starts a simulator: the system's routes behind the shared operator API and fault injection.
 * The operator API (`/__admin/*`) is never subject to faults, so tests can always turn them off.
 */
export async function startSimulator(
  definition: SimulatorDefinition,
  feed: ChangeFeed,
  options: StartOptions = {},
): Promise<RunningSimulator> {
  const random = options.random ?? Math.random;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const stats = new RequestStats();
  let faults: FaultConfig = { ...NO_FAULTS };

  const admin = async (req: SimRequest): Promise<SimResponse> => {
    const route = `${req.method} ${req.path}`;
    switch (route) {
      case 'GET /__admin/faults':
        return json(200, faults);
      case 'POST /__admin/faults': {
        const parsed = faultConfigSchema.safeParse(parseJson(req.body));
        if (!parsed.success) return json(400, { error: 'invalid fault configuration', issues: parsed.error.issues.map((i) => i.message) });
        faults = parsed.data;
        return json(200, faults);
      }
      case 'GET /__admin/stats':
        return json(200, stats.snapshot());
      case 'POST /__admin/reset':
        definition.reset();
        feed.clear();
        stats.reset();
        faults = { ...NO_FAULTS };
        return json(200, { reset: true });
      case 'POST /__admin/records': {
        try {
          const edited = definition.editRecord(parseJson(req.body));
          const list = Array.isArray(edited) ? edited : [edited];
          const changes = list.map((e) => feed.append(e.entity, e.localId));
          return json(200, { changes });
        } catch (error) {
          if (error instanceof AdminInputError) return json(400, { error: error.message });
          throw error;
        }
      }
      default:
        return json(404, { error: 'unknown admin route' });
    }
  };

  const serve = async (req: SimRequest, socket: { destroy(): void }): Promise<SimResponse | null> => {
    if (req.path.startsWith('/__admin/')) return admin(req);
    const outcome = decideFault(faults, random);
    if (outcome === 'outage') {
      socket.destroy();
      return null;
    }
    const delay = delayFor(faults, random);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const route = definition.routes.find((r) => r.match(req));
    stats.record(route?.operation ?? 'unmatched');
    if (outcome === 'error') return definition.serverError(req);
    const response = route ? await route.handle(req) : definition.notFound(req);
    if (outcome === 'malformed') {
      return { ...response, body: truncateBody(response.body), ...(response.stream ? { stream: truncateStream(response.stream) } : {}) };
    }
    return response;
  };

  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes && !refused) {
        refused = true;
        outgoing.writeHead(413, { 'content-type': JSON_TYPE, connection: 'close' });
        outgoing.end(JSON.stringify({ error: 'request body too large' }));
        return;
      }
      if (!refused) chunks.push(chunk);
    });
    incoming.on('end', () => {
      if (refused) return;
      const url = new URL(incoming.url ?? '/', 'http://simulator');
      const bytes = Buffer.concat(chunks);
      const req: SimRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: bytes.toString('utf8'),
        bytes,
      };
      serve(req, incoming.socket)
        .then((response) => {
          if (!response) return;
          outgoing.writeHead(response.status, { 'content-type': response.contentType, ...response.headers });
          if (response.stream) {
            // pipeline pulls the source only as the socket drains and stops it if the client goes away.
            pipeline(Readable.from(response.stream), outgoing, (error) => {
              if (error) outgoing.destroy();
            });
            return;
          }
          outgoing.end(response.body);
        })
        .catch(() => {
          // A simulator bug must not take the process down; answer like a crashed app server.
          if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain' });
          outgoing.end('internal error');
        });
    });
    incoming.on('error', () => outgoing.destroy());
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    feed,
    stats,
    setFaults(config) {
      faults = faultConfigSchema.parse({ ...faults, ...config });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Parses a JSON body; an unparseable one is `undefined`, which every schema then refuses. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
