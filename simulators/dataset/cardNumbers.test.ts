import { luhnCheckDigit, testPan } from './cardNumbers';

describe('card numbers (Luhn check digits worked out by hand)', () => {
  it.each([
    // The classic test numbers: their last digit is the check digit.
    ['411111111111111', '1'], // 4111 1111 1111 1111
    ['424242424242424', '2'], // 4242 4242 4242 4242
    ['555555555555444', '4'], // 5555 5555 5555 4444
    ['7992739871', '3'], // the textbook example 79927398713
    ['000000000000000', '0'],
  ])('the check digit of %s is %s', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it('builds a 16-digit PAN from BIN, account and serial', () => {
    // 400000 123456 789 + check digit: doubled from the right 9,7,5,3,1,0,0,4 -> 18,14,10,6,2,0,0,8
    // -> 9,5,1,6,2,0,0,8 = 31; undoubled 8,6,4,2,0,0,0 = 20; 51 -> check digit 9.
    expect(testPan('400000', '123456', '789')).toBe('4000001234567899');
  });

  it('refuses malformed parts', () => {
    expect(() => testPan('4000', '123456', '789')).toThrow(RangeError);
    expect(() => testPan('400000', '12345x', '789')).toThrow(RangeError);
    expect(() => luhnCheckDigit('')).toThrow(RangeError);
  });
});
