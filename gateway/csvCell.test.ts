import { stringify } from 'csv-stringify/sync';
import { neutraliseCsvCell } from './csvCell';

describe('neutraliseCsvCell (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ['+1+cmd|\' /C calc\'!A0', '\'+1+cmd|\' /C calc\'!A0'],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['+44 7700 900123', "'+44 7700 900123"],
  ])('neutralises %j', (value, expected) => {
    expect(neutraliseCsvCell(value)).toBe(expected);
  });

  it.each([['ann@example.com'], ['Ann = Bob'], ['07700 900123'], [''], ["'already quoted"], ['ÉMILE']])('leaves %j alone', (value) => {
    expect(neutraliseCsvCell(value)).toBe(value);
  });

  it('leaves values that are not strings alone', () => {
    expect(neutraliseCsvCell(null)).toBeNull();
    expect(neutraliseCsvCell(12)).toBe(12);
  });

  it('still lets the CSV writer quote separators and quotes inside a neutralised cell', () => {
    const line = stringify([['=A1,"x"', 'ok'].map(neutraliseCsvCell)]);
    expect(line).toBe('"\'=A1,""x""",ok\n');
  });
});
