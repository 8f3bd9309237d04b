import { InvalidIdError } from '../kit/errors';

/**
 * Key formats of the call center, checked before any call: a malformed id cannot exist upstream,
 * so asking would only spend a round trip (and let junk reach a legacy system).
 */
export const CONTACT_ID = /^C\d{9}$/;
export const ADVISOR_ID = /^A\d{4}$/;
/** `<advisorId>-<yyyyMMdd>T<HHmm>` of the slot's start (UTC), as the dataset writes it: `A1000-20261102T0930`. */
export const SLOT_ID = /^A\d{4}-\d{8}T\d{4}$/;
/** Phone numbers as agents type them: digits, spaces, `+ - ( ) .`; at least 6 digits. */
const PHONE_TEXT = /^[+\d\s().-]{6,32}$/;
/** Idempotency keys are client-chosen tokens (UUIDs and the like). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;
/** The change-feed cursor is opaque, but never long or exotic. */
const CURSOR = /^[A-Za-z0-9_-]{0,64}$/;

const SYSTEM = 'CALL_CENTER';

export function assertContactIds(operation: string, ids: readonly string[]): void {
  for (const id of ids) if (!CONTACT_ID.test(id)) throw new InvalidIdError(SYSTEM, operation, 'a contact id (C + 9 digits)');
}

export function assertAdvisorId(operation: string, id: string): void {
  if (!ADVISOR_ID.test(id)) throw new InvalidIdError(SYSTEM, operation, 'an advisor id (A + 4 digits)');
}

export function assertSlotId(operation: string, id: string): void {
  if (!SLOT_ID.test(id)) throw new InvalidIdError(SYSTEM, operation, 'a slot id (advisor id, -, YYYYMMDDThhmm)');
}

export function assertPhone(operation: string, phone: string): void {
  if (!PHONE_TEXT.test(phone) || phone.replace(/\D/g, '').length < 6) throw new InvalidIdError(SYSTEM, operation, 'a phone number');
}

export function assertIdempotencyKey(operation: string, key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) throw new InvalidIdError(SYSTEM, operation, 'an idempotency key (1-128 of A-Z a-z 0-9 . _ : -)');
}

export function assertCursor(operation: string, cursor: string): void {
  if (!CURSOR.test(cursor)) throw new InvalidIdError(SYSTEM, operation, 'a change-feed cursor');
}
