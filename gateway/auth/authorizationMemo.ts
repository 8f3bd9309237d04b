import type { DocumentNode, GraphQLSchema } from 'graphql';
import { authorizeOperation, type AuthorizationDecision, type AuthorizeOperationInput } from './operationAuthorization';
import type { SensitiveFieldIndex } from './sensitiveFieldIndex';

/** Role sets remembered per document: a document is asked for by a handful of roles, never by thousands. */
const MAX_ROLE_SETS_PER_DOCUMENT = 32;

interface Remembered {
  schema: GraphQLSchema;
  index: SensitiveFieldIndex;
  decision: AuthorizationDecision;
}

/**
 * `authorizeOperation`, decided once per document and role set rather than on every request.
 *
 * Why it may be remembered: the decision is a pure function of the API schema, the parsed
 * document, the operation name, the field index, the roles and the policy (it does not read
 * variables: operationAuthorization.ts), and Apollo hands every request with the same query text
 * the same parsed document. So the memo is keyed by the document object (weakly: a document
 * Apollo's cache drops is forgotten here too), then by operation name and the sorted roles, and
 * an entry holds only while the schema and the index it was decided against are still the ones
 * in use (a new supergraph decides again). Callers must not change the decision they get.
 */
export function createAuthorizationMemo(authorize: (input: AuthorizeOperationInput) => AuthorizationDecision = authorizeOperation) {
  const byDocument = new WeakMap<DocumentNode, Map<string, Remembered>>();
  return (input: AuthorizeOperationInput): AuthorizationDecision => {
    // JSON: no role name, however odd, can make two role sets share a key.
    const key = JSON.stringify([input.operationName ?? null, [...input.roles].sort()]);
    let decided = byDocument.get(input.document);
    const known = decided?.get(key);
    if (known && known.schema === input.schema && known.index === input.index) return known.decision;
    const decision = authorize(input);
    if (!decided) byDocument.set(input.document, (decided = new Map()));
    if (decided.size >= MAX_ROLE_SETS_PER_DOCUMENT) decided.clear();
    decided.set(key, { schema: input.schema, index: input.index, decision });
    return decision;
  };
}
