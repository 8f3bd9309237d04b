import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { BREAK, getNullableType, isListType, isObjectType, Kind, locatedError, visit, type DocumentNode, type GraphQLSchema } from 'graphql';

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
 *
 * Where graphql-jit 0.8.9 answers differently from graphql-js (knownOperations.test.ts holds the
 * engines to Apollo Server's answers for every shape the product's subgraphs produce):
 * - made not to matter here: a rejected list item was appended at the end of the list
 *   (`withSettledListItems` below); a serializer's error kept only its message (the product's
 *   scalars give none a code, scalars.ts); literals carrying its markers (`compileOperation`).
 * - not met by the product, left as they are: a thrown value that is not an Error (graphql-js
 *   says "Unexpected error value: ..."; graphql-jit uses the value, and a thrown plain object's
 *   `extensions.code`); the order of errors (a null in a non-null field is listed after the
 *   others); an asynchronous `__resolveType`, or one that throws under an asynchronous parent
 *   (no answer), where the subgraphs have no abstract type of their own (federation's `_Entity`
 *   reads `__typename`); variable values the gateway has already coerced (`[]` for an input
 *   object, `1e999` as a Float default); the first line of a development stack trace.
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
 *   variable's default, a directive's argument), or with graphql-jit's marker prefix `__MAGIC_`
 *   anywhere in its text. graphql-jit 0.8.9 writes an argument's literal values into the
 *   generated source as JSON and then rewrites its own marker strings in that text into
 *   JavaScript (`new Date(...)`, `NaN`); a string literal carrying the marker became code and ran
 *   (found here; the attacks are in compiledExecution.test.ts). A marker can also arrive without a
 *   string literal: an enum-like name given to a scalar without its own literal parsing
 *   (federation's `_Any`) becomes a string. Numbers and booleans cannot carry it, and variables'
 *   values never enter the source. The gateway's fetches for the reference operations pass their
 *   values as variables, so what they compile is unaffected; a client's inline string stays with
 *   graphql-js.
 * - A document graphql-jit declines (it answers with errors) or throws on.
 */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
  const text = document.loc?.source.body;
  if (text === undefined || text.includes(MARKER_PREFIX) || hasStringLiteral(document)) return undefined;
  try {
    const compiled = compileQuery(schema, document, operationName);
    return isCompiledQuery(compiled) ? compiled : undefined;
  } catch {
    return undefined;
  }
}

/** The prefix of every marker graphql-jit 0.8.9 rewrites into code (MAGIC_DATE, MAGIC_NAN, ...). */
const MARKER_PREFIX = '__MAGIC_';

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

/**
 * The schema with every resolved list's items made to settle: an item that is a promise and
 * rejects resolves to its error instead. For graphql-js nothing changes (a list item that is an
 * Error is an error at that index, as a rejected one is). graphql-jit 0.8.9 appends `null` at the
 * end of the list for a rejected item instead of writing it at its index: `_entities` answered one
 * entry more than it was asked for, and the gateway then refused the whole fetch. @apollo/subgraph's
 * `_entities` answers a promise per representation, so one failing reference (a legacy system
 * down for one customer) is enough. Applied in place (serveSubgraph.ts); returns the schema.
 */
export function withSettledListItems(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      // A field without a resolver reads a property of its parent: a plain value, not items in flight.
      if (!resolve || !isListType(getNullableType(field.type))) continue;
      field.resolve = (source, args, context, info) => settledItems(resolve(source, args, context, info));
    }
  }
  return schema;
}

function settledItems(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  let settled: unknown[] | undefined;
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!isThenable(item)) continue;
    settled ??= value.slice();
    // A non-Error rejection becomes the error graphql-js makes of it ("Unexpected error value: ...").
    settled[index] = Promise.resolve(item).then(undefined, (error: unknown) => (error instanceof Error ? error : locatedError(error, undefined)));
  }
  return settled ?? value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
