import { InvalidIdError, UpstreamError } from '../kit';

/**
 * Input checks made before any upstream call: an id or cursor that cannot be valid never
 * costs the card processor a request (nor counts against its rate limit).
 */
export const CARDHOLDER_ID = /^CH\d{8}$/;
export const CARD_ID = /^CRD\d{9}$/;
/** Cursors are opaque tokens from a previous page: base64url text of bounded length. */
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

export const MAX_PAGE_SIZE = 100;

/** A page argument (size or cursor) refused locally; `BAD_USER_INPUT` like an invalid id. */
export class InvalidArgumentError extends UpstreamError {
  readonly code = 'BAD_USER_INPUT';
  readonly transient = false;
  constructor(operation: string, expected: string) {
    super('CARDS', operation, `invalid argument: expected ${expected}`);
  }
}

export function isCardholderId(id: string): boolean {
  return CARDHOLDER_ID.test(id);
}

export function assertCardholderIds(ids: readonly string[], operation: string): void {
  for (const id of ids) {
    if (!isCardholderId(id)) throw new InvalidIdError('CARDS', operation, 'CH followed by 8 digits');
  }
}

export function assertCardId(id: string, operation: string): void {
  if (!CARD_ID.test(id)) throw new InvalidIdError('CARDS', operation, 'CRD followed by 9 digits');
}

export function assertCursor(cursor: string, operation: string): void {
  if (!CURSOR.test(cursor)) throw new InvalidArgumentError(operation, 'a cursor returned by a previous page');
}

export function assertPageSize(first: number, operation: string): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError(operation, `a page size from 1 to ${MAX_PAGE_SIZE}`);
  }
}
