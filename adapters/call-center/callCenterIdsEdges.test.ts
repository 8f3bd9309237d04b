import { assertAdvisorId, assertContactIds, assertCursor, assertIdempotencyKey, assertPhone, assertSlotId } from './callCenterIds';

// Where each key format begins and ends, written by hand from the call center's protocol
// (simulators/call-center/PROTOCOL.md): [input, accepted].
const accepts = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

describe('call-center key formats at their edges', () => {
  it.each<[string, boolean]>([
    ['C000000001', true],
    ['xC000000001', false],
    ['C0000000012', false],
    ['C00000000a', false],
    ['C000000001\n', false],
  ])('contact id %j: %s', (id, ok) => {
    expect(accepts(() => assertContactIds('op', [id]))).toBe(ok);
  });

  it('checks every contact id of a batch, and accepts an empty one', () => {
    expect(accepts(() => assertContactIds('op', []))).toBe(true);
    expect(accepts(() => assertContactIds('op', ['C000000001', 'C000000002']))).toBe(true);
    expect(accepts(() => assertContactIds('op', ['C000000001', 'bad']))).toBe(false);
  });

  it.each<[string, boolean]>([
    ['A1000', true],
    ['xA1000', false],
    ['A10000', false],
    ['B1000', false],
  ])('advisor id %j: %s', (id, ok) => {
    expect(accepts(() => assertAdvisorId('op', id))).toBe(ok);
  });

  it.each<[string, boolean]>([
    ['A1000-20261102T0930', true],
    ['xA1000-20261102T0930', false],
    ['A1000-20261102T09300', false],
    ['A1000-2026110T0930', false],
    ['A100-20261102T0930', false],
    ['A1000_20261102T0930', false],
  ])('slot id %j: %s', (id, ok) => {
    expect(accepts(() => assertSlotId('op', id))).toBe(ok);
  });

  it.each<[string, boolean]>([
    ['077009', true],
    ['07700 900123', true],
    ['+44 (0) 7700.900-123', true],
    ['07700', false],
    ['(((((( ', false],
    ['+44 12', false],
    ['1'.repeat(32), true],
    ['1'.repeat(33), false],
    ['x07700900123', false],
    ['07700900123x', false],
  ])('phone %j: %s', (phone, ok) => {
    expect(accepts(() => assertPhone('op', phone))).toBe(ok);
  });

  it.each<[string, boolean]>([
    ['a', true],
    ['k'.repeat(128), true],
    ['k'.repeat(129), false],
    ['key:1.2_3-4', true],
    ['key/1', false],
    [' key', false],
    ['key ', false],
  ])('idempotency key %j: %s', (key, ok) => {
    expect(accepts(() => assertIdempotencyKey('op', key))).toBe(ok);
  });

  it.each<[string, boolean]>([
    ['', true],
    ['c'.repeat(64), true],
    ['c'.repeat(65), false],
    ['abc_DEF-123', true],
    ['abc.def', false],
    ['/abc', false],
    ['abc/', false],
  ])('cursor %j: %s', (cursor, ok) => {
    expect(accepts(() => assertCursor('op', cursor))).toBe(ok);
  });

  it('says which kind of key was expected, never the value', () => {
    const message = (check: () => void) => {
      try {
        check();
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message(() => assertContactIds('getContacts', ['Jane']))).toBe('CALL_CENTER getContacts: invalid id: expected a contact id (C + 9 digits)');
    expect(message(() => assertAdvisorId('getAdvisor', 'Jane'))).toBe('CALL_CENTER getAdvisor: invalid id: expected an advisor id (A + 4 digits)');
    expect(message(() => assertSlotId('book', 'Jane'))).toBe('CALL_CENTER book: invalid id: expected a slot id (advisor id, -, YYYYMMDDThhmm)');
    expect(message(() => assertIdempotencyKey('book', 'Jane Doe'))).toBe('CALL_CENTER book: invalid id: expected an idempotency key (1-128 of A-Z a-z 0-9 . _ : -)');
    expect(message(() => assertCursor('changes', 'Jane Doe'))).toBe('CALL_CENTER changes: invalid id: expected a change-feed cursor');
  });
});
