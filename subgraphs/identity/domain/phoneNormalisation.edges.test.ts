import { normalisePhone, normalisePhones } from './phoneNormalisation';

describe('normalisePhone at its edges', () => {
  it.each([
    ['01632 960001', '+441632960001'],
    ['0044-1632-960001', '+441632960001'],
    ['+44 (0) 1632 960001', '+441632960001'],
    ['07700\u00a0900123', '+447700900123'],
    ['07700/900123', '+447700900123'],
    ['07700.900.123', '+447700900123'],
  ])('%s -> %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it('reads an international 00 prefix whatever the default country dials abroad with', () => {
    // In the United States the international prefix is 011: 00 is read here, not by the library.
    expect(normalisePhone('0033 6 12 34 56 78', 'US')).toBe('+33612345678');
    expect(normalisePhone('0033 6 12 34 56 78')).toBe('+33612345678');
  });

  it('takes the UK shapes as UK numbers only when the default country is the UK', () => {
    // With the United States as default, 07700 900123 is no possible US number.
    expect(normalisePhone('07700 900123', 'US')).toBeNull();
    expect(normalisePhone('(202) 555-0143', 'US')).toBe('+12025550143');
  });

  it('drops the trunk 0 written after the country code', () => {
    // Nine digits after the 0: not one of the two UK shapes, so the library reads it.
    expect(normalisePhone('+44 0770 090012')).toBe('+44770090012');
    expect(normalisePhone('0044 0 770 090 012')).toBe('+44770090012');
  });

  it.each([
    ['07700 9001234', 'a UK mobile with a digit too many'],
    ['+4477009001234', 'an international UK mobile with a digit too many'],
    ['00447700900123 4', 'a 0044 UK mobile with a digit too many'],
    ['1+447700900123', 'a digit before the plus'],
    ['9 0044 7700 900123', 'a digit before 0044'],
    ['00123456789', 'a national number with two leading zeros, eleven digits'],
    ['012', 'three digits'],
    ['+4412', 'a country code and two digits'],
    ['004412', '0044 and two digits'],
    ['01ABCDEFGHI', 'letters after 01'],
    ['+441ABCDEFGHI', 'letters after +441'],
    ['00441ABCDEFGHI', 'letters after 00441'],
    ['00 7700 900123', 'a national number with two leading zeros'],
    ['+44 1234', 'too short to be a number'],
    ['12345', 'five digits'],
    ['phone: none', 'no digits'],
  ])('refuses %s (%s)', (raw, _why) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('drops repeats written in another shape, keeping the first-seen order', () => {
    expect(normalisePhones(['020 7946 0018', '07700 900123', '+44 20 7946 0018', '0044 7700 900123'])).toEqual(['+442079460018', '+447700900123']);
    expect(normalisePhones(['0033 6 12 34 56 78'], 'US')).toEqual(['+33612345678']);
  });
});
