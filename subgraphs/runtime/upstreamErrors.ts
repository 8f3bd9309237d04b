import { GraphQLError } from 'graphql';
import { isUpstreamError } from '../../adapters/kit/errors';

/**
 * Turns an adapter's error into the GraphQL error the client sees: the code and the system in
 * `extensions`, the message naming the system and operation only (the adapters guarantee it
 * holds no customer data). Anything unexpected becomes a generic INTERNAL_SERVER_ERROR without
 * its message, which could hold anything.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isUpstreamError(error)) {
    return new GraphQLError(error.message, { extensions: { code: error.code, system: error.system } });
  }
  return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** Runs a resolver body, rethrowing failures as typed GraphQL errors. */
export async function resolveUpstream<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphQLError(error);
  }
}
