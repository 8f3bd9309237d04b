import { GraphQLError } from 'graphql';
import { OperationNotResolvedError, resolveOperation } from '../operationResolution';
import type { GatewayPlugin } from './gatewayPlugin';

export const BAD_REQUEST = 'BAD_REQUEST';

/** A request refused as malformed: 400 BAD_REQUEST with a message safe to return. */
export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: BAD_REQUEST, http: { status: 400 } } });
}

/** OperationNotResolvedError as the 400 the client gets; any other error unchanged. */
export function asBadRequest(error: unknown): unknown {
  return error instanceof OperationNotResolvedError ? badRequest(error.message) : error;
}

/**
 * Fail closed on the operation: a request whose operation cannot be resolved unambiguously
 * (empty or unknown `operationName`, several operations and no name) is refused with 400
 * BAD_REQUEST right after validation, before the field policy, planning, any subgraph or
 * legacy call and any side effect (an APQ registration included). Without it an unknown name
 * reached the executor and came back as a 500.
 */
export function useOperationResolution(): GatewayPlugin {
  return {
    name: 'operationResolution',
    apollo: {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, request }) {
            try {
              resolveOperation(document, request.operationName);
            } catch (error) {
              throw asBadRequest(error);
            }
          },
        };
      },
    },
  };
}
