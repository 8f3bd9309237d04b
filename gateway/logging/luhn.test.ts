import fc from 'fast-check';
import { findLuhnValidCardNumbers, passesLuhn } from './luhn';

describe('passesLuhn', () => {
  it('accepts the published test card numbers', () => {
    for (const pan of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '4012888888881881', '79927398713']) {
      expect(passesLuhn(pan)).toBe(true);
    }
  });

  it('rejects a number with one digit changed, and anything that is not digits', () => {
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111 1111 1111 1111')).toBe(false);
  });

  it('catches every single-digit error (property)', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 });
    fc.assert(
      fc.property(digits, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        // Append the check digit that makes the number valid, then change one digit.
        const check = [...Array(10).keys()].find((d) => passesLuhn(`${body.join('')}${d}`))!;
        const valid = `${body.join('')}${check}`;
        const i = at % valid.length;
        const broken = `${valid.slice(0, i)}${(Number(valid[i]) + delta) % 10}${valid.slice(i + 1)}`;
        return passesLuhn(valid) && !passesLuhn(broken);
      }),
    );
  });
});

describe('findLuhnValidCardNumbers', () => {
  it('finds grouped and plain PANs in text, not masked ones or other digit runs', () => {
    const text = 'paid with 4111 1111 1111 1111 and 5555-5555-5555-4444; masked 454313******1351; cif 3141592653; 41111111111111111111111';
    expect(findLuhnValidCardNumbers(text)).toEqual(['4111111111111111', '5555555555554444']);
  });
});
