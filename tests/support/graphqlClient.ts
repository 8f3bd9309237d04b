import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultTestToken } from './testAuth';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: { stale?: Array<{ system: string; ageMs: number }> } & Record<string, unknown>;
  headers: Headers;
}

/** Every response body the tests saw, so cross-cutting scans (PANs, leaks) can read them all. */
export const seenResponses: string[] = [];

/**
 * POSTs a GraphQL request. Without an `authorization` header it sends the default test token:
 * the role the file chose with `callAs(role)`, else the least-privileged role, which reads no
 * sensitive field (testAuth.ts). Pass `{ authorization: ... }` (authHeaders(role)) to act as
 * another role for one request, or `{ authorization: '' }` to send none.
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const auth = 'authorization' in headers ? headers.authorization : `Bearer ${await defaultTestToken()}`;
  const { authorization: _ignored, ...rest } = headers;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...rest, ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  seenResponses.push(text);
  const body = JSON.parse(text) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { ...body, status: response.status, headers: response.headers };
}

/** A committed operation from schema/operations/. */
export function operation(name: string): string {
  return readFileSync(path.join(__dirname, '..', '..', 'schema', 'operations', `${name}.graphql`), 'utf8');
}
