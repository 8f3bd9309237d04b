import { InvalidIdError } from '../kit/errors';
import { assertAdvisorId, assertContactIds, assertCursor, assertIdempotencyKey, assertPhone, assertSlotId } from './callCenterIds';

describe('call-center id checks', () => {
  it('accepts well-formed keys', () => {
    expect(() => assertContactIds('op', ['C000000001', 'C123456789'])).not.toThrow();
    expect(() => assertAdvisorId('op', 'A1000')).not.toThrow();
    expect(() => assertSlotId('op', 'A1000-20261102T0930')).not.toThrow();
    expect(() => assertPhone('op', '+44 7700 900123')).not.toThrow();
    expect(() => assertPhone('op', '(07700) 900-123')).not.toThrow();
    expect(() => assertIdempotencyKey('op', '3f2b8c1e-0d4a-4f51-9e0b-2c1d5a7e9f00')).not.toThrow();
    expect(() => assertCursor('op', '')).not.toThrow();
  });

  it.each([
    () => assertContactIds('op', ['C000000001', 'C12345678']),
    () => assertContactIds('op', ['c000000001']),
    () => assertAdvisorId('op', 'A123'),
    () => assertSlotId('op', 'A1000-2026'),
    () => assertSlotId('op', '<slot/>'),
    () => assertPhone('op', 'call me'),
    () => assertPhone('op', '123'),
    () => assertIdempotencyKey('op', ''),
    () => assertIdempotencyKey('op', 'has space'),
    () => assertCursor('op', '../../etc'),
  ])('refuses malformed input with an InvalidIdError (%#)', (check) => {
    expect(check).toThrow(InvalidIdError);
  });

  it('does not echo the refused value', () => {
    expect(() => assertPhone('findByPhone', 'Ada Lovelace')).toThrow(/^CALL_CENTER findByPhone: invalid id: expected a phone number$/);
  });
});
