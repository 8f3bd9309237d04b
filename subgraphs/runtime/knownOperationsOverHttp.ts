import type { HTTPGraphQLResponse } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { InProcessRequest } from './inProcessCall';
import type { KnownOperations } from './knownOperations';

/** An answer written as Apollo Server would have written it. */
export interface KnownHttpAnswer {
  status: number;
  /** Lower-case names, as Apollo Server's HeaderMap keeps them: the content type and any its errors' `http` extensions set. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Known operations (knownOperations.ts) for signed calls over HTTP, the way a subgraph deployed in
 * its own process is called: the same operations, the same saving, and the answer written byte
 * for byte as Apollo Server's HTTP handling writes it.
 *
 * Apollo Server stays in charge of everything but the repeat of a call it answered well:
 * - a body is taken only in the exact shape Apollo Server reads without comment (an object with a
 *   string `query`, `variables` and `extensions` objects or absent, a string `operationName` or
 *   absent); anything else, a batch included, is Apollo Server's to refuse or answer;
 * - the content type is the one Apollo Server chose for the same Accept header, learnt from its
 *   own answers (its negotiation is not redone here);
 * - the body is Apollo Server's: `errors`, `data`, `extensions` in that order, JSON, a newline.
 */
export interface KnownHttpCalls {
  /** The answer to a known call, or undefined: Apollo Server must answer it. */
  answer(body: unknown, accept: string | undefined, contextValue: () => Promise<unknown>): Promise<KnownHttpAnswer | undefined>;
  /** Learns from Apollo Server's answer to this call (only an answer with data teaches anything). */
  learn(body: unknown, accept: string | undefined, response: HTTPGraphQLResponse): void;
}

export function knownOperationsOverHttp(operations: KnownOperations): KnownHttpCalls {
  // Accept header -> the content type Apollo Server answered with. The gateway sends one or two.
  const contentTypes = new LRUCache<string, string>({ max: 32 });
  return {
    async answer(body, accept, contextValue) {
      const contentType = contentTypes.get(accept ?? '');
      const request = contentType === undefined ? undefined : requestIn(body);
      if (request === undefined || contentType === undefined) return undefined;
      const known = await operations.run(request, await contextValue());
      if (known === undefined) return undefined;
      const { errors, data, extensions } = known.result;
      const headers: Record<string, string> = {};
      for (const [name, value] of known.headers) headers[name] = value;
      headers['content-type'] ??= contentType;
      return { status: known.status, headers, body: `${JSON.stringify({ errors, data, extensions })}\n` };
    },
    learn(body, accept, response) {
      const request = requestIn(body);
      const contentType = response.headers.get('content-type');
      if (request === undefined || contentType === undefined || (response.status ?? 200) !== 200 || response.body.kind !== 'complete') return;
      if ((JSON.parse(response.body.string) as { data?: unknown }).data === undefined) return;
      // Apollo Server sets no other header on a single answer without an `http` extension.
      if ([...response.headers.keys()].some((name) => name !== 'content-type')) return;
      contentTypes.set(accept ?? '', contentType);
      operations.learn(request);
    },
  };
}

/** The request in a POST body that Apollo Server reads without comment, or undefined. */
function requestIn(body: unknown): InProcessRequest['request'] | undefined {
  if (!isRecord(body)) return undefined;
  const { query, variables, operationName, extensions } = body;
  if (typeof query !== 'string') return undefined;
  if (variables !== undefined && !isRecord(variables)) return undefined;
  if (extensions !== undefined && !isRecord(extensions)) return undefined;
  if (operationName !== undefined && typeof operationName !== 'string') return undefined;
  return { query, ...(variables ? { variables } : {}), ...(operationName !== undefined ? { operationName } : {}), ...(extensions ? { extensions } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
