import type { CoreBankingCustomerRecord } from '../dataset/records';
import { fromEbcdic, toEbcdic } from './ccsid870';
import { codePageGolden, custrecGolden, goldenBytes, goldenLine } from './golden/goldenFiles';
import { customerLine } from './recordLines';

describe('the simulator against the hand-written core-banking goldens', () => {
  const { bytes: chart, samples } = codePageGolden();

  it.each(Object.entries(chart))('writes %j as the chart\'s byte X\'%s\'', (char, hex) => {
    expect(toEbcdic(char).toString('hex').toUpperCase()).toBe(hex);
    expect(fromEbcdic(Buffer.from(hex, 'hex'))).toBe(char);
  });

  it.each(samples)('writes $text as $hex', ({ text, hex }) => {
    expect(toEbcdic(text).toString('hex').toUpperCase()).toBe(hex);
  });

  it('formats the golden customer as the golden CUSTREC line, byte for byte', () => {
    const golden = custrecGolden();
    const line = goldenLine(golden.segments);
    expect(line).toHaveLength(351);
    expect(customerLine(golden.record as unknown as CoreBankingCustomerRecord)).toBe(line);
    expect(toEbcdic(line)).toEqual(goldenBytes(line, chart));
  });
});
