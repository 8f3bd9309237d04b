import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { normalisePhone, normalisePhones } from './phoneNormalisation';

describe('normalisePhone', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['+447700900123', '+447700900123'],
    ['(07700) 900-123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['020 7946 0018', '+442079460018'],
    ['+1 (202) 555-0143', '+12025550143'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('%s -> %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it('rejects what cannot be a phone number', () => {
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone(null)).toBeNull();
    expect(normalisePhone('n/a')).toBeNull();
    expect(normalisePhone('123')).toBeNull();
  });

  it('fast path agrees with libphonenumber-js on UK shapes', () => {
    for (const raw of ['07700 900123', '+44 7911 123456', '0044 20 7946 0018', '01632 960001']) {
      expect(normalisePhone(raw)).toBe(parsePhoneNumberFromString(raw.replace(/^00/, '+'), 'GB')?.number);
    }
  });

  it('de-duplicates a list in its first-seen order', () => {
    expect(normalisePhones(['07700 900123', null, '+447700900123', 'x', '020 7946 0018'])).toEqual(['+447700900123', '+442079460018']);
  });
});
