import type { ClientHooks } from '../../adapters/kit/clientHooks';
import { createGatewayMetrics, type GatewayMetrics } from '../metrics/gatewayMetrics';
import { registerLegacyCallMetrics } from '../metrics/legacyCallMetrics';
import type { GatewayPlugin } from './gatewayPlugin';

export const METRICS_PATH = '/metrics';

export interface MetricsOptions {
  /** Default: a fresh registry for this gateway (createGatewayMetrics()). */
  metrics?: GatewayMetrics;
  /** Where legacy-call events come from. Default the adapter kit's shared client hooks. */
  legacyHooks?: ClientHooks;
}

/**
 * Prometheus metrics: `GET /metrics` (public, like /health: no customer data, and scrapers
 * carry no user token) in the text exposition format, fed by the GraphQL lifecycle (requests
 * and latency by operation), the subgraph data sources (fetch latency by subgraph) and the
 * adapter kit's client hooks (legacy calls, errors, retries and breaker state by system).
 */
export function useMetrics(options: MetricsOptions = {}): GatewayPlugin & { readonly metrics: GatewayMetrics } {
  const metrics = options.metrics ?? createGatewayMetrics();
  return {
    name: 'metrics',
    metrics,
    routes: [
      {
        method: 'GET',
        path: METRICS_PATH,
        async handle(_req, res) {
          const body = await metrics.registry.metrics();
          res.statusCode = 200;
          res.setHeader('content-type', metrics.registry.contentType);
          res.end(body);
        },
      },
    ],
    apollo: {
      async serverWillStart() {
        // Registered for the server's lifetime only: a stopped gateway stops counting.
        const unregister = registerLegacyCallMetrics(metrics, options.legacyHooks);
        return {
          async serverWillStop() {
            unregister();
          },
        };
      },
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ response, operationName }) {
            const operation = metrics.operationLabel(operationName);
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            metrics.requests.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
            metrics.requestDuration.observe({ operation }, (performance.now() - started) / 1000);
          },
        };
      },
    },
    didReceiveSubgraphResponse({ subgraph, durationMs, outcome }) {
      metrics.subgraphFetchDuration.observe({ subgraph, outcome }, durationMs / 1000);
    },
  };
}
