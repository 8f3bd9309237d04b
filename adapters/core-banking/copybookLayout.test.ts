import { CopybookSyntaxError, parseCopybook } from './copybookLayout';
import { ACCTREC, CUSTREC, TRLREC } from './coreBankingCopybooks';

describe('copybook layout', () => {
  it('reads offsets, lengths, kinds and scales from a copybook', () => {
    const layout = parseCopybook(`
      * A COMMENT LINE
       01  DEMO-RECORD.
           05  DEMO-TYPE        PIC X(2) VALUE 'DM'.
           05  DEMO-GROUP.
               10  DEMO-KEY     PIC 9(6).
               10  DEMO-NAME    PIC X(10).   *> inline comment
                   88  DEMO-BLANK VALUE SPACES.
           05  DEMO-AMOUNT      PIC S9(5)V99.
           05  DEMO-RATE        PIC 9(2)V9(3).
           05  DEMO-OPEN-DATE   PIC 9(8).
           05  DEMO-CHANGED-TS  PIC 9(17).
           05  FILLER           PIC XXX.
    `);
    expect(layout.name).toBe('DEMO-RECORD');
    expect(layout.length).toBe(2 + 6 + 10 + 7 + 5 + 8 + 17 + 3);
    expect(layout.fields.map((f) => [f.name, f.offset, f.length, f.kind, f.signed, f.scale])).toEqual([
      ['DEMO-TYPE', 0, 2, 'text', false, 0],
      ['DEMO-KEY', 2, 6, 'digits', false, 0],
      ['DEMO-NAME', 8, 10, 'text', false, 0],
      ['DEMO-AMOUNT', 18, 7, 'zoned', true, 2],
      ['DEMO-RATE', 25, 5, 'zoned', false, 3],
      ['DEMO-OPEN-DATE', 30, 8, 'date', false, 0],
      ['DEMO-CHANGED-TS', 38, 17, 'timestamp', false, 0],
      ['FILLER', 55, 3, 'filler', false, 0],
    ]);
    expect(layout.fields[0].value).toBe('DM');
  });

  it('refuses what it does not understand instead of guessing', () => {
    const wrap = (item: string) => `01 R.\n 05 ${item}.`;
    expect(() => parseCopybook(wrap('A PIC S9(5) COMP-3'))).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook(wrap('A PIC X(2) OCCURS 3 TIMES'))).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook(wrap('A PIC Z(5)9'))).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook(wrap('A PIC S9(16)'))).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook('01 R.\n 05 A PIC X(2)')).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook('05 A PIC X(2).')).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook('01 R.\n 05 A PIC X.\n 05 A PIC X.')).toThrow(CopybookSyntaxError);
    expect(() => parseCopybook('')).toThrow(CopybookSyntaxError);
  });

  it('parses the committed copybooks to their documented record lengths', () => {
    expect(CUSTREC.length).toBe(351);
    expect(ACCTREC.length).toBe(63);
    expect(TRLREC.length).toBe(41);
  });
});
