import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';
import type { GatewayPlugin } from './plugins/gatewayPlugin';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string | undefined;
  plugins: readonly GatewayPlugin[];
  /**
   * Upper bound for one subgraph request. Unset = no bound (stock gateway behaviour). With a
   * bound, a hung subgraph costs only its own fields (partial data) instead of the response.
   */
  timeoutMs?: number;
}

/**
 * The data source for every subgraph: the stock RemoteGraphQLDataSource (same error
 * propagation as a stock gateway, Node's fetch) plus the plugins' `willSendSubgraphRequest` hooks,
 * run for client operations only (not for the gateway's own health checks), and an optional
 * per-request timeout reported as UPSTREAM_TIMEOUT.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly hooks: GatewayPlugin[];
  private readonly responseHooks: GatewayPlugin[];
  private readonly subgraphName: string;
  private readonly timeoutMs: number | undefined;

  constructor(options: SubgraphDataSourceOptions) {
    // Node's own fetch (undici, keep-alive by default) rather than the stock make-fetch-happen:
    // same HTTP semantics, a fraction of the CPU per subgraph call (it showed as ~11% of the
    // whole stack's CPU on a warm customer360 profile).
    super({ url: options.url, fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
    this.hooks = options.plugins.filter((p) => p.willSendSubgraphRequest);
    this.responseHooks = options.plugins.filter((p) => p.didReceiveSubgraphResponse);
    this.subgraphName = options.name;
    this.timeoutMs = options.timeoutMs;
    if (this.timeoutMs !== undefined) {
      const fetchWithoutBound = this.fetcher;
      const timeoutMs = this.timeoutMs;
      this.fetcher = (url, init) => fetchWithoutBound(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    if (this.responseHooks.length === 0 || !('incomingRequestContext' in options)) return super.process(options);
    const started = performance.now();
    const report = (outcome: 'ok' | 'error', extensions?: Record<string, unknown>) => {
      const event = { subgraph: this.subgraphName, durationMs: performance.now() - started, outcome, context: options.context, extensions };
      for (const plugin of this.responseHooks) plugin.didReceiveSubgraphResponse?.(event);
    };
    try {
      const response = await super.process(options);
      report(response.errors?.length ? 'error' : 'ok', response.extensions);
      return response;
    } catch (error) {
      report('error');
      throw error;
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // GraphQLDataSourceRequestKind is not exported; only client operations carry their request context.
    if (!('incomingRequestContext' in options)) return;
    for (const plugin of this.hooks) {
      await plugin.willSendSubgraphRequest?.(options);
    }
  }

  override didEncounterError(...args: Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>): void {
    const [error] = args;
    // make-fetch-happen reports an abort as AbortError; Node's fetch a timeout signal as TimeoutError.
    if (this.timeoutMs !== undefined && (error?.name === 'AbortError' || error?.name === 'TimeoutError')) {
      throw new GraphQLError(`Subgraph "${this.subgraphName}" did not answer within ${this.timeoutMs} ms`, {
        extensions: { code: 'UPSTREAM_TIMEOUT', serviceName: this.subgraphName },
      });
    }
    super.didEncounterError(...args);
  }
}
