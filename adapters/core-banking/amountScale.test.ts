import fc from 'fast-check';
import { AmountScaleError, fieldUnitsToMinor, minorToFieldUnits } from './amountScale';

describe('amount scale', () => {
  it('keeps two-decimal currencies as they are and widens zero-decimal ones', () => {
    expect(minorToFieldUnits(-1234, 'GBP', 2)).toBe(-1234);
    expect(minorToFieldUnits(1234, 'JPY', 2)).toBe(123400);
    expect(fieldUnitsToMinor(123400, 'JPY', 2)).toBe(1234);
  });

  it('refuses amounts the field or the currency cannot hold', () => {
    expect(() => minorToFieldUnits(1, 'KWD', 2)).toThrow(AmountScaleError);
    expect(() => fieldUnitsToMinor(150, 'JPY', 2)).toThrow(AmountScaleError);
  });

  it('round-trips every minor amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('GBP', 'EUR', 'JPY'), (minor, currency) => {
        expect(fieldUnitsToMinor(minorToFieldUnits(minor, currency, 2), currency, 2)).toBe(minor === 0 ? 0 : minor);
      }),
    );
  });
});
