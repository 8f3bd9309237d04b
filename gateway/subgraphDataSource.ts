import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherHeaders } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { createCallSigner, SIGNATURE_HEADER, type CallSigner } from '../subgraphs/runtime/callSignature';
import type { GatewayContext } from './context';
import { SubgraphHttpClient, type SubgraphHttpResponse } from './subgraphHttpClient';
import type { GatewayPlugin } from './plugins/gatewayPlugin';
import './plugins/useRequestCancellation';
import './auth/principal';

/** Upper bound of one subgraph request unless configured (SUBGRAPH_TIMEOUT_MS): below the 10 s request deadline. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 8000;

/** `SUBGRAPH_TIMEOUT_MS` (a positive integer of ms), or the default. */
export function subgraphTimeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.SUBGRAPH_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`SUBGRAPH_TIMEOUT_MS must be a positive integer, got "${raw}"`);
  return value;
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string | undefined;
  plugins: readonly GatewayPlugin[];
  /**
   * Upper bound for one subgraph request (default DEFAULT_SUBGRAPH_TIMEOUT_MS): a hung subgraph
   * costs only its own fields (partial data, UPSTREAM_TIMEOUT) instead of the response.
   */
  timeoutMs?: number;
  /** Signs every call for the subgraph (default: with SUBGRAPH_SIGNING_KEY, see subgraphs/runtime/callSignature.ts). */
  sign?: CallSigner;
}

/**
 * The data source for every subgraph: the stock RemoteGraphQLDataSource's request and error
 * semantics (the same body, the same `status: statusText` errors, UNAUTHENTICATED/FORBIDDEN, the
 * cache-control hint) over a pooled undici client (subgraphHttpClient.ts) instead of fetch, plus
 * - the plugins' `willSendSubgraphRequest` hooks, run for client operations only (not for the
 *   gateway's own health checks);
 * - a signature on every call (principal, roles, request id, body hash, 30 s expiry), without
 *   which subgraphs answer 401;
 * - the request's AbortSignal (deadline, client disconnect) and a per-request timeout, the
 *   latter reported as UPSTREAM_TIMEOUT.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly hooks: GatewayPlugin[];
  private readonly responseHooks: GatewayPlugin[];
  private readonly subgraphName: string;
  private readonly timeoutMs: number;
  private readonly sign: CallSigner;
  private client: SubgraphHttpClient | undefined;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.hooks = options.plugins.filter((p) => p.willSendSubgraphRequest);
    this.responseHooks = options.plugins.filter((p) => p.didReceiveSubgraphResponse);
    this.subgraphName = options.name;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    this.sign = options.sign ?? createCallSigner();
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (this.responseHooks.length === 0 || !('incomingRequestContext' in options)) return this.send(options);
    const started = performance.now();
    const report = (outcome: 'ok' | 'error', extensions?: Record<string, unknown>) => {
      const event = { subgraph: this.subgraphName, durationMs: performance.now() - started, outcome, context: options.context, extensions };
      for (const plugin of this.responseHooks) plugin.didReceiveSubgraphResponse?.(event);
    };
    try {
      const response = await this.send(options);
      report(response.errors?.length ? 'error' : 'ok', response.extensions);
      return response;
    } catch (error) {
      report('error');
      throw error;
    }
  }

  /** Closes the subgraph's pooled connections (the gateway's stop). */
  async close(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
  }

  /** The stock data source's process (without APQ, which the gateway does not use), over the pool. */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers = new Headers(request.http?.headers as HeadersInit | undefined);
    headers.set('Content-Type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers: headers as unknown as FetcherHeaders };
    await this.willSendRequest(options);
    if (!request.query) throw new Error('Missing query');
    // The hooks may have replaced the headers object: send what the request carries now.
    const { http, ...payload } = request;
    const body = JSON.stringify(payload);
    // The subgraph learns how long we wait, and answers with what it has by then.
    const signature = await this.sign({ audience: this.subgraphName, body, principal: context?.principal, requestId: context?.requestId, waitMs: this.timeoutMs });
    const sendHeaders: Record<string, string> = {};
    for (const [name, value] of (http?.headers ?? headers) as unknown as Iterable<[string, string]>) sendHeaders[name] = value;
    sendHeaders[SIGNATURE_HEADER] = signature;
    const bound = AbortSignal.timeout(this.timeoutMs);
    const signal = context?.signal ? AbortSignal.any([context.signal, bound]) : bound;
    let response: SubgraphHttpResponse | undefined;
    try {
      this.client ??= new SubgraphHttpClient(this.url);
      response = await this.client.post(body, sendHeaders, signal);
      if (!response.ok) throw await errorFromResponse(response);
      const parsed = await response.parsedBody();
      if (typeof parsed !== 'object' || parsed === null) throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
      restrictCachePolicy(options, response);
      return { ...(parsed as GatewayGraphQLResponse), http: response as unknown as GatewayGraphQLResponse['http'] };
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, response as never, context as GatewayContext, request);
      throw error;
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // GraphQLDataSourceRequestKind is not exported; only client operations carry their request context.
    if (!('incomingRequestContext' in options)) return;
    if (options.context.signal?.aborted) throw cancelled();
    for (const plugin of this.hooks) {
      await plugin.willSendSubgraphRequest?.(options);
    }
  }

  override didEncounterError(...args: Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>): void {
    const [error, , , context] = args;
    if (error?.name === 'AbortError' || error?.name === 'TimeoutError' || error?.name === 'RequestOverError') {
      // The client's response is over: nobody reads this error; the fetch just stops.
      if (context?.signal?.aborted) throw cancelled();
      // Production errors name no subgraph (errorFormatting.ts drops serviceName there too).
      throw new GraphQLError(
        context?.production ? `A part of the answer did not come within ${this.timeoutMs} ms` : `Subgraph "${this.subgraphName}" did not answer within ${this.timeoutMs} ms`,
        { extensions: { code: 'UPSTREAM_TIMEOUT', serviceName: this.subgraphName } },
      );
    }
    super.didEncounterError(...args);
  }
}

function cancelled(): GraphQLError {
  return new GraphQLError('The request was over before this part of the answer was fetched', { extensions: { code: 'REQUEST_CANCELLED' } });
}

/** The stock data source's error for a non-2xx answer (the body kept in extensions.response). */
async function errorFromResponse(response: SubgraphHttpResponse): Promise<GraphQLError> {
  const body = await response.parsedBody().catch(() => undefined);
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${response.status}: ${response.statusText}`, {
    extensions: { response: { url: response.url, status: response.status, statusText: response.statusText, body }, ...(code ? { code } : {}) },
  });
}

/** As the stock data source honours a subgraph's Cache-Control (maxAge 0 when it sends none). */
function restrictCachePolicy(options: GraphQLDataSourceProcessOptions<GatewayContext>, response: SubgraphHttpResponse): void {
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  const directives = new Map<string, string | true>();
  for (const part of (response.headers.get('cache-control') ?? '').trim().split(/\s*,\s*/)) {
    if (!part) continue;
    const [key, value] = part.split(/\s*=\s*/, 2);
    directives.set(key.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  policy.restrict({
    maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.get('private') === true ? { scope: 'PRIVATE' as const } : directives.get('public') === true ? { scope: 'PUBLIC' as const } : {}),
  });
}
