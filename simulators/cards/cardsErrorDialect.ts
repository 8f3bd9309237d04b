import type { SimResponse } from '../kit/simulatorServer';

/**
 * The processor's error dialect: `{ "error": { "code", "message" } }` with an HTTP status.
 * Messages name the problem, never the data (no ids or names echoed back).
 */
export type CardsErrorCode =
  | 'invalid_request'
  | 'resource_missing'
  | 'route_not_found'
  | 'rate_limited'
  | 'api_error';

export function cardsError(
  status: number,
  code: CardsErrorCode,
  message: string,
  headers?: Record<string, string>,
): SimResponse {
  return { status, contentType: 'application/json', body: JSON.stringify({ error: { code, message } }), headers };
}

export function cardsJson(value: unknown): SimResponse {
  return { status: 200, contentType: 'application/json', body: JSON.stringify(value) };
}
