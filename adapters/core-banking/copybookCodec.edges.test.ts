import { CopybookCodecError, decodeRecord, encodeRecord, isCalendarDate, type FieldValue } from './copybookCodec';
import { parseCopybook } from './copybookLayout';

// The codec's edges, each with the answer written by hand: the calendar, the refusals and their
// exact messages (an operator reads them in the extract's error report), the timestamp's limits.

const EDGE = parseCopybook(`
       01  EDGE-RECORD.
           05  EDGE-NAME        PIC X(6).
           05  EDGE-KEY         PIC 9(4).
           05  EDGE-AMOUNT      PIC S9(3)V99.
           05  EDGE-DATE        PIC 9(8).
           05  EDGE-TS          PIC 9(17).
`);

describe('isCalendarDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2100, 2, 29, false],
    [2400, 2, 29, true],
    [2023, 2, 28, true],
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 1, 31, true],
    [2026, 1, 32, false],
    [2026, 0, 1, false],
    [2026, 13, 1, false],
    [2026, 1, 0, false],
    [0, 1, 1, false],
    [1, 1, 1, true],
  ])('%i-%i-%i is a calendar date: %p', (year, month, day, expected) => {
    expect(isCalendarDate(year, month, day)).toBe(expected);
  });
});

describe('encoding refusals, with the message an operator reads', () => {
  it.each<[string, Record<string, FieldValue>, string]>([
    ['a number in a text field', { 'EDGE-NAME': 12 }, 'EDGE-RECORD.EDGE-NAME: expected text'],
    ['a control character', { 'EDGE-NAME': 'A\u0007B' }, 'EDGE-RECORD.EDGE-NAME: text outside the code page (CCSID 870)'],
    ['a C1 control', { 'EDGE-NAME': 'A\u0085B' }, 'EDGE-RECORD.EDGE-NAME: text outside the code page (CCSID 870)'],
    ['DEL', { 'EDGE-NAME': 'A\u007fB' }, 'EDGE-RECORD.EDGE-NAME: text outside the code page (CCSID 870)'],
    ['text too long', { 'EDGE-NAME': 'SEVENXX' }, 'EDGE-RECORD.EDGE-NAME: text longer than 6'],
    ['a negative key', { 'EDGE-KEY': -1 }, 'EDGE-RECORD.EDGE-KEY: expected a non-negative integer'],
    ['a fractional key', { 'EDGE-KEY': 1.5 }, 'EDGE-RECORD.EDGE-KEY: expected a non-negative integer'],
    ['letters in a key', { 'EDGE-KEY': '12A4' }, 'EDGE-RECORD.EDGE-KEY: expected digits'],
    ['a sign before the digits', { 'EDGE-KEY': '-123' }, 'EDGE-RECORD.EDGE-KEY: expected digits'],
    ['a letter after the digits', { 'EDGE-KEY': '123x' }, 'EDGE-RECORD.EDGE-KEY: expected digits'],
    ['too many digits', { 'EDGE-KEY': '12345' }, 'EDGE-RECORD.EDGE-KEY: more than 4 digits'],
    ['text as an amount', { 'EDGE-AMOUNT': '12' }, 'EDGE-RECORD.EDGE-AMOUNT: expected an integer amount of units'],
    ['a date that is not one', { 'EDGE-DATE': '2026-02-30' }, 'EDGE-RECORD.EDGE-DATE: expected a YYYY-MM-DD date'],
    ['a date with a time', { 'EDGE-DATE': '2026-02-03T10:00' }, 'EDGE-RECORD.EDGE-DATE: expected a YYYY-MM-DD date'],
    ['a date after text', { 'EDGE-DATE': 'x2026-02-03' }, 'EDGE-RECORD.EDGE-DATE: expected a YYYY-MM-DD date'],
    ['a date as a number', { 'EDGE-DATE': 20260203 }, 'EDGE-RECORD.EDGE-DATE: expected a YYYY-MM-DD date'],
    ['an instant without a time', { 'EDGE-TS': '2026-02-03' }, 'EDGE-RECORD.EDGE-TS: expected an ISO 8601 instant'],
    ['an instant that is not one', { 'EDGE-TS': '2026-02-03Tnoon' }, 'EDGE-RECORD.EDGE-TS: expected an ISO 8601 instant'],
    ['an instant past year 9999', { 'EDGE-TS': '+010000-01-01T00:00:00Z' }, 'EDGE-RECORD.EDGE-TS: expected an ISO 8601 instant'],
    ['an unknown field', { 'EDGE-NAMES': 'A' }, 'EDGE-RECORD.EDGE-NAMES: unknown field'],
  ])('refuses %s', (_case, record, message) => {
    const error = (() => {
      try {
        encodeRecord(EDGE, record);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a refusal');
    })();
    expect(error).toBeInstanceOf(CopybookCodecError);
    expect(error.name).toBe('CopybookCodecError');
    expect(error.message).toBe(message);
  });

  it('accepts a key given as a safe integer, and zero', () => {
    expect(encodeRecord(EDGE, { 'EDGE-KEY': 42 }).slice(6, 10)).toBe('0042');
    expect(encodeRecord(EDGE, { 'EDGE-KEY': 0 }).slice(6, 10)).toBe('0000');
  });
});

describe('decoding timestamps at their limits', () => {
  // Name, key, amount and date as any record has them; the last 17 characters are the timestamp.
  // Built inside each test, not while the file loads, so a broken encoder fails a test rather
  // than the whole file.
  const head = () => encodeRecord(EDGE, { 'EDGE-NAME': 'ANN', 'EDGE-KEY': '0001', 'EDGE-AMOUNT': 100, 'EDGE-DATE': '2026-02-03' }).slice(0, -17);
  const line = (ts: string) => head() + ts;

  it('reads the last instant of a day', () => {
    expect(decodeRecord(EDGE, line('20261231235959999'))['EDGE-TS']).toBe('2026-12-31T23:59:59.999Z');
  });

  it.each([
    ['hour 24', '20261231240000000'],
    ['minute 60', '20261231236000000'],
    ['second 60', '20261231235960000'],
    ['February 30', '20260230120000000'],
    ['month 13', '20261301120000000'],
  ])('refuses %s', (_case, ts) => {
    expect(() => decodeRecord(EDGE, line(ts))).toThrow('EDGE-RECORD.EDGE-TS: not a valid timestamp');
  });

  it('refuses letters where the timestamp is', () => {
    expect(() => decodeRecord(EDGE, line('2026123123595999X'))).toThrow('EDGE-RECORD.EDGE-TS: expected a YYYYMMDDHHMMSSmmm timestamp');
  });

  it('refuses letters where a key or a date is, naming the field', () => {
    const zeros = '0'.repeat(17);
    expect(() => decodeRecord(EDGE, `ANN   00A1${head().slice(10, 15)}20260203${zeros}`)).toThrow('EDGE-RECORD.EDGE-KEY: expected digits');
    expect(() => decodeRecord(EDGE, `ANN   0001${head().slice(10, 15)}2026020X${zeros}`)).toThrow('EDGE-RECORD.EDGE-DATE: expected a YYYYMMDD date');
  });
});
