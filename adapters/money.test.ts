import fc from 'fast-check';
import { fromDecimalString, toDecimalString } from './money';

describe('money', () => {
  it('formats minor units exactly', () => {
    expect(toDecimalString({ amountMinor: -12345, currency: 'GBP' })).toBe('-123.45');
    expect(toDecimalString({ amountMinor: 5, currency: 'GBP' })).toBe('0.05');
    expect(toDecimalString({ amountMinor: 0, currency: 'GBP' })).toBe('0.00');
    expect(toDecimalString({ amountMinor: 1200, currency: 'JPY' })).toBe('1200');
    expect(toDecimalString({ amountMinor: -1, currency: 'KWD' })).toBe('-0.001');
  });

  it('parses decimal strings and refuses what is not one', () => {
    expect(fromDecimalString('123.4', 'GBP')).toEqual({ amountMinor: 12340, currency: 'GBP' });
    expect(fromDecimalString('-0.00', 'GBP')).toEqual({ amountMinor: 0, currency: 'GBP' });
    expect(() => fromDecimalString('1.234', 'GBP')).toThrow(RangeError);
    expect(() => fromDecimalString('1e5', 'GBP')).toThrow(RangeError);
    expect(() => fromDecimalString('', 'GBP')).toThrow(RangeError);
  });

  it('round-trips every safe integer amount in every currency precision', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'), (amountMinor, currency) => {
        const money = { amountMinor, currency };
        expect(fromDecimalString(toDecimalString(money), currency)).toEqual(money);
      }),
    );
  });
});
