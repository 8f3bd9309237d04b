import { parsePhoneNumberFromString as libraryParse } from 'libphonenumber-js';
import { possibleE164 } from './phoneNormalisation';

// Counts the library's parses (the package's main entry, the oracle below, goes through the same
// module: the count is reset after the oracle has answered).
const parses = { count: 0 };
jest.mock('libphonenumber-js/min', () => {
  const actual = jest.requireActual<typeof import('libphonenumber-js/min')>('libphonenumber-js/min');
  return {
    ...actual,
    parsePhoneNumberFromString: (...args: Parameters<typeof actual.parsePhoneNumberFromString>) => {
      parses.count += 1;
      return actual.parsePhoneNumberFromString(...args);
    },
  };
});

/** libphonenumber's own reading, the one possibleE164 must give. */
function libraryReading(text: string): string | null {
  const parsed = libraryParse(text, 'GB');
  return parsed?.isPossible() ? parsed.number : null;
}

/** The two usual UK shapes, with the separators people type: read without the library. */
const UK_SHAPES = [
  '07700 900123',
  '07700\u00a0900123',
  '07700/900123',
  '07700.900.123',
  '(07700) 900-123',
  '07700-900-123',
  '0 7 7 0 0 9 0 0 1 2 3',
  '  07700 900123 ',
  '01632 960001',
  '02079460018',
  '0800 123 4567',
  '+44 7700 900123',
  '+44-7700-900-123',
  '+44 20 7946 0018',
  '+44 7781 123456', // Guernsey shares +44: the library works the country out, the number is the same
  '07624 123456', // Isle of Man
  '0044 7700 900123',
  '0044-1632-960001',
];

/** Everything else goes to the library: other countries, trunk zeros after +44, words, extensions, junk. */
const OTHER_SHAPES = [
  '+44 (0) 1632 960001',
  '+44 0800 123456',
  '00 44 7700 900123',
  '07700 900123 ext 1',
  'tel 07700 900123',
  '+33 6 12 34 56 78',
  '0033 6 12 34 56 78',
  '+1 202 555 0143',
  '07700 9001234',
  '+4477009001234',
  '00123456789',
  '012',
  '+4412',
  '01ABCDEFGHI',
  'phone: none',
  '',
];

describe('possibleE164', () => {
  it.each(UK_SHAPES)('reads the UK shape %j as libphonenumber does, without parsing it', (text) => {
    const expected = libraryReading(text);
    parses.count = 0;
    expect(possibleE164(text)).toBe(expected);
    expect(expected).not.toBeNull();
    expect(parses.count).toBe(0);
  });

  it.each(OTHER_SHAPES)('reads %j as libphonenumber does', (text) => {
    expect(possibleE164(text)).toBe(libraryReading(text));
  });

  it('asks the library about shapes off the fast path (the count above is live)', () => {
    parses.count = 0;
    possibleE164('+33 6 12 34 56 78');
    expect(parses.count).toBe(1);
  });

  it('gives the answers written down by hand for a few of them', () => {
    expect(possibleE164('(07700) 900-123')).toBe('+447700900123');
    expect(possibleE164('0044-1632-960001')).toBe('+441632960001');
    expect(possibleE164('+44 (0) 1632 960001')).toBe('+441632960001');
    expect(possibleE164('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(possibleE164('012')).toBeNull();
    expect(possibleE164('phone: none')).toBeNull();
  });
});
