import type { CompiledQuery } from 'graphql-jit';
import { execute, parse, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { addStaleExtension } from '../../adapters/cache/staleExtensionPlugin';
import { compileOperation, type SubgraphExecution } from './compiledExecution';
import type { InProcessAnswer, InProcessRequest } from './inProcessCall';

/**
 * The operations a gateway sends to one subgraph, run without Apollo Server's request pipeline
 * once Apollo Server has run them once: through a function compiled for each (graphql-jit), or
 * through graphql-js's `execute` (compiledExecution.ts says which and why).
 *
 * Why: a customer360 makes seven subgraph calls, and Apollo Server's request pipeline costs each
 * of them the same again whatever the operation: a SHA-256 of the text, an Accept negotiation,
 * a context clone, eight rounds of plugin hooks (each a `Promise.all`), response shaping
 * (BENCHMARKS.md, "Subgraph calls without Apollo Server's request pipeline"). The gateway's
 * operations are few (its query plans' fetches) and sent again and again.
 *
 * What stays Apollo Server's:
 * - Whether an operation may run at all. A text is known here only after Apollo Server executed
 *   it (it parsed, passed every validation rule the server has, named an operation), so nothing
 *   it would refuse is ever run here, whatever rules it is configured with.
 * - Every answer refused before execution. Both engines answer without `data` exactly when no
 *   resolver ran (variables that do not coerce); that call then goes to Apollo Server, which
 *   answers it in its own words (400, BAD_USER_INPUT). Running it again there runs nothing twice.
 * - How errors read: `format` below does what Apollo Server 5's error normalisation does for a
 *   server without `formatError` (its errorNormalize.js): a `code` of INTERNAL_SERVER_ERROR
 *   unless the error has one, an `http` extension taken off into the status and headers, the
 *   stack trace when the server includes them. knownOperations.test.ts holds this path to Apollo
 *   Server's own answers, serveSubgraph.inProcess.test.ts to the signed HTTP answer. One
 *   difference, in development only: the first line of the stack trace of an error the engine
 *   raises itself (a null in a non-null field) names `GraphQLError` where graphql-js's names
 *   `Error`; the message and everything in production are the same.
 *
 * What is not run here: Apollo Server's per-request plugin hooks. The subgraphs' plugins are
 * `subgraphPlugins()` in serveSubgraph.ts: tracing and cache control are off, and the one plugin
 * with a per-request effect (the stale extension) is applied below. A plugin added there must be
 * applied here too, or this path left.
 */
export interface KnownOperations {
  /** The answer to a known operation, or undefined: Apollo Server must answer this call. */
  run(request: InProcessRequest['request'], contextValue: unknown): Promise<KnownAnswer | undefined>;
  /** Apollo Server executed this request (its answer has `data`): its operation is known from now on. */
  learn(request: InProcessRequest['request']): void;
  /** How a known operation runs now (for tests and diagnostics): `compiled` once it has been compiled; undefined while it is unknown. */
  engineOf(request: InProcessRequest['request']): SubgraphExecution | undefined;
  /** How many answers so far each engine gave. */
  answersBy(): Record<SubgraphExecution, number>;
}

/** An answer, with the response headers its errors' `http` extensions ask for (as Apollo Server applies them over HTTP). */
export interface KnownAnswer extends InProcessAnswer {
  headers: [string, string][];
}

export interface KnownOperationsOptions {
  /** As the Apollo Server's `includeStacktraceInErrorResponses`. */
  includeStacktrace: boolean;
  /** How many operation texts are kept (least recently used dropped). The gateway's are a few dozen. */
  capacity?: number;
  /** Default `compiled` (compiledExecution.ts). */
  execution?: SubgraphExecution;
  /**
   * At which of its runs from here an operation is compiled (default 2: the third time it is
   * seen, Apollo Server's first answer included). Compiling costs 10-30 ms and up to ~400 KiB a
   * function; a text sent once or twice (a client's own literal, say) never pays for it.
   */
  compileOnRun?: number;
  /**
   * How many compiled functions are kept (default 64; the least recently used goes back to
   * graphql-js, and is compiled again after `compileOnRun` more runs). Bounds their memory
   * whatever texts callers send.
   */
  compiledCapacity?: number;
}

/** A known operation: its document, its runs from here, and its compiled function once it has one. */
interface KnownOperation {
  document: DocumentNode;
  operationName: string | undefined;
  runs: number;
  /** `never`: not to be compiled (graphql-jit declined it, or its function threw once). */
  compiled: CompiledQuery | 'never' | undefined;
}

export function knownOperations(schema: GraphQLSchema, options: KnownOperationsOptions): KnownOperations {
  const compileOnRun = options.compileOnRun ?? 2;
  const compile = (options.execution ?? 'compiled') === 'compiled';
  // Holds the operations that have a compiled function; evicted, one runs through graphql-js again.
  const compiledOnes = new LRUCache<string, KnownOperation>({
    max: options.compiledCapacity ?? 64,
    dispose: (operation, _key, reason) => {
      if (reason !== 'evict' || operation.compiled === 'never') return;
      operation.compiled = undefined;
      operation.runs = 0;
    },
  });
  const known = new LRUCache<string, KnownOperation>({ max: options.capacity ?? 1000, dispose: (_operation, key) => compiledOnes.delete(key) });
  const answers: Record<SubgraphExecution, number> = { compiled: 0, 'graphql-js': 0 };

  /** The operation's compiled function, compiled now if this run is the one (undefined: graphql-js runs it). */
  const compiledFor = (key: string, operation: KnownOperation): CompiledQuery | undefined => {
    operation.runs += 1;
    if (compile && operation.compiled === undefined && operation.runs >= compileOnRun) {
      const compiled = compileOperation(schema, operation.document, operation.operationName);
      operation.compiled = compiled ?? 'never';
      if (compiled) compiledOnes.set(key, operation);
    }
    if (operation.compiled === undefined || operation.compiled === 'never') return undefined;
    compiledOnes.get(key); // its use keeps it among the most recently used
    return operation.compiled;
  };

  /**
   * A compiled function answers with errors, never by throwing; one that throws (a defect in
   * generated code) fails this call as any failure would, and the operation runs through
   * graphql-js from then on: the resolvers may have run, so the call is not repeated.
   */
  const runCompiled = async (key: string, operation: KnownOperation, compiled: CompiledQuery, contextValue: unknown, variables: Record<string, unknown>): Promise<ExecutionResult> => {
    try {
      return await compiled.query(undefined, contextValue, variables);
    } catch (error) {
      operation.compiled = 'never';
      compiledOnes.delete(key);
      throw error;
    }
  };

  return {
    async run(request, contextValue) {
      const key = keyOf(request);
      const operation = key === undefined ? undefined : known.get(key);
      if (key === undefined || operation === undefined) return undefined;
      const compiled = compiledFor(key, operation);
      const result: ExecutionResult = compiled
        ? await runCompiled(key, operation, compiled, contextValue, request.variables ?? {})
        : await execute({ schema, document: operation.document, contextValue, variableValues: request.variables, operationName: request.operationName });
      if (result.data === undefined) return undefined;
      answers[compiled ? 'compiled' : 'graphql-js'] += 1;
      const { errors, status, headers } = format(result.errors, options.includeStacktrace);
      const answer: FormattedExecutionResult = { ...result, errors };
      addStaleExtension(answer);
      return { status: status ?? 200, result: answer, headers };
    },
    learn(request) {
      const key = keyOf(request);
      if (key === undefined || known.has(key)) return;
      known.set(key, { document: parse(request.query), operationName: request.operationName ?? undefined, runs: 0, compiled: undefined });
    },
    engineOf(request) {
      const key = keyOf(request);
      const operation = key === undefined ? undefined : known.get(key);
      if (operation === undefined) return undefined;
      return typeof operation.compiled === 'object' ? 'compiled' : 'graphql-js';
    },
    answersBy: () => ({ ...answers }),
  };
}

/** A plain text with its operation name; a persisted-query call (no text, or a hash to check) stays Apollo Server's. */
function keyOf(request: InProcessRequest['request']): string | undefined {
  if (typeof request.query !== 'string' || request.extensions?.persistedQuery !== undefined) return undefined;
  return `${request.operationName ?? ''}\n${request.query}`;
}

/** Apollo Server's error normalisation for a server without `formatError` (see above). */
function format(errors: readonly GraphQLError[] | undefined, includeStacktrace: boolean): { errors?: GraphQLFormattedError[]; status?: number; headers: [string, string][] } {
  // As Apollo Server's HeaderMap: names in lower case, a later error's value replacing an earlier one's.
  const headers = new Map<string, string>();
  if (errors === undefined) return { headers: [] };
  let status: number | undefined;
  const formatted = errors.map((error) => {
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' };
    if (isHttpHead(extensions.http)) {
      status = extensions.http.status || status;
      for (const [name, value] of extensions.http.headers ?? []) headers.set(name.toLowerCase(), value);
      delete extensions.http;
    }
    if (includeStacktrace) extensions.stacktrace = error.stack?.split('\n');
    return { ...error.toJSON(), extensions };
  });
  return { errors: formatted, status, headers: [...headers] };
}

/** Apollo Server's test for an `http` extension it applies to the response (a status, headers as a Map). */
function isHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  if (!value || typeof value !== 'object') return false;
  const head = value as { status?: unknown; headers?: unknown };
  return (!('status' in head) || typeof head.status === 'number') && (!('headers' in head) || head.headers instanceof Map);
}
