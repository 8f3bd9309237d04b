import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

/**
 * Extensions that carry internals: stack traces (Apollo's `stacktrace`, older servers'
 * `exception`), RemoteGraphQLDataSource's `response` (the subgraph's url, status and raw body on
 * a non-2xx answer) and the gateway's `serviceName` (which subgraph: the system is in `system`).
 * Everything else, notably a subgraph's `code` and `system`, is the error contract clients rely
 * on and passes through untouched.
 */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'response', 'serviceName'] as const;

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi;
// "connect ECONNREFUSED 10.0.3.7:4003" names an internal host without a scheme.
const HOST_PORT_PATTERN = /\b(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|localhost):\d{1,5}\b/gi;

/** Replaces URLs and host:port pairs in a message with a neutral marker. */
export function scrubInternalAddresses(message: string): string {
  return message.replace(URL_PATTERN, '[internal]').replace(HOST_PORT_PATTERN, '[internal]');
}

/**
 * Apollo Server `formatError` for the gateway. Development keeps everything (stack traces
 * help); production removes stack traces and internal addresses and keeps the rest.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  options: { production: boolean },
): GraphQLFormattedError {
  if (!options.production) return formatted;
  const result: { -readonly [K in keyof GraphQLFormattedError]: GraphQLFormattedError[K] } = {
    ...formatted,
    message: scrubInternalAddresses(formatted.message),
  };
  if (formatted.extensions) {
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
    result.extensions = extensions;
  }
  return result;
}

type Path = ReadonlyArray<string | number>;

/**
 * The part of an error's path that the client selected. The query planner fetches fields the
 * client never asked for (profile @requires `coreBankingRecords`); an error on one of those names
 * an internal field. It is cut back to the deepest field the operation selects (`["customer",
 * "coreBankingRecords"]` -> `["customer"]`), keeping the error (its code and system say what is
 * missing) without leaking the plan. Returns undefined when not even the root field was selected.
 */
export function clientSelectedPath(path: Path, document: DocumentNode, operationName?: string | null): Path | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) operation ??= definition.selectionSet;
  }
  if (!operation) return undefined;

  /** The selection sets of the fields answering to `key` in `set`, through fragments. */
  const fieldsAt = (set: SelectionSetNode, key: string, visited = new Set<string>()): SelectionSetNode[] | null => {
    const found: SelectionSetNode[] = [];
    let any = false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if ((selection.alias ?? selection.name).value !== key) continue;
        any = true;
        if (selection.selectionSet) found.push(selection.selectionSet);
        continue;
      }
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : visitFragment(selection.name.value, visited);
      const nested = inner && fieldsAt(inner, key, visited);
      if (nested) {
        any = true;
        found.push(...nested);
      }
    }
    return any ? found : null;
  };
  const visitFragment = (name: string, visited: Set<string>): SelectionSetNode | undefined => {
    if (visited.has(name)) return undefined;
    visited.add(name);
    return fragments.get(name)?.selectionSet;
  };

  let sets: SelectionSetNode[] = [operation];
  let kept = 0;
  for (const segment of path) {
    if (typeof segment === 'number') {
      kept += 1; // a list index stays within the field already kept
      continue;
    }
    const matches = sets.map((set) => fieldsAt(set, segment));
    if (matches.every((m) => m === null)) break;
    sets = matches.flatMap((m) => m ?? []);
    kept += 1;
  }
  return kept === 0 ? undefined : path.slice(0, kept);
}

/**
 * Cuts every error's path back to what the client selected (clientSelectedPath). An Apollo
 * plugin because it needs the operation's document, which formatError does not see.
 */
export function clientPathsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, operationName }) {
          if (response.body.kind !== 'single' || !document) return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          response.body.singleResult.errors = errors.map((error) => {
            if (!error.path) return error;
            const path = clientSelectedPath(error.path, document, operationName);
            if (path?.length === error.path.length) return error;
            const { path: _internal, ...rest } = error;
            return path ? { ...rest, path: [...path] } : rest;
          });
        },
      };
    },
  };
}
