import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GatewayRoute } from './plugins/gatewayPlugin';

export const GRAPHQL_PATH = '/graphql';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The gateway's HTTP front: /graphql plus a small route table (/health, /ready, plugin
 * routes). A handler that throws gets a generic 500 and a log line (method and path only:
 * never the body, which carries customer data); the process never crashes on a request.
 */
export function createGatewayHttpServer(options: {
  routes: readonly GatewayRoute[];
  graphql: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  log: Logger;
  /** Whole request (headers and body) must arrive within this; else 408 and the socket closes. Default 10000. */
  requestTimeoutMs?: number;
  /** Request headers must arrive within this. Default min(requestTimeoutMs, 10000). */
  headersTimeoutMs?: number;
}): Server {
  const { routes, graphql, log } = options;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const headersTimeoutMs = options.headersTimeoutMs ?? Math.min(requestTimeoutMs, 10_000);
  const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));

  // Node checks the two timeouts every connectionsCheckingInterval (30 s by default), which would
  // let a client trickling its body keep the socket up to 30 s past the deadline.
  const checkEveryMs = Math.max(50, Math.min(1000, Math.floor(requestTimeoutMs / 4)));
  const server = createServer({ requestTimeout: requestTimeoutMs, headersTimeout: headersTimeoutMs, connectionsCheckingInterval: checkEveryMs }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const method = (req.method ?? 'GET').toUpperCase();
    const route = table.get(`${method} ${path}`);
    let handling: Promise<void>;
    if (path === GRAPHQL_PATH) handling = graphql(req, res);
    else if (route) handling = Promise.resolve().then(() => route.handle(req, res));
    else {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    handling.catch((error: unknown) => {
      log.error({ method, path, err: error }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
  return server;
}
