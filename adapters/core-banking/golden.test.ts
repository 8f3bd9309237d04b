import { codePageGolden, custrecGolden, goldenBytes, goldenLine } from '../../simulators/core-banking/golden/goldenFiles';
import { decodeRecord, encodeRecord } from './copybookCodec';
import { CUSTREC } from './coreBankingCopybooks';
import { toSourceParty } from './coreBankingMapping';
import { wireCustomerSchema } from './coreBankingWire';
import { decodeEbcdic, encodeEbcdic } from './ebcdicCodePage';

describe('the adapter against the hand-written core-banking goldens', () => {
  const { bytes: chart, samples } = codePageGolden();

  it('round-trips Ł through the codec: BARTŁOMIEJ is C2 C1 D9 E3 BA D6 D4 C9 C5 D1 in CCSID 870', () => {
    // Expected bytes from IBM's chart (Ł is X'BA'), not from the codec.
    const bytes = Buffer.from([0xc2, 0xc1, 0xd9, 0xe3, 0xba, 0xd6, 0xd4, 0xc9, 0xc5, 0xd1]);
    expect(decodeEbcdic(bytes)).toBe('BARTŁOMIEJ');
    expect(encodeEbcdic('BARTŁOMIEJ')).toEqual(bytes);
  });

  it.each(Object.entries(chart))('reads the chart\'s byte for %j (X\'%s\')', (char, hex) => {
    expect(decodeEbcdic(Buffer.from(hex, 'hex'))).toBe(char);
    expect(encodeEbcdic(char).toString('hex').toUpperCase()).toBe(hex);
  });

  it.each(samples)('reads $hex as $text', ({ text, hex }) => {
    expect(decodeEbcdic(Buffer.from(hex, 'hex'))).toBe(text);
  });

  it('reads the golden CUSTREC bytes as the golden canonical party', () => {
    const golden = custrecGolden();
    const line = goldenLine(golden.segments);
    const text = decodeEbcdic(goldenBytes(line, chart));
    expect(text).toBe(line);
    const wire = wireCustomerSchema.parse(decodeRecord(CUSTREC, text));
    expect(toSourceParty(wire)).toEqual(golden.canonical);
  });

  it('writes the golden line from its fields with its own encoder', () => {
    const golden = custrecGolden();
    const fields = decodeRecord(CUSTREC, goldenLine(golden.segments));
    expect(encodeRecord(CUSTREC, fields)).toBe(goldenLine(golden.segments));
  });
});
