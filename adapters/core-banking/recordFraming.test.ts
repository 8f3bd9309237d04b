import { encodeRecord } from './copybookCodec';
import { CHGREC } from './coreBankingCopybooks';
import { frameResponse, readResponse, RecordFramingError, trailerLine } from './recordFraming';

const change = (seq: number) => encodeRecord(CHGREC, { 'CHG-SEQ': seq, 'CHG-ENTITY': 'PARTY', 'CHG-LOCAL-ID': '0000000001', 'CHG-CHANGED-TS': '2026-11-27T08:00:00.000Z' });

describe('record framing', () => {
  it('frames records with a counting trailer and reads them back', () => {
    const body = frameResponse([change(1), change(2)], '2');
    const { records, trailer } = readResponse(body);
    expect(records.map((r) => [r.type, r.fields['CHG-SEQ']])).toEqual([
      ['CH', '000000000001'],
      ['CH', '000000000002'],
    ]);
    expect(trailer).toMatchObject({ recordCount: 2, nextCursor: '2' });
  });

  it('detects a response cut exactly at a line boundary (no trailer)', () => {
    const body = frameResponse([change(1), change(2)]);
    const cut = body.slice(0, change(1).length + 1);
    expect(() => readResponse(cut)).toThrow(RecordFramingError);
  });

  it('detects a trailer that disagrees, a record after the trailer, an unknown type and a partial line', () => {
    expect(() => readResponse(`${change(1)}\n${trailerLine(2)}\n`)).toThrow(/count/);
    expect(() => readResponse(`${trailerLine(0)}\n${change(1)}\n`)).toThrow(/after the trailer/);
    expect(() => readResponse(`ZZ123\n${trailerLine(1)}\n`)).toThrow(/unknown record type/);
    expect(() => readResponse(frameResponse([change(1)]).slice(0, -5))).toThrow();
  });
});
