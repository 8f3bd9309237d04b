import { setMaxListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { runInRequestScope as runInStaleScope } from '../../adapters/cache/requestScope';
import { staleExtensionPlugin } from '../../adapters/cache/staleExtensionPlugin';
import type { SourceSystem } from '../../adapters/canonical';
import { DeadlineReached } from '../../adapters/kit/errors';
import { propagateRequestIdToLegacyCalls, runInRequestScope, type CallerPrincipal } from '../../adapters/kit/requestContext';
import { legacySystemHealth } from '../../adapters/kit/systemHealth';
import { acceptInProcessCall, CallSignatureError, createCallVerifier, defaultSubgraphKeys, SIGNATURE_HEADER, type SubgraphKeys, type VerifiedCall } from './callSignature';
import { subgraphExecutionFromEnv, withSettledListItems } from './compiledExecution';
import { InProcessSubgraphStopped, type InProcessSubgraph } from './inProcessCall';
import { knownOperations } from './knownOperations';
import { knownOperationsOverHttp } from './knownOperationsOverHttp';
import { readSchemaFile } from './readSchemaFile';
import { DateScalar, DateTimeScalar } from './scalars';

export interface SubgraphOptions<C extends BaseContext> {
  name: string;
  /** File name in schema/ (e.g. `cards.graphql`). */
  sdlFile: string;
  resolvers: GraphQLResolverMap<C>;
  /**
   * Builds the per-request context (fresh DataLoaders: batching and dedup per request).
   * `principal` is who the gateway's signed call is for; absent only when the gateway runs with
   * authentication off (development).
   */
  context: (request: { headers: http.IncomingHttpHeaders; principal?: CallerPrincipal }) => Promise<C> | C;
  /** The legacy systems this subgraph reads, whose breaker states GET /health reports. */
  legacySystems?: readonly SourceSystem[];
  /** Keys the gateway's signatures are checked with. Default: SUBGRAPH_SIGNING_KEY (callSignature.ts). */
  keys?: SubgraphKeys;
  port?: number;
  host?: string;
  maxBodyBytes?: number;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /**
   * The same subgraph for a gateway in this process, without the socket and the signature
   * (inProcessCall.ts); fails as a refused connection once the subgraph is closed.
   */
  callInProcess: InProcessSubgraph;
  /**
   * How the calls so far (in-process and over HTTP) were answered: from the known operations, or
   * by Apollo Server's pipeline; `compiled`: how many of the known ran compiled (compiledExecution.ts).
   */
  answeredBy(): { known: number; apollo: number; compiled: number };
  close(): Promise<void>;
}

/**
 * Runs one subgraph as its own HTTP service: `POST /graphql` and `GET /health`, on a plain
 * node:http server (Apollo Server 5 has no built-in framework integration and needs none).
 *
 * Only the gateway is served: a call without a valid gateway signature for this subgraph and
 * this exact body (callSignature.ts) gets 401 before its body is parsed, whatever it asks
 * (`_service`, `_entities`, a mutation). The verified principal reaches the context; the
 * request's cancellation (the gateway hanging up) reaches every legacy call through the request
 * scope (adapters/kit/requestContext.ts).
 */
export async function serveSubgraph<C extends BaseContext>(options: SubgraphOptions<C>): Promise<RunningSubgraph> {
  // Keys first: production without SUBGRAPH_SIGNING_KEY refuses to start.
  const verify = createCallVerifier(options.keys ?? defaultSubgraphKeys());
  // A typo in SUBGRAPH_EXECUTION refuses to start too.
  const execution = subgraphExecutionFromEnv(process.env);
  const typeDefs = parse(readSchemaFile(options.sdlFile));
  // List items that settle: compiled execution needs it, graphql-js answers the same (compiledExecution.ts).
  const schema = withSettledListItems(buildSubgraphSchema([{ typeDefs, resolvers: { Date: DateScalar, DateTime: DateTimeScalar, ...options.resolvers } as GraphQLResolverMap<C> }]));
  const production = process.env.NODE_ENV === 'production';
  const server = new ApolloServer<C>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    // Subgraphs sit behind the gateway; CSRF prevention applies at the gateway.
    csrfPrevention: false,
    // The process that starts a subgraph owns its shutdown (scripts/start.ts, subgraphs/identity/main.ts
    // stop the stack in order). Apollo's own handler would stop this server on SIGINT/SIGTERM at
    // the same time, and it added two process listeners per subgraph (eleven SIGINT listeners
    // under `npm start`: Node's MaxListenersExceededWarning).
    stopOnTerminationSignals: false,
    plugins: subgraphPlugins(),
  });
  await server.start();
  // The gateway's operations, once Apollo Server has run each: compiled, without its request pipeline.
  const operations = knownOperations(schema, { includeStacktrace: !production, execution });
  const httpOperations = knownOperationsOverHttp(operations);
  // Every legacy call a resolver makes for this request carries the gateway's request id.
  propagateRequestIdToLegacyCalls();
  /** What a refused call is told: the reason in development only. */
  const refusal = (error: CallSignatureError) => (production ? 'subgraph calls must be signed by the gateway' : error.message);
  const maxBodyBytes = options.maxBodyBytes ?? 5_000_000;
  const legacySystems = options.legacySystems ?? [];

  /** Runs a verified call with its principal, request id and cancellation in scope for every legacy call it makes. */
  const inCallScope = <T>(call: VerifiedCall, cancelled: AbortSignal, run: () => Promise<T>): Promise<T> =>
    // Two scopes per request: request id, cancellation and principal for legacy calls; what was served stale.
    runInRequestScope({ requestId: call.requestId, signal: cancelled, principal: call.principal }, () => runInStaleScope(run));

  const answered = { known: 0, apollo: 0 };

  /** A verified call: the body is parsed and executed in the call's scope. */
  const execute = async (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer, call: VerifiedCall, cancelled: AbortSignal): Promise<void> => {
    let body: unknown = undefined;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendError(res, 400, 'request body is not JSON', 'BAD_REQUEST');
      }
    }
    const contextValue = () => Promise.resolve(options.context({ headers: req.headers, principal: call.principal }));
    const known = await inCallScope(call, cancelled, () => httpOperations.answer(body, req.headers.accept, contextValue));
    if (known) {
      answered.known += 1;
      res.writeHead(known.status, known.headers);
      res.end(known.body);
      return;
    }
    answered.apollo += 1;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await inCallScope(call, cancelled, () =>
      server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context: contextValue,
      }),
    );
    httpOperations.learn(body, req.headers.accept, response);
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  let stopped = false;
  const callInProcess: InProcessSubgraph = async ({ request, signal, ...claims }) => {
    if (stopped) throw new InProcessSubgraphStopped(options.name);
    let call: VerifiedCall;
    try {
      call = acceptInProcessCall(claims);
    } catch (error) {
      if (!(error instanceof CallSignatureError)) throw error;
      return { status: 401, result: { errors: [{ message: refusal(error), extensions: { code: 'UNAUTHENTICATED' } }] } };
    }
    // As over HTTP: the work stops when the gateway stops waiting, and a little before its wait ends.
    const cancellation = new AbortController();
    setMaxListeners(0, cancellation.signal);
    const stop = () => cancellation.abort();
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    const stopEarly = stopBeforeTheWaitEnds(call.waitMs, cancellation);
    try {
      return await inCallScope(call, cancellation.signal, async () => {
        const contextValue = await options.context({ headers: {}, principal: call.principal });
        const known = await operations.run(request, contextValue);
        if (known) {
          answered.known += 1;
          return known;
        }
        answered.apollo += 1;
        const response = await server.executeOperation(request, { contextValue });
        if (response.body.kind !== 'single') throw new Error(`subgraph "${options.name}" answered incrementally; the gateway asks for one answer`);
        if (response.body.singleResult.data !== undefined) operations.learn(request);
        return { status: response.http.status ?? 200, result: response.body.singleResult };
      });
    } finally {
      clearTimeout(stopEarly);
      signal.removeEventListener('abort', stop);
    }
  };

  const serveGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // The request's work ends when the gateway hangs up before the answer is written (client
    // gone, deadline, subgraph timeout): every legacy call made for it is aborted.
    const cancellation = new AbortController();
    setMaxListeners(0, cancellation.signal);
    res.once('close', () => {
      if (!res.writableFinished) cancellation.abort();
    });
    const raw = await readBody(req, maxBodyBytes);
    if (raw === null) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'request body too large', 'BAD_REQUEST');
    }
    const signature = req.headers[SIGNATURE_HEADER];
    let call: VerifiedCall;
    try {
      call = await verify(typeof signature === 'string' ? signature : undefined, raw, options.name);
    } catch (error) {
      if (!(error instanceof CallSignatureError)) throw error;
      return sendError(res, 401, refusal(error), 'UNAUTHENTICATED');
    }
    const stopEarly = stopBeforeTheWaitEnds(call.waitMs, cancellation);
    res.once('close', () => clearTimeout(stopEarly));
    await execute(req, res, raw, call, cancellation.signal);
  };

  const httpServer = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      // Breaker states only, no data: no signature needed (the gateway's /ready reads it).
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', subgraph: options.name, systems: legacySystemHealth(legacySystems) }));
      return;
    }
    if (path !== '/graphql') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    if (req.method !== 'POST') {
      // The gateway only POSTs, and a GET has no body for the signature to bind.
      req.resume();
      res.setHeader('allow', 'POST');
      return sendError(res, 405, 'subgraphs answer POST only', 'METHOD_NOT_ALLOWED');
    }
    serveGraphQL(req, res).catch(() => {
      if (!res.headersSent) return sendError(res, 500, 'internal error', 'INTERNAL_SERVER_ERROR');
      res.end();
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
    callInProcess,
    answeredBy: () => ({ ...answered, compiled: operations.answersBy().compiled }),
    async close() {
      stopped = true;
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await server.stop();
    },
  };
}

/**
 * Every subgraph's Apollo Server plugins. No Apollo Studio here: federated traces would only cost
 * time on every request. No cache hints either: no schema declares @cacheControl and nothing sets
 * a hint, so the default cache-control plugin only wrapped every field resolver to compute
 * "no-store" (maxAge 0), which is also what the gateway assumes of a subgraph answer without the
 * header. The stale extension is the one with a per-request effect; knownOperations.ts applies it
 * too (a plugin added here must be applied there, or that path left).
 */
export function subgraphPlugins<C extends BaseContext>(): ApolloServerPlugin<C>[] {
  return [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), staleExtensionPlugin<C>()];
}

/**
 * The gateway stops waiting after `waitMs`: stop the legacy calls a little before, so the subgraph
 * still answers everything else (the late fields as UPSTREAM_TIMEOUT) in time.
 */
function stopBeforeTheWaitEnds(waitMs: number | undefined, cancellation: AbortController): NodeJS.Timeout | undefined {
  if (waitMs === undefined) return undefined;
  return setTimeout(() => cancellation.abort(new DeadlineReached()), waitMs - Math.min(500, waitMs / 10));
}

function sendError(res: http.ServerResponse, status: number, message: string, code: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The whole body, or null once it exceeds `limit` (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
