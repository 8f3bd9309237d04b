import type { AddressInfo } from 'node:net';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import { DEFAULT_PORT, DEFAULT_SUPERGRAPH_PATH } from './config';
import type { GatewayContext } from './context';
import { clientPathsPlugin, formatGatewayError } from './errorFormatting';
import { createGraphQLHttpHandler } from './graphqlHttpHandler';
import { withApolloTelemetryDecided } from './apolloDataCollection';
import { createGatewayHttpServer, GRAPHQL_PATH, sendJson } from './httpServer';
import { createGatewayLogger, toApolloLogger } from './logger';
import { defaultGatewayPlugins, type GatewayPlugin, type GatewayRoute } from './plugins';
import { probeSubgraphs, readinessBody, readinessStatus, strictReadiness, type ReadinessReport } from './readiness';
import { withOperationHooks } from './operationExecution';
import { resolveSubgraphUrl, type SubgraphUrlOverrides } from './subgraphUrls';
import { SubgraphDataSource, subgraphCallsFromEnv, subgraphTimeoutFromEnv } from './subgraphDataSource';
import type { InProcessSubgraph } from '../subgraphs/runtime/inProcessCall';
import { createCallSigner, subgraphKeysFromEnv, type SubgraphKeys } from '../subgraphs/runtime/callSignature';
import {
  createSupergraphFileSource,
  type LoadedSupergraph,
  type SupergraphListener,
} from './supergraphFileSource';

export interface CreateGatewayOptions {
  /** Default 4000; 0 picks a free port (tests). */
  port?: number;
  /** Default 0.0.0.0. */
  host?: string;
  /** Default `$SUPERGRAPH_PATH` or schema/supergraph.graphql, relative to the working directory. */
  supergraphPath?: string;
  /** Subgraph url by subgraph name; wins over `SUBGRAPH_<NAME>_URL` and the supergraph's url. */
  subgraphUrlOverrides?: SubgraphUrlOverrides;
  /** Where SUBGRAPH_<NAME>_URL, SUPERGRAPH_PATH, NODE_ENV and LOG_LEVEL are read when not given above. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Strict mode (no stack traces, internal urls, introspection, suggestions). Default NODE_ENV === 'production'. */
  production?: boolean;
  /** Default defaultGatewayPlugins() from gateway/plugins/index.ts. */
  plugins?: readonly GatewayPlugin[];
  /** Default a pino JSON logger at LOG_LEVEL (info). */
  logger?: Logger;
  /** How long /ready waits for each subgraph. Default 1000 ms. */
  readinessTimeoutMs?: number;
  /** How long close() lets in-flight requests finish before cutting connections. Default 10000 ms. */
  shutdownGracePeriodMs?: number;
  /** Largest accepted request body. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Longest a client may take to send a whole request (headers and body); a slower one gets 408
   * and loses its socket. Default `$REQUEST_DEADLINE_MS` or 10000, the request deadline.
   */
  requestTimeoutMs?: number;
  /** Longest a client may take to send the request headers. Default min(requestTimeoutMs, 10000). */
  headersTimeoutMs?: number;
  /** Upper bound per subgraph request; a slower subgraph's fields fail with UPSTREAM_TIMEOUT. Default `$SUBGRAPH_TIMEOUT_MS` or 8000. */
  subgraphTimeoutMs?: number;
  /** Keys subgraph calls are signed with. Default `$SUBGRAPH_SIGNING_KEY` (required in production; development: data/). */
  subgraphKeys?: SubgraphKeys;
  /**
   * Where automatic persisted queries are kept (default: Apollo's in-memory cache). Give the
   * cache layer's store so every replica shares them.
   */
  persistedQueryCache?: KeyValueCache<string>;
  /** Approximate size of the query plan cache, in MiB. Default `$QUERY_PLAN_CACHE_MIB` or 30. */
  queryPlanCacheMiB?: number;
  /** Quiet period after a supergraph file event before reloading. Default 50 ms. */
  watchDebounceMs?: number;
  /**
   * Subgraphs this process serves, by URL. A subgraph whose URL (after overrides) is one of these
   * is called in-process, without a socket or a signature (subgraphs/runtime/inProcessCall.ts),
   * unless `$SUBGRAPH_CALLS` is `http`. Any other URL is called over HTTP, signed.
   */
  inProcessSubgraphs?: ReadonlyMap<string, InProcessSubgraph>;
}

