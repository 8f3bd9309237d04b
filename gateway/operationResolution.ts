import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * The request does not say unambiguously which operation of its document to run. The message
 * is safe to return: it names at most the operation name the client sent (truncated).
 */
export class OperationNotResolvedError extends Error {
  override readonly name = 'OperationNotResolvedError';
}

/**
 * The one operation a request runs, or OperationNotResolvedError. Stricter than graphql-js's
 * getOperationAST on purpose: the operation the field policy judges must be exactly the one the
 * gateway plans, and they must not disagree on edge cases. An empty `operationName` is refused
 * (graphql-js finds no operation named "", while the query planner treats "" as absent and runs
 * the only operation: that gap was an authorization bypass); so is an unknown name, and a
 * document of several operations without a name.
 */
export function resolveOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName === '') throw new OperationNotResolvedError('operationName must not be empty: omit it, or name one of the document\'s operations');
  if (operationName !== null && operationName !== undefined) {
    const named = operations.filter((o) => o.name?.value === operationName);
    if (named.length !== 1) throw new OperationNotResolvedError(`The document has no operation named "${operationName.slice(0, 64)}"`);
    return named[0];
  }
  if (operations.length === 0) throw new OperationNotResolvedError('The document contains no operation');
  if (operations.length > 1) throw new OperationNotResolvedError('The document contains several operations: say which one to run with operationName');
  return operations[0];
}
