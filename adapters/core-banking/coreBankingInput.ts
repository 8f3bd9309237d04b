/**
 * Local validation of what callers ask the core-banking adapter for. A request that cannot be
 * valid on the mainframe (a CIF that is not 10 digits) is refused here, before any call, so a
 * typo never costs an upstream round trip or counts against the breaker.
 */

import { InvalidIdError, UpstreamError } from '../kit';
import { ACCOUNT_NUMBER_PATTERN, CIF_PATTERN } from './coreBankingCopybooks';

export const MAX_TRANSACTION_LIMIT = 100;

export function isCif(id: string): boolean {
  return typeof id === 'string' && CIF_PATTERN.test(id);
}

export function assertCifs(ids: readonly string[], operation: string): void {
  for (const id of ids) if (!isCif(id)) throw new InvalidIdError('CORE_BANKING', operation, 'a CIF of 10 digits');
}

export function assertAccountNumber(accountNumber: string, operation: string): void {
  if (typeof accountNumber !== 'string' || !ACCOUNT_NUMBER_PATTERN.test(accountNumber)) {
    throw new InvalidIdError('CORE_BANKING', operation, 'an account number of 12 digits');
  }
}

/** A bad argument other than an id (a limit, a cursor): the caller's error, never sent upstream. */
export class InvalidArgumentError extends UpstreamError {
  readonly code = 'BAD_USER_INPUT';
  readonly transient = false;
}

export function assertLimit(limit: number, operation: string): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRANSACTION_LIMIT) {
    throw new InvalidArgumentError('CORE_BANKING', operation, `limit must be an integer from 1 to ${MAX_TRANSACTION_LIMIT}`);
  }
}

export function assertCursor(cursor: string | undefined, operation: string): void {
  if (cursor !== undefined && !/^\d{1,12}$/.test(cursor)) {
    throw new InvalidArgumentError('CORE_BANKING', operation, 'cursor must be the nextCursor of a previous page');
  }
}
