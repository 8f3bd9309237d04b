import { loadCopybook, readCopybook } from './copybookReader';

describe('the simulator\'s copybook reader', () => {
  it('reads offsets, widths and kinds (expected values counted by hand from CUSTREC.cpy)', () => {
    const cust = loadCopybook('CUSTREC');
    expect(cust.record).toBe('CUST-RECORD');
    expect(cust.length).toBe(351);
    const at = (name: string) => {
      const field = cust.fields.get(name)!;
      return [field.offset, field.length, field.kind, field.decimals];
    };
    expect(at('CUST-REC-TYPE')).toEqual([0, 2, 'text', 0]);
    expect(cust.fields.get('CUST-REC-TYPE')!.value).toBe('CU');
    expect(at('CUST-CIF')).toEqual([2, 10, 'unsigned', 0]);
    expect(at('CUST-STATUS')).toEqual([12, 1, 'text', 0]);
    expect(at('CUST-GIVEN-NAME')).toEqual([13, 30, 'text', 0]);
    expect(at('CUST-FAMILY-NAME')).toEqual([43, 30, 'text', 0]);
    expect(at('CUST-BIRTH-DATE')).toEqual([73, 8, 'unsigned', 0]);
    expect(at('CUST-EMAIL')).toEqual([243, 60, 'text', 0]);
    expect(at('CUST-INCOME')).toEqual([304, 13, 'zoned', 2]);
    expect(at('CUST-CHANGED-TS')).toEqual([317, 17, 'unsigned', 0]);
    expect(cust.fields.has('FILLER')).toBe(false);
  });

  it.each([
    ['ACCTREC', 63],
    ['TXNREC', 104],
    ['CHGREC', 61],
    ['TRLREC', 41],
    ['ERRREC', 74],
    ['CIFREQ', 10],
  ])('%s is %i bytes long (PROTOCOL.md)', (member, length) => {
    expect(loadCopybook(member).length).toBe(length);
  });

  it('refuses what it does not understand rather than guessing an offset', () => {
    expect(() => readCopybook('       01  R.\n           05  A  PIC S9(5) COMP-3.\n')).toThrow(/not understood/);
    expect(() => readCopybook('       01  R.\n           05  A  PIC 9(5)V99.\n')).toThrow(/picture/);
    expect(() => readCopybook('      * only a comment\n')).toThrow(/01 record/);
  });
});
