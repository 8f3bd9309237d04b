import type { GraphQLFormattedError } from 'graphql';

/**
 * Extensions that carry internals: stack traces (Apollo's `stacktrace`, older servers'
 * `exception`) and RemoteGraphQLDataSource's `response` (the subgraph's url, status and raw
 * body on a non-2xx answer). Everything else, notably a subgraph's `code` and `system`, is
 * the error contract clients rely on and passes through untouched.
 */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'response'] as const;

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
