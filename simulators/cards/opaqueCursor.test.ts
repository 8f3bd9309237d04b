import { decodeCursor, encodeCursor, offsetPart } from './opaqueCursor';

describe('opaqueCursor', () => {
  it('round-trips its parts', () => {
    const cursor = encodeCursor('txn', ['card_1', 25]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('txn', cursor, 2)).toEqual(['card_1', '25']);
  });

  it('refuses a cursor of another kind, arity or alphabet', () => {
    const cursor = encodeCursor('txn', ['card_1', 25]);
    expect(decodeCursor('extract', cursor, 2)).toBeNull();
    expect(decodeCursor('txn', cursor, 3)).toBeNull();
    expect(decodeCursor('txn', 'not a cursor!', 2)).toBeNull();
    expect(decodeCursor('txn', '', 2)).toBeNull();
    expect(decodeCursor('txn', 'x'.repeat(500), 2)).toBeNull();
  });

  it('reads offsets strictly', () => {
    expect(offsetPart('0')).toBe(0);
    expect(offsetPart('42')).toBe(42);
    expect(offsetPart('-1')).toBeNull();
    expect(offsetPart('1e3')).toBeNull();
    expect(offsetPart('')).toBeNull();
  });
});
