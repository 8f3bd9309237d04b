import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { runInRequestScope as runInStaleScope } from '../../adapters/cache/requestScope';
import { staleExtensionPlugin } from '../../adapters/cache/staleExtensionPlugin';
import { acceptableRequestId, propagateRequestIdToLegacyCalls, REQUEST_ID_HEADER, runInRequestScope } from '../../adapters/kit/requestContext';
import { readSchemaFile } from './readSchemaFile';
import { DateScalar, DateTimeScalar } from './scalars';

export interface SubgraphOptions<C extends BaseContext> {
  name: string;
  /** File name in schema/ (e.g. `cards.graphql`). */
  sdlFile: string;
  resolvers: GraphQLResolverMap<C>;
  /** Builds the per-request context (fresh DataLoaders: batching and dedup per request). */
  context: (request: { headers: http.IncomingHttpHeaders }) => Promise<C> | C;
  port?: number;
  host?: string;
  maxBodyBytes?: number;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Runs one subgraph as its own HTTP service: POST/GET `/graphql` and `GET /health`, on a plain
 * node:http server (Apollo Server 5 has no built-in framework integration and needs none).
 */
export async function serveSubgraph<C extends BaseContext>(options: SubgraphOptions<C>): Promise<RunningSubgraph> {
  const typeDefs = parse(readSchemaFile(options.sdlFile));
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: { Date: DateScalar, DateTime: DateTimeScalar, ...options.resolvers } as GraphQLResolverMap<C> }]);
  const production = process.env.NODE_ENV === 'production';
  const server = new ApolloServer<C>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    // Subgraphs sit behind the gateway; CSRF prevention applies at the gateway.
    csrfPrevention: false,
    // No Apollo Studio here: federated traces would only cost time on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled(), staleExtensionPlugin()],
  });
  await server.start();
  // Every legacy call a resolver makes for this request carries the gateway's request id.
  propagateRequestIdToLegacyCalls();
  const maxBodyBytes = options.maxBodyBytes ?? 5_000_000;

  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (req.method === 'GET' && url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', subgraph: options.name }));
      return;
    }
    if (url.pathname !== '/graphql') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ errors: [{ message: 'request body too large', extensions: { code: 'BAD_REQUEST' } }] }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (chunks.length) {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'request body is not JSON', extensions: { code: 'BAD_REQUEST' } }] }));
          return;
        }
      }
      // Two scopes per request: the request id for legacy calls, and what was served stale.
      runInRequestScope({ requestId: acceptableRequestId(req.headers[REQUEST_ID_HEADER]) }, () =>
        runInStaleScope(() =>
          server.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
            context: () => Promise.resolve(options.context({ headers: req.headers })),
          }),
        ),
      )
        .then(async (response) => {
          const outHeaders: Record<string, string> = {};
          for (const [key, value] of response.headers) outHeaders[key] = value;
          res.writeHead(response.status ?? 200, outHeaders);
          if (response.body.kind === 'complete') {
            res.end(response.body.string);
          } else {
            for await (const chunk of response.body.asyncIterator) res.write(chunk);
            res.end();
          }
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
        });
    });
  });
  httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await server.stop();
    },
  };
}
