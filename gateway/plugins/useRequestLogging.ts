import type { GatewayPlugin } from './gatewayPlugin';

/**
 * One log line per GraphQL request, at `debug` (LOG_LEVEL=debug shows them; the default `info`
 * keeps a terminal readable): operation name, HTTP status, duration and error codes.
 * Deliberately not the query text, variables or headers (customer data and tokens).
 */
export function useRequestLogging(): GatewayPlugin {
  return {
    name: 'requestLogging',
    apollo: {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ response, operationName, contextValue }) {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            contextValue.log.debug(
              {
                operationName: operationName ?? undefined,
                status: response.http.status ?? 200,
                durationMs: Math.round(performance.now() - started),
                errorCodes: errors?.map((e) => String(e.extensions?.code ?? 'UNKNOWN')),
              },
              'graphql request',
            );
          },
        };
      },
    },
  };
}
