import { createHash } from 'node:crypto';
import { getOperationAST, GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { FIELD_POLICY, type FieldPolicy, type SensitivityClass } from '../auth/fieldPolicy';
import { forbiddenError, nullForbiddenFields } from '../auth/forbiddenFieldNulling';
import { createAuthorizationMemo } from '../auth/authorizationMemo';
import { withoutForbiddenFields, type AuthorizationDecision } from '../auth/operationAuthorization';
import { buildSensitiveFieldIndex, type SensitiveFieldIndex } from '../auth/sensitiveFieldIndex';
import { accessOf } from '../requestAccess';
import type { GatewayPlugin } from './gatewayPlugin';
import { asBadRequest } from './useOperationResolution';
import '../auth/principal';

export interface FieldAuthorizationOptions {
  /** Default FIELD_POLICY (gateway/auth/fieldPolicy.ts). */
  policy?: FieldPolicy;
}

// Apollo types these request-context fields as read-only for plugins; the rewrite below is
// the one place that replaces them, before the gateway plans (see useFieldAuthorization).
interface RewritableRequestContext {
  document: DocumentNode;
  operation?: OperationDefinitionNode;
  queryHash: string;
}

/**
 * Field-level authorization from `@sensitive(class:)` and the role policy, enforced before
 * execution (@apollo/gateway has no @authenticated/@requiresScopes):
 *
 * 1. On every supergraph load, index `Type.field -> class` from the supergraph SDL.
 * 2. didResolveOperation: walk the operation for the caller's roles. A mutation the roles may
 *    not call refuses the whole operation (403, FORBIDDEN). Sensitive fields they may not
 *    read are replaced by `__typename` placeholders in the document the gateway plans, so no
 *    subgraph (and no legacy system) is ever asked for them. The query hash is changed too:
 *    the gateway caches plans by it, and a plan made for an auditor must never serve a teller.
 * 3. willSendResponse: the refused fields come back as null with FORBIDDEN errors naming
 *    them (`extensions: { code, field: 'Customer.accounts', class }`), the rest as served.
 *
 * Fails closed: no index yet (503), an operation it cannot resolve (400), any other error while
 * deciding (the request fails). Its decision goes to `context.access` for the audit trail
 * (a DENIED event with the refused classes).
 *
 * Needs useAuthentication before it (no principal = no roles = nothing sensitive).
 */
export function useFieldAuthorization(options: FieldAuthorizationOptions = {}): GatewayPlugin {
  const policy = options.policy ?? FIELD_POLICY;
  let index: SensitiveFieldIndex | undefined;
  // Decided once per document and role set (authorizationMemo.ts says why that is safe).
  const authorizeOperation = createAuthorizationMemo();

  return {
    name: 'fieldAuthorization',
    apollo: {
      async serverWillStart({ logger }) {
        return {
          schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
            if (!coreSupergraphSdl) return;
            try {
              index = buildSensitiveFieldIndex(coreSupergraphSdl);
              logger.info(`field authorization: ${index.size} sensitive fields indexed`);
            } catch (error) {
              // Keep the previous index: a supergraph with an unreadable policy must not open fields.
              logger.error(`field authorization: cannot index @sensitive: ${(error as Error).message}`);
            }
          },
        };
      },
      async requestDidStart() {
        let decision: AuthorizationDecision | undefined;
        let clientDocument: DocumentNode | undefined;
        return {
          async didResolveOperation(requestContext) {
            if (!index) {
              throw new GraphQLError('Field authorization is not ready', { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
            }
            const roles = requestContext.contextValue.principal?.roles ?? [];
            try {
              decision = authorizeOperation({
                schema: requestContext.schema,
                document: requestContext.document,
                operationName: requestContext.request.operationName,
                index,
                roles,
                policy,
              });
            } catch (error) {
              throw asBadRequest(error);
            }
            const access = accessOf(requestContext.contextValue);
            const refusedClasses = [...decision.forbiddenCoordinates.values()].filter((r): r is SensitivityClass => r !== 'MUTATION');
            if (decision.deniedMutations.length > 0) {
              const coordinate = `${requestContext.schema.getMutationType()?.name ?? 'Mutation'}.${decision.deniedMutations[0]}`;
              access.refusal = { reason: `FORBIDDEN_MUTATION ${coordinate}`, classes: [...new Set(refusedClasses)] };
              const error = forbiddenError(coordinate, 'MUTATION');
              throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 403 } } });
            }
            if (decision.forbiddenNodes.size === 0) return;
            for (const cls of refusedClasses) access.refusedClasses.add(cls);

            const writable = requestContext as unknown as RewritableRequestContext;
            clientDocument = writable.document;
            access.clientDocument = clientDocument;
            writable.document = withoutForbiddenFields(clientDocument, decision.forbiddenNodes);
            writable.operation = getOperationAST(writable.document, requestContext.request.operationName) ?? undefined;
            writable.queryHash = createHash('sha256')
              .update(writable.queryHash)
              .update('\0forbidden:')
              .update([...decision.forbiddenNodes].map((n) => n.loc?.start ?? n.name.value).sort().join(','))
              .digest('hex');
          },
          async willSendResponse(requestContext) {
            if (!decision || decision.forbiddenNodes.size === 0 || !clientDocument) return;
            const body = requestContext.response.body;
            if (body.kind !== 'single') return;
            const served = body.singleResult;
            const { data, errors } = served.data
              ? await nullForbiddenFields({
                  schema: requestContext.schema,
                  document: clientDocument,
                  operationName: requestContext.request.operationName,
                  variables: requestContext.request.variables,
                  data: served.data,
                  forbiddenNodes: decision.forbiddenNodes,
                  forbiddenCoordinates: decision.forbiddenCoordinates,
                })
              : { data: served.data, errors: [...decision.forbiddenCoordinates].map(([c, r]) => forbiddenError(c, r).toJSON()) };
            body.singleResult = { ...served, data, errors: [...(served.errors ?? []), ...errors] };
          },
        };
      },
    },
  };
}
