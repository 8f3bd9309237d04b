import type { z } from 'zod/v4';
import { statusError, UpstreamRejected, type UpstreamError, type UpstreamResponse } from '../kit';
import { odataErrorSchema } from './erpWire';

/**
 * Reads one answer of the SAP gateway. A 200 body must match its schema (whatever does not is
 * thrown as-is and becomes an UpstreamProtocolError in the kit); a 404 is "not found" where the
 * caller asked for that; an OData error object on a 4xx is the gateway refusing the request.
 */
export function decodeODataResponse<S extends z.ZodType>(operation: string, response: UpstreamResponse, schema: S): z.infer<S>;
export function decodeODataResponse<S extends z.ZodType>(
  operation: string,
  response: UpstreamResponse,
  schema: S,
  options: { notFoundAsNull: true },
): z.infer<S> | null;
export function decodeODataResponse<S extends z.ZodType>(
  operation: string,
  response: UpstreamResponse,
  schema: S,
  options: { notFoundAsNull?: boolean } = {},
): z.infer<S> | null {
  if (response.status === 200) return schema.parse(JSON.parse(response.body));
  if (response.status === 404 && options.notFoundAsNull) return null;
  throw odataErrorFor(operation, response);
}

/** The typed error for a non-200 answer. Only the SAP message id is kept: its text may echo input. */
export function odataErrorFor(operation: string, response: UpstreamResponse): UpstreamError {
  if (response.status >= 500 || response.status === 429 || response.status < 400) return statusError('ERP', operation, response);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  const parsed = odataErrorSchema.safeParse(body);
  if (!parsed.success) return statusError('ERP', operation, response);
  return new UpstreamRejected('ERP', operation, `OData error ${parsed.data.error.code} (HTTP ${response.status})`);
}
