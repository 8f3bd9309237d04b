import fc from 'fast-check';
import { decodeZoned, encodeZoned, MAX_ZONED_DIGITS, ZonedDecimalError } from './zonedDecimal';

describe('zoned decimal', () => {
  it('overpunches the sign in the last digit', () => {
    expect(encodeZoned(12345, 7, true)).toBe('001234E');
    expect(encodeZoned(-12345, 7, true)).toBe('001234N');
    expect(encodeZoned(0, 3, true)).toBe('00{');
    expect(encodeZoned(-10, 3, true)).toBe('01}');
    expect(encodeZoned(42, 4, false)).toBe('0042');
  });

  it('decodes overpunched, plain and negative-zero fields', () => {
    expect(decodeZoned('001234E', true)).toBe(12345);
    expect(decodeZoned('001234N', true)).toBe(-12345);
    expect(decodeZoned('0012345', true)).toBe(12345);
    expect(Object.is(decodeZoned('000}', true), 0)).toBe(true);
    expect(decodeZoned('0042', false)).toBe(42);
  });

  it('refuses what cannot be represented or read', () => {
    expect(() => encodeZoned(-1, 3, false)).toThrow(ZonedDecimalError);
    expect(() => encodeZoned(1000, 3, true)).toThrow(ZonedDecimalError);
    expect(() => encodeZoned(1.5, 3, true)).toThrow(ZonedDecimalError);
    expect(() => decodeZoned('00A', false)).toThrow(ZonedDecimalError);
    expect(() => decodeZoned('0 1{', true)).toThrow(ZonedDecimalError);
    expect(() => decodeZoned('00X', true)).toThrow(ZonedDecimalError);
    expect(() => decodeZoned('', true)).toThrow(ZonedDecimalError);
  });

  it('round-trips every value that fits the field', () => {
    const field = fc
      .integer({ min: 1, max: MAX_ZONED_DIGITS })
      .chain((digits) => fc.tuple(fc.constant(digits), fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) - 1n })));
    fc.assert(
      fc.property(field, fc.boolean(), ([digits, signed, magnitude], negative) => {
        const value = Number(magnitude) * (negative && signed ? -1 : 1);
        const text = encodeZoned(value, digits, signed);
        expect(text).toHaveLength(digits);
        expect(decodeZoned(text, signed)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
