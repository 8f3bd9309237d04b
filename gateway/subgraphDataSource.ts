import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherHeaders } from '@apollo/utils.fetcher';
import { STATUS_CODES } from 'node:http';
import { GraphQLError } from 'graphql';
import { createCallSigner, SIGNATURE_HEADER, type CallSigner } from '../subgraphs/runtime/callSignature';
import type { InProcessRequest, InProcessSubgraph } from '../subgraphs/runtime/inProcessCall';
import type { GatewayContext } from './context';
import { subgraphCallSignal } from './subgraphCallSignal';
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

export type SubgraphCalls = 'in-process' | 'http';

/**
 * `SUBGRAPH_CALLS`: `in-process` (default) calls the subgraphs this process serves without HTTP;
 * `http` sends every call over the network, signed, as to subgraphs in other processes
 * (to compare, or to watch the calls on the wire). Anything else refuses to start.
 */
export function subgraphCallsFromEnv(env: NodeJS.ProcessEnv): SubgraphCalls {
  const raw = env.SUBGRAPH_CALLS?.trim();
  if (!raw || raw === 'in-process') return 'in-process';
  if (raw === 'http') return 'http';
  throw new Error(`SUBGRAPH_CALLS must be "in-process" or "http", got "${raw}"`);
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
  /**
   * The subgraph, when this process serves it at `url`: called in-process, with no socket and no
   * signature (subgraphs/runtime/inProcessCall.ts); everything else about the call is the same.
   */
  inProcess?: InProcessSubgraph;
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
 *
 * A subgraph this process serves (`npm start`) is called in-process instead: the same operation,
 * principal, request id, wait, cancellation and errors, without the JSON, the signature and the
 * socket (subgraphs/runtime/inProcessCall.ts).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly hooks: GatewayPlugin[];
  private readonly responseHooks: GatewayPlugin[];
  private readonly subgraphName: string;
  private readonly timeoutMs: number;
  private readonly sign: CallSigner;
  private readonly inProcess: InProcessSubgraph | undefined;
  private client: SubgraphHttpClient | undefined;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.hooks = options.plugins.filter((p) => p.willSendSubgraphRequest);
    this.responseHooks = options.plugins.filter((p) => p.didReceiveSubgraphResponse);
    this.subgraphName = options.name;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    this.sign = options.sign ?? createCallSigner();
    this.inProcess = options.inProcess;
  }

  /** `in-process` when the subgraph is served by this process and called without HTTP. */
  get transport(): 'http' | 'in-process' {
    return this.inProcess ? 'in-process' : 'http';
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

  /** The stock data source's process (without APQ, which the gateway does not use), over the pool or in-process. */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers = new Headers(request.http?.headers as HeadersInit | undefined);
    headers.set('Content-Type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers: headers as unknown as FetcherHeaders };
    await this.willSendRequest(options);
    if (!request.query) throw new Error('Missing query');
    const call = subgraphCallSignal(context?.signal, this.timeoutMs);
    try {
      return await (this.inProcess ? this.sendInProcess(this.inProcess, options, call.signal) : this.sendOverHttp(options, headers, call.signal));
    } finally {
      call.release();
    }
  }

  private async sendOverHttp(options: GraphQLDataSourceProcessOptions<GatewayContext>, headers: Headers, signal: AbortSignal): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    // The hooks may have replaced the headers object: send what the request carries now.
    const { http, ...payload } = request;
    const body = JSON.stringify(payload);
    // The subgraph learns how long we wait, and answers with what it has by then.
    const signature = await this.sign({ audience: this.subgraphName, body, principal: context?.principal, requestId: context?.requestId, waitMs: this.timeoutMs });
    const sendHeaders: Record<string, string> = {};
    for (const [name, value] of (http?.headers ?? headers) as unknown as Iterable<[string, string]>) sendHeaders[name] = value;
    sendHeaders[SIGNATURE_HEADER] = signature;
    let response: SubgraphHttpResponse | undefined;
    try {
      this.client ??= new SubgraphHttpClient(this.url);
      response = await this.client.post(body, sendHeaders, signal);
      if (!response.ok) throw await errorFromResponse(response);
      const parsed = await response.parsedBody();
      if (typeof parsed !== 'object' || parsed === null) throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
      restrictCachePolicy(options, response.headers.get('cache-control'));
      return { ...(parsed as GatewayGraphQLResponse), http: response as unknown as GatewayGraphQLResponse['http'] };
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, response as never, context as GatewayContext, request);
      throw error;
    }
  }

  /**
   * The same call to a subgraph this process serves: the operation, principal, request id and
   * wait as values (no JSON, no signature, no socket); the same errors for the same failures (a
   * non-2xx status, the timeout, the client gone, a stopped subgraph as a refused connection).
   */
  private async sendInProcess(inProcess: InProcessSubgraph, options: GraphQLDataSourceProcessOptions<GatewayContext>, signal: AbortSignal): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const { http: _http, ...payload } = request;
    try {
      const call = inProcess({ request: payload as InProcessRequest['request'], principal: context?.principal, requestId: context?.requestId, waitMs: this.timeoutMs, signal });
      const answer = await untilAborted(call, signal);
      if (answer.status < 200 || answer.status >= 300) {
        throw statusError({ status: answer.status, statusText: STATUS_CODES[answer.status] ?? '', url: this.url }, answer.result);
      }
      // An in-process answer has no headers: the same as an HTTP answer without Cache-Control.
      restrictCachePolicy(options, null);
      return answer.result as GatewayGraphQLResponse;
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, undefined as never, context as GatewayContext, request);
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
  return statusError(response, await response.parsedBody().catch(() => undefined));
}

function statusError({ status, statusText, url }: { status: number; statusText: string; url: string }, body: unknown): GraphQLError {
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${status}: ${statusText}`, {
    extensions: { response: { url, status, statusText, body }, ...(code ? { code } : {}) },
  });
}

/**
 * The call's answer, or the signal's reason once it aborts (as undici rejects a request whose
 * signal aborts): the gateway stops waiting at once; the subgraph's own work stops through the
 * same signal.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** As the stock data source honours a subgraph's Cache-Control (maxAge 0 when it sends none). */
function restrictCachePolicy(options: GraphQLDataSourceProcessOptions<GatewayContext>, cacheControl: string | null): void {
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  const directives = new Map<string, string | true>();
  for (const part of (cacheControl ?? '').trim().split(/\s*,\s*/)) {
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
