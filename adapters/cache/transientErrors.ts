import { UpstreamError } from '../kit/errors';

/**
 * Failures worth answering from stale data: timeouts, unavailability (refused, reset, 5xx,
 * breaker open) and rate limiting with a Retry-After, i.e. the kit's `transient` errors. A refusal,
 * an unreadable answer or an invalid id is not hidden behind old data: it is rethrown.
 */
export function isTransientUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && error.transient;
}
