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

describe('money by currency precision (ISO 4217, by hand)', () => {
  it.each<[number, string, string]>([
    [12345, 'JPY', '12345'],
    [-12345, 'JPY', '-12345'],
    [12345, 'BHD', '12.345'],
    [12345, 'KWD', '12.345'],
    [-5, 'GBP', '-0.05'],
    [100, 'EUR', '1.00'],
    [0, 'KWD', '0.000'],
  ])('%i minor units of %s is %s', (amountMinor, currency, text) => {
    expect(toDecimalString({ amountMinor, currency })).toBe(text);
    expect(fromDecimalString(text, currency)).toEqual({ amountMinor, currency });
  });

  it('pads missing fraction digits, reads whole amounts, trims spaces', () => {
    expect(fromDecimalString('7', 'GBP')).toEqual({ amountMinor: 700, currency: 'GBP' });
    expect(fromDecimalString(' 1.5 ', 'KWD')).toEqual({ amountMinor: 1500, currency: 'KWD' });
    expect(fromDecimalString('-0', 'JPY').amountMinor).toBe(0);
    expect(Object.is(fromDecimalString('-0.00', 'GBP').amountMinor, 0)).toBe(true);
  });

  it('refuses what is not an amount, saying why', () => {
    expect(() => fromDecimalString('1.5', 'JPY')).toThrow(new RangeError('more than 0 fraction digits'));
    expect(() => fromDecimalString('1.2345', 'KWD')).toThrow(new RangeError('more than 3 fraction digits'));
    expect(() => fromDecimalString('1.', 'GBP')).toThrow(new RangeError('not a decimal amount'));
    expect(() => fromDecimalString('.5', 'GBP')).toThrow(new RangeError('not a decimal amount'));
    expect(() => fromDecimalString('+1', 'GBP')).toThrow(new RangeError('not a decimal amount'));
    expect(() => fromDecimalString('1 000', 'GBP')).toThrow(new RangeError('not a decimal amount'));
    expect(() => fromDecimalString('x1', 'GBP')).toThrow(new RangeError('not a decimal amount'));
    expect(() => fromDecimalString('1x', 'GBP')).toThrow(new RangeError('not a decimal amount'));
    expect(() => fromDecimalString('99999999999999999', 'GBP')).toThrow(new RangeError('amount out of range'));
  });
});
