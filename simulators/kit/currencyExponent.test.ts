import { currencyExponent, minorToDecimal } from './currencyExponent';

describe('the simulators\' own minor-unit formatting (ISO 4217 exponents)', () => {
  it.each([
    [12345, 'GBP', '123.45'],
    [-12345, 'GBP', '-123.45'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'GBP', '0.00'],
    [1234, 'JPY', '1234'],
    [-1234, 'JPY', '-1234'],
    [1234, 'KWD', '1.234'],
    [7, 'BHD', '0.007'],
  ])('%i %s is %s', (minor, currency, expected) => {
    expect(minorToDecimal(minor, currency)).toBe(expected);
  });

  it('knows the exponents that differ from two', () => {
    expect([currencyExponent('JPY'), currencyExponent('KWD'), currencyExponent('GBP'), currencyExponent('XYZ')]).toEqual([0, 3, 2, 2]);
  });

  it('refuses a fractional or unsafe amount', () => {
    expect(() => minorToDecimal(1.5, 'GBP')).toThrow(RangeError);
    expect(() => minorToDecimal(2 ** 60, 'GBP')).toThrow(RangeError);
  });
});
