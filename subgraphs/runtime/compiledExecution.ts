import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { BREAK, Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * How a subgraph executes the operations it already knows (knownOperations.ts): `compiled`
 * (default) runs each through a function graphql-jit generated for it once; `graphql-js` runs
 * every one through graphql-js's interpreter (`execute`), as Apollo Server does.
 *
 * Why compile: a customer list's subgraph calls carry fifty customers each, and graphql-js's
 * per-field work (argument coercion, field collection, type checks, a promise per field) was the
 * largest library cost left in the product (BENCHMARKS.md, "Compiled execution in the subgraphs").
 * The gateway sends the same few query-plan fetches again and again, so compiling once pays.
 *
 * `SUBGRAPH_EXECUTION=graphql-js` is the operator's switch back should the two engines ever be
 * seen to answer differently; anything else but `compiled` refuses to start.
 */
export type SubgraphExecution = 'compiled' | 'graphql-js';

export class SubgraphExecutionConfigError extends Error {
  override name = 'SubgraphExecutionConfigError';
}

export function subgraphExecutionFromEnv(env: NodeJS.ProcessEnv): SubgraphExecution {
  const raw = env.SUBGRAPH_EXECUTION?.trim();
  if (!raw || raw === 'compiled') return 'compiled';
  if (raw === 'graphql-js') return 'graphql-js';
  throw new SubgraphExecutionConfigError(`SUBGRAPH_EXECUTION must be "compiled" or "graphql-js", got "${raw}"`);
}

/**
 * The operation compiled, or undefined: it is then run by graphql-js.
 *
 * Not compiled, whatever the setting:
 * - A document with a string literal anywhere (an argument, a list or input object inside one, a
 *   variable's default, a directive's argument). graphql-jit 0.8.9 writes an argument's literal
 *   values into the generated source as JSON and then rewrites its own marker strings in that
 *   text into JavaScript (`new Date(...)`, `NaN`); a string literal carrying the marker became
 *   code and ran (found here, the attack is in compiledExecution.test.ts). Numbers, booleans,
 *   enum values and names cannot carry it, and variables' values never enter the source. The
 *   gateway's own query-plan fetches pass values as variables, so what they compile is unaffected;
 *   a client's inline string stays with graphql-js.
 * - A document graphql-jit declines (it answers with errors) or throws on.
 */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
  if (hasStringLiteral(document)) return undefined;
  try {
    const compiled = compileQuery(schema, document, operationName);
    return isCompiledQuery(compiled) ? compiled : undefined;
  } catch {
    return undefined;
  }
}

/** Whether any string value (quoted or block) appears in the document. */
export function hasStringLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]() {
      found = true;
      return BREAK;
    },
  });
  return found;
}
