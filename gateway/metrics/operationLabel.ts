/**
 * Operation label for unnamed operations (`query { ... }`). Not "anonymous": that word is for
 * callers without a token (the audit trail's subject), and an unnamed operation has a caller.
 */
export const UNNAMED_OPERATION = 'unnamed';
/** Label for names past the cap or not shaped like a GraphQL name. */
export const OTHER_OPERATION = 'other';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Operation names are chosen by clients, and every distinct label value is a new time series:
 * an unbounded label would let any client grow the gateway's memory and the Prometheus
 * server's. The first `maxNames` names seen keep their own label; later ones share `other`.
 */
export function createOperationLabeler(maxNames = 200): (operationName: string | null | undefined) => string {
  const known = new Set<string>();
  return (operationName) => {
    if (!operationName) return UNNAMED_OPERATION;
    if (!GRAPHQL_NAME.test(operationName)) return OTHER_OPERATION;
    if (known.has(operationName)) return operationName;
    if (known.size >= maxNames) return OTHER_OPERATION;
    known.add(operationName);
    return operationName;
  };
}
