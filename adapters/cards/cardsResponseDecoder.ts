import type { z } from 'zod/v4';
import { statusError, UpstreamProtocolError, type UpstreamResponse } from '../kit';

/**
 * A decoder for one of the processor's JSON answers: 200 is validated against `schema`, any
 * other status becomes the kit's typed error. With `notFoundAsNull`, a 404 means "no such
 * resource" (null), not an error. Anything unreadable is an UpstreamProtocolError.
 */
export function cardsResponseDecoder<S extends z.ZodType>(operation: string, schema: S, notFoundAsNull: true): (r: UpstreamResponse) => z.infer<S> | null;
export function cardsResponseDecoder<S extends z.ZodType>(operation: string, schema: S, notFoundAsNull?: false): (r: UpstreamResponse) => z.infer<S>;
export function cardsResponseDecoder<S extends z.ZodType>(operation: string, schema: S, notFoundAsNull = false) {
  return (response: UpstreamResponse): z.infer<S> | null => {
    if (response.status === 404 && notFoundAsNull) return null;
    if (response.status !== 200) throw statusError('CARDS', operation, response);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      throw new UpstreamProtocolError('CARDS', operation, 'response is not JSON');
    }
    const parsed = schema.safeParse(body);
    // The issue path names a field, never its value: no customer data in the error.
    if (!parsed.success) {
      throw new UpstreamProtocolError('CARDS', operation, `unexpected response shape at ${parsed.error.issues[0]?.path.join('.') || 'root'}`);
    }
    return parsed.data;
  };
}
