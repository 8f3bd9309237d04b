import { GraphQLError } from 'graphql';
import { operationFingerprint } from '../operationSafelist';
import type { GatewayPlugin } from './gatewayPlugin';

/**
 * Safelist mode for production channels: only registered operations run (by full text or by
 * an automatic-persisted-query hash that resolves to one). Anything else is refused with
 * OPERATION_NOT_SAFELISTED before it is planned, so an unregistered query never reaches a
 * subgraph or a legacy system.
 */
export function useOperationSafelist(safelist: ReadonlySet<string>): GatewayPlugin {
  return {
    name: 'operation-safelist',
    apollo: {
      async requestDidStart() {
        return {
          // After parsing and validation, before planning: Apollo honours the HTTP status here.
          async didResolveOperation({ source }) {
            const fingerprint = operationFingerprint(source);
            if (fingerprint === null || !safelist.has(fingerprint)) {
              throw new GraphQLError('This operation is not registered for this endpoint.', {
                extensions: { code: 'OPERATION_NOT_SAFELISTED', http: { status: 403 } },
              });
            }
          },
        };
      },
    },
  };
}
