import { bookingOutcome, mayBook, newIdempotencyKey } from './booking';

const appointment = { id: 'APPT-1', slotId: 'ADV0001-2026-11-27T09:00', advisorId: 'ADV0001', start: '2026-11-27T09:00:00Z', end: '2026-11-27T09:30:00Z' };
const describeSlot = () => '27 Nov 09:00';
const claims = (roles: string[]) => ({ token: 't', claims: { subject: 's', roles, channel: undefined, expiresAt: undefined } });

describe('booking a callback', () => {
  it.each([
    [['call-center-agent'], true],
    [['relationship-manager'], true],
    [['teller', 'relationship-manager'], true],
    [['teller'], false],
    [['auditor'], false],
    [['data-steward'], false],
    [[], false],
  ])('offers booking to %j: %s', (roles, expected) => {
    expect(mayBook(claims(roles) as never)).toBe(expected);
  });

  it('offers booking without a token (the gateway has authentication off) and refuses a token without readable roles', () => {
    expect(mayBook({})).toBe(true);
    expect(mayBook({ token: 't' })).toBe(false);
  });

  it('makes a new 32-hex-character key each time, within the graph rule of 8 to 128 characters', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(newIdempotencyKey((bytes) => bytes.fill(255))).toBe('f'.repeat(32));
  });

  it('says what was booked', () => {
    expect(bookingOutcome({ appointment, userErrors: [] }, describeSlot)).toEqual({ kind: 'booked', appointment, message: 'Booked: 27 Nov 09:00.' });
  });

  it.each([
    ['SLOT_TAKEN', 'This slot was just booked by someone else. Pick another free slot.', true],
    ['SLOT_NOT_OF_ADVISOR', "This slot is not in the relationship manager's calendar (the customer may have a new advisor). Refresh and pick again.", true],
    ['UNKNOWN_SLOT', 'This slot no longer exists. Pick another free slot.', true],
    ['NO_ADVISOR', 'The customer has no relationship manager to book.', false],
  ])('explains %s plainly', (code, message, slotGone) => {
    expect(bookingOutcome({ appointment: null, userErrors: [{ code, message: 'graph message' }] }, describeSlot)).toEqual({ kind: 'refused', code, message, slotGone });
  });

  it("keeps the graph's message for other refusals, and never reads an empty refusal as a booking", () => {
    expect(bookingOutcome({ appointment: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', message: 'This key was already used for another booking.' }] }, describeSlot)).toEqual({
      kind: 'refused',
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'This key was already used for another booking.',
      slotGone: false,
    });
    expect(bookingOutcome({ appointment: null, userErrors: [] }, describeSlot)).toMatchObject({ kind: 'refused', code: 'REJECTED' });
  });
});
