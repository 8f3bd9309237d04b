import fc from 'fast-check';
import { CopybookCodecError, decodeRecord, encodeRecord, type FieldValue } from './copybookCodec';
import type { CopybookField, CopybookLayout } from './copybookLayout';
import { parseCopybook } from './copybookLayout';
import { ACCTREC, CHGREC, CUSTREC, ERRREC, TRLREC, TXNREC } from './coreBankingCopybooks';

const DEMO = parseCopybook(`
       01  DEMO-RECORD.
           05  DEMO-TYPE        PIC X(2) VALUE 'DM'.
           05  DEMO-KEY         PIC 9(6).
           05  DEMO-NAME        PIC X(10).
           05  DEMO-AMOUNT      PIC S9(5)V99.
           05  DEMO-OPEN-DATE   PIC 9(8).
           05  DEMO-CHANGED-TS  PIC 9(17).
           05  FILLER           PIC X(3).
`);

describe('copybook codec', () => {
  it('encodes and decodes a record, negative amounts and empty dates included', () => {
    const record = {
      'DEMO-KEY': '000042',
      'DEMO-NAME': 'SMITH',
      'DEMO-AMOUNT': -12345,
      'DEMO-OPEN-DATE': null,
      'DEMO-CHANGED-TS': '2026-11-27T08:00:00.123Z',
    };
    const line = encodeRecord(DEMO, record);
    expect(line).toBe('DM000042SMITH     001234N0000000020261127080000123   ');
    expect(decodeRecord(DEMO, line)).toEqual({ 'DEMO-TYPE': 'DM', ...record });
  });

  it('initialises omitted fields like COBOL INITIALIZE', () => {
    const line = encodeRecord(DEMO, {});
    expect(decodeRecord(DEMO, line)).toEqual({
      'DEMO-TYPE': 'DM',
      'DEMO-KEY': '000000',
      'DEMO-NAME': '',
      'DEMO-AMOUNT': 0,
      'DEMO-OPEN-DATE': null,
      'DEMO-CHANGED-TS': null,
    });
  });

  it('cuts long text only when asked, and never cuts keys or amounts', () => {
    expect(() => encodeRecord(DEMO, { 'DEMO-NAME': 'A VERY LONG NAME' })).toThrow(CopybookCodecError);
    expect(decodeRecord(DEMO, encodeRecord(DEMO, { 'DEMO-NAME': 'A VERY LONG NAME' }, { truncateText: true }))['DEMO-NAME']).toBe('A VERY LON');
    expect(() => encodeRecord(DEMO, { 'DEMO-KEY': '1234567' }, { truncateText: true })).toThrow(CopybookCodecError);
    expect(() => encodeRecord(DEMO, { 'DEMO-AMOUNT': 100_000_00 }, { truncateText: true })).toThrow(CopybookCodecError);
  });

  it('refuses unknown fields, wrong types and invalid dates', () => {
    expect(() => encodeRecord(DEMO, { 'DEMO-NAM': 'X' })).toThrow(CopybookCodecError);
    expect(() => encodeRecord(DEMO, { 'DEMO-AMOUNT': '12' })).toThrow(CopybookCodecError);
    expect(() => encodeRecord(DEMO, { 'DEMO-OPEN-DATE': '2026-02-30' })).toThrow(CopybookCodecError);
    expect(() => encodeRecord(DEMO, { 'DEMO-CHANGED-TS': 'yesterday' })).toThrow(CopybookCodecError);
    // Text must be in the host code page (CCSID 870): Ñ and 李 are not, a control character never is.
    expect(() => encodeRecord(DEMO, { 'DEMO-NAME': 'NÚÑEZ' })).toThrow(CopybookCodecError);
    expect(() => encodeRecord(DEMO, { 'DEMO-NAME': '李' })).toThrow(CopybookCodecError);
    expect(() => encodeRecord(DEMO, { 'DEMO-NAME': 'A\u0085B' })).toThrow(CopybookCodecError);
    expect(encodeRecord(DEMO, { 'DEMO-NAME': 'ŁUKASZ' })).toContain('ŁUKASZ');
  });

  it('reads eight digits that are no calendar date as the host holds them (the record schema decides)', () => {
    const line = encodeRecord(DEMO, { 'DEMO-KEY': '000042' });
    for (const [held, read] of [
      ['20261340', '2026-13-40'],
      ['20061304', '2006-13-04'],
      ['20260230', '2026-02-30'],
    ]) {
      expect(decodeRecord(DEMO, line.slice(0, 25) + held + line.slice(33))['DEMO-OPEN-DATE']).toBe(read);
    }
  });

  it('refuses a cut or corrupted line, naming the field but not the value', () => {
    const line = encodeRecord(DEMO, { 'DEMO-KEY': '000042', 'DEMO-NAME': 'SMITH' });
    expect(() => decodeRecord(DEMO, line.slice(0, 20))).toThrow(/DEMO-RECORD: expected 53 characters, got 20/);
    const badDate = line.slice(0, 25) + '2026AB40' + line.slice(33);
    expect(() => decodeRecord(DEMO, badDate)).toThrow(/DEMO-OPEN-DATE/);
    const badKey = 'DM00A042' + line.slice(8);
    try {
      decodeRecord(DEMO, badKey);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(CopybookCodecError);
      expect((error as Error).message).not.toContain('SMITH');
    }
  });
});

// ------------------------------------------------------------------ properties

const PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i));
const DIGITS = '0123456789'.split('');
const MIN_DATE = new Date('0001-01-01T00:00:00.000Z');
const MAX_DATE = new Date('9999-12-31T23:59:59.999Z');

function arbitraryValue(field: CopybookField): fc.Arbitrary<FieldValue> {
  switch (field.kind) {
    case 'text':
      // Trailing spaces are padding on the wire, so a value "in range" has none.
      return fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength: field.length }).map((s) => s.trimEnd());
    case 'digits':
      return fc.string({ unit: fc.constantFrom(...DIGITS), minLength: field.length, maxLength: field.length });
    case 'zoned': {
      const max = 10 ** field.length - 1;
      return fc.integer({ min: field.signed ? -max : 0, max });
    }
    case 'date':
      return fc.option(fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    case 'timestamp':
      return fc.option(fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true }).map((d) => d.toISOString()));
    case 'filler':
      return fc.constant(null);
  }
}

function arbitraryRecord(layout: CopybookLayout): fc.Arbitrary<Record<string, FieldValue>> {
  const shape: Record<string, fc.Arbitrary<FieldValue>> = {};
  for (const field of layout.fields) if (field.kind !== 'filler') shape[field.name] = arbitraryValue(field);
  return fc.record(shape);
}

describe('copybook codec properties', () => {
  it.each([
    ['DEMO', DEMO],
    ['CUSTREC', CUSTREC],
    ['ACCTREC', ACCTREC],
    ['TXNREC', TXNREC],
    ['CHGREC', CHGREC],
    ['TRLREC', TRLREC],
    ['ERRREC', ERRREC],
  ])('%s: decode(encode(r)) = r for every record in range, at the layout length', (_name, layout) => {
    fc.assert(
      fc.property(arbitraryRecord(layout), (record) => {
        const line = encodeRecord(layout, record);
        expect(line).toHaveLength(layout.length);
        const decoded = decodeRecord(layout, line);
        for (const [name, value] of Object.entries(record)) {
          expect(decoded[name]).toEqual(typeof value === 'number' && value === 0 ? 0 : value);
        }
      }),
      { numRuns: 200 },
    );
  });
});