export interface GatewayHandle {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  readonly port: number;
  /** A supergraph is loaded and the gateway is not shutting down (subgraph health is /ready's job). */
  ready(): boolean;
  /** Stop accepting, drain in-flight requests, stop the supergraph watcher. Idempotent. */
  close(): Promise<void>;
  /** Supergraph `loaded` / `rejected` events from hot reload. Returns an unsubscribe function. */
  onSupergraphEvent(listener: SupergraphListener): () => void;
  currentSupergraph(): LoadedSupergraph | undefined;
  /** What GET /ready computes: every subgraph of the current supergraph probed. */
  checkReadiness(): Promise<ReadinessReport>;
  /** Re-read the supergraph file now (e.g. on SIGHUP); the watcher does this on change. */
  reloadSupergraph(): Promise<void>;
}

/**
 * A Federation 2 gateway over a supergraph file: stock @apollo/gateway query planning and
 * execution on Apollo Server 5, served by node:http with /health and /ready, hot reload of
 * the supergraph, and the plugin list from gateway/plugins/index.ts.
 *
 * Rejects (and listens on nothing) if the initial supergraph cannot be read or is invalid:
 * a gateway with no schema is not worth starting.
 */
export async function createGateway(options: CreateGatewayOptions = {}): Promise<GatewayHandle> {
  const env = options.env ?? process.env;
  const production = options.production ?? env.NODE_ENV === 'production';
  const log = options.logger ?? createGatewayLogger(env.LOG_LEVEL || 'info', undefined, env);
  const plugins = options.plugins ?? defaultGatewayPlugins();
  const overrides = options.subgraphUrlOverrides ?? {};
  const supergraphPath = resolve(options.supergraphPath ?? (env.SUPERGRAPH_PATH || DEFAULT_SUPERGRAPH_PATH));
  const readinessTimeoutMs = options.readinessTimeoutMs ?? 1000;
  const urlFor = (name: string, url: string | undefined) => resolveSubgraphUrl(name, url, overrides, env);
  // Every subgraph call is signed (subgraphs answer nothing else); production without a key throws here.
  const sign = createCallSigner(options.subgraphKeys ?? subgraphKeysFromEnv(env, { production }));
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? subgraphTimeoutFromEnv(env);
  const inProcess = subgraphCallsFromEnv(env) === 'in-process' ? options.inProcessSubgraphs : undefined;

  // Each holds a connection pool to its subgraph; closed with the gateway (a reloaded supergraph
  // builds new ones: the old pools' idle connections close after their keep-alive timeout).
  const dataSources = new Set<SubgraphDataSource>();
  const source = createSupergraphFileSource({ path: supergraphPath, log, debounceMs: options.watchDebounceMs });
  const gateway = withApolloTelemetryDecided(env, () => new ApolloGateway({
    supergraphSdl: source.hook,
    buildService: ({ name, url }) => {
      const resolved = urlFor(name, url);
      const local = resolved === undefined ? undefined : inProcess?.get(resolved);
      const dataSource = new SubgraphDataSource({ name, url: resolved, plugins, timeoutMs: subgraphTimeoutMs, sign, ...(local ? { inProcess: local } : {}) });
      dataSources.add(dataSource);
      return dataSource;
    },
    logger: toApolloLogger(log, 'apollo-gateway'),
    // The gateway skips validation in production by default; a hot-reloaded file must be
    // checked before it replaces a good one, whatever the mode.
    validateSupergraph: true,
    experimental_approximateQueryPlanStoreMiB: options.queryPlanCacheMiB ?? (Number(env.QUERY_PLAN_CACHE_MIB) || 30),
  }));
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => source.applied(coreSupergraphSdl));

  let closing = false;
  const checkReadiness = async (): Promise<ReadinessReport> => {
    const current = source.current();
    if (closing) return { ready: false, reason: 'shutting down', subgraphs: [], systems: [] };
    if (!current) return { ready: false, reason: 'no supergraph loaded', subgraphs: [], systems: [] };
    return probeSubgraphs(
      current.subgraphs.map((s) => ({ name: s.name, url: urlFor(s.name, s.url) })),
      readinessTimeoutMs,
      sign,
    );
  };

  const builtinRoutes: GatewayRoute[] = [
    { method: 'GET', path: '/health', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/ready',
      handle: async (req, res) => {
        const report = await checkReadiness();
        const strict = strictReadiness((req.url ?? '').split('?')[1] ?? '', env);
        sendJson(res, readinessStatus(report, { strict }), readinessBody(report, { production }));
      },
    },
  ];

  // The HTTP server is created before Apollo so the drain plugin can own its shutdown; it
  // calls the GraphQL handler defined below, which exists before listen() lets a request in.
  const requestTimeoutMs = options.requestTimeoutMs ?? (Number(env.REQUEST_DEADLINE_MS) || 10_000);
  const httpServer = createGatewayHttpServer({
    routes: [...builtinRoutes, ...plugins.flatMap((p) => p.routes ?? [])],
    graphql: (req, res) => handleGraphQL(req, res),
    log,
    requestTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs,
  });

  // The smallest token limit any plugin asks for, enforced by graphql's parser itself.
  const tokenLimits = plugins.flatMap((p) => (p.parseOptions?.maxTokens !== undefined ? [p.parseOptions.maxTokens] : []));
  const server = new ApolloServer<GatewayContext>({
    gateway: withOperationHooks(gateway, plugins),
    ...(tokenLimits.length ? { parseOptions: { maxTokens: Math.min(...tokenLimits) } } : {}),
    logger: toApolloLogger(log, 'apollo-server'),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    formatError: (formatted) => formatGatewayError(formatted, { production }),
    validationRules: plugins.flatMap((p) => p.validationRules ?? []),
    stopOnTerminationSignals: false,
    ...(options.persistedQueryCache ? { persistedQueries: { cache: options.persistedQueryCache } } : {}),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGracePeriodMs ?? 10_000 }),
      // Apollo's landing pages load from a CDN; the gateway must work offline.
      ApolloServerPluginLandingPageDisabled(),
      // Errors name only fields the client selected, never the plan's internal fetches.
      clientPathsPlugin<GatewayContext>(),
      ...plugins.flatMap((p) => (p.apollo ? [p.apollo] : [])),
    ],
  });

  await server.start();
  const handleGraphQL = createGraphQLHttpHandler({
    server,
    plugins,
    log,
    production,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
  });

  const host = options.host ?? '0.0.0.0';
  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      httpServer.once('error', rejectListen);
      httpServer.listen(options.port ?? DEFAULT_PORT, host, () => {
        httpServer.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    source.close();
    await gateway.stop().catch(() => undefined);
    await Promise.all([...dataSources].map((dataSource) => dataSource.close()));
    throw error;
  }

  const port = (httpServer.address() as AddressInfo).port;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}${GRAPHQL_PATH}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    ready: () => !closing && source.current() !== undefined,
    close() {
      closed ??= (async () => {
        closing = true;
        source.close();
        // Apollo stops in order: drain the HTTP server (no new connections, in-flight
        // requests finish), then stop the gateway (which runs the supergraph hook's cleanup).
        await server.stop();
        await Promise.all([...dataSources].map((dataSource) => dataSource.close()));
        log.info('gateway stopped');
      })();
      return closed;
    },
    onSupergraphEvent: (listener) => source.onEvent(listener),
    currentSupergraph: () => source.current(),
    checkReadiness,
    reloadSupergraph: () => source.reload(),
  };
}
