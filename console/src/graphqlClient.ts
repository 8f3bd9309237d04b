/** A GraphQL error as the gateway formats it. */
export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; system?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLErrorBody[];
}

/** The gateway refused the token (401): the console goes back to sign-in with the reason. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

/** The request failed as a whole (network, 4xx/5xx without data, validation). */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
  constructor(message: string, readonly errors: GraphQLErrorBody[] = []) {
    super(message);
  }
}

/**
 * POST to the gateway's /graphql on the page's own origin with the signed-in token. Partial
 * answers (data plus errors: one system down, a field refused for the role) are returned as
 * they are, for the views to show what they can; only an answer without data throws.
 */
export async function graphql<T>(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<GraphQLResult<T>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorizationHeader(token) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new RequestFailedError('The gateway did not answer (network error).');
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new RequestFailedError(`The gateway answered HTTP ${response.status} without a GraphQL body.`);
  }
  const errors = body.errors ?? [];
  if (response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    throw new UnauthenticatedError(errors[0]?.message ?? 'The gateway needs a valid token.');
  }
  if (body.data === undefined || body.data === null) {
    throw new RequestFailedError(errors[0]?.message ?? `The gateway answered HTTP ${response.status}.`, errors);
  }
  return { data: body.data, errors };
}

export function authorizationHeader(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
