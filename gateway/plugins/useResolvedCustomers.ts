import { createHash } from 'node:crypto';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { AUDITED_CUSTOMER, CUSTOMER_ID_ALIAS, takeCustomerIds, usesReservedAlias, withCustomerIdAlias, type AuditedEntity } from '../audit/customerIdAlias';
import { accessOf } from '../requestAccess';
import type { GatewayPlugin } from './gatewayPlugin';
import { badRequest } from './useOperationResolution';

/**
 * Knows which customers each request's answer holds, wherever they are in it: the document the
 * gateway plans gets a reserved `_uvAuditCustomerId: id` in every selection of a customer
 * (gateway/audit/customerIdAlias.ts), and the executed result gives those ids up (then loses
 * the key) before anything else sees it. The ids land in `context.access.resolvedCustomerIds`
 * for the audit trail and the customer-bound token check.
 *
 * Runs in the gateway's own execution hooks (after every `didResolveOperation`, so after the
 * field policy's rewrite), and changes the query hash: the gateway caches plans by it, and a plan
 * made without the alias must never serve a request that relies on it.
 */
export function useResolvedCustomers(options: { entity?: AuditedEntity } = {}): GatewayPlugin {
  const entity = options.entity ?? AUDITED_CUSTOMER;
  // Apollo hands the same parsed document to every request with the same text, so each one is
  // rewritten once (per schema: a new supergraph can change the types).
  const rewrites = new WeakMap<DocumentNode, { schema: GraphQLSchema; document: DocumentNode }>();
  const rewrite = (document: DocumentNode, schema: GraphQLSchema): DocumentNode => {
    const known = rewrites.get(document);
    if (known?.schema === schema) return known.document;
    const rewritten = withCustomerIdAlias(document, schema, entity);
    rewrites.set(document, { schema, document: rewritten });
    return rewritten;
  };
  // Whether a document uses the reserved key, once per parsed document (a pure function of it).
  const reservedUse = new WeakMap<DocumentNode, boolean>();
  const usesReserved = (document: DocumentNode): boolean => {
    let uses = reservedUse.get(document);
    if (uses === undefined) reservedUse.set(document, (uses = usesReservedAlias(document)));
    return uses;
  };
  return {
    name: 'resolvedCustomers',
    apollo: {
      async requestDidStart() {
        return {
          async didResolveOperation({ document }) {
            if (usesReserved(document)) {
              throw badRequest(`"${CUSTOMER_ID_ALIAS}" is reserved by the gateway; choose another alias`);
            }
          },
        };
      },
    },
    willExecuteOperation(execution) {
      execution.document = rewrite(execution.document, execution.schema);
      execution.queryHash = createHash('sha256').update(execution.queryHash).update(`\0customer-ids:${entity.typeName}.${entity.idField}`).digest('hex');
    },
    didExecuteOperation({ context }, result) {
      accessOf(context).resolvedCustomerIds = takeCustomerIds(result.data);
    },
  };
}
