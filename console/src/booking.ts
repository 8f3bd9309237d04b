/**
 * Booking a callback with the customer's relationship manager: who may, the key that makes a
 * repeat book once, and what to tell the agent about the result. Pure, beside its test; the
 * screen is views/advisorCard.ts.
 */
import { FIELD_POLICY } from '../../gateway/auth/fieldPolicy';
import type { Appointment } from './views/customer360Types';
import type { Session } from './session';

/** The roles the gateway lets book (its access policy, the one list of who may call what). */
export const BOOKING_ROLES: readonly string[] = FIELD_POLICY.mutations.scheduleCallback ?? [];

/**
 * Whether to offer booking: a role the gateway accepts for `scheduleCallback`, or no token at
 * all (a development gateway with authentication off). The gateway decides either way.
 */
export function mayBook(session: Session): boolean {
  if (!session.token) return true;
  return session.claims?.roles.some((role) => BOOKING_ROLES.includes(role)) ?? false;
}

/**
 * A fresh idempotency key: 32 hex characters (the graph takes 8 to 128). Made once per
 * confirmation, so a double click or a retry of the same confirmation books once.
 * `getRandomValues` works on plain http too (randomUUID needs a secure context).
 */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface BookingPayload {
  appointment: Appointment | null;
  userErrors: Array<{ code: string; message: string }>;
}

export type BookingOutcome =
  | { kind: 'booked'; appointment: Appointment; message: string }
  | { kind: 'refused'; code: string; message: string; slotGone: boolean };

/** What the agent should read for each refusal (the graph's own message is kept for the rest). */
const REFUSALS: Record<string, { message: string; slotGone: boolean }> = {
  SLOT_TAKEN: { message: 'This slot was just booked by someone else. Pick another free slot.', slotGone: true },
  SLOT_NOT_OF_ADVISOR: { message: "This slot is not in the relationship manager's calendar (the customer may have a new advisor). Refresh and pick again.", slotGone: true },
  UNKNOWN_SLOT: { message: 'This slot no longer exists. Pick another free slot.', slotGone: true },
  NO_ADVISOR: { message: 'The customer has no relationship manager to book.', slotGone: false },
};

export function bookingOutcome(payload: BookingPayload, describe: (appointment: Appointment) => string): BookingOutcome {
  if (payload.appointment) return { kind: 'booked', appointment: payload.appointment, message: `Booked: ${describe(payload.appointment)}.` };
  const error = payload.userErrors[0] ?? { code: 'REJECTED', message: 'The call center refused the booking.' };
  const known = REFUSALS[error.code];
  return { kind: 'refused', code: error.code, message: known?.message ?? error.message, slotGone: known?.slotGone ?? false };
}
