import { packTexts, PartyTexts } from './partyTexts';

describe('packTexts', () => {
  it('lays texts back to back in UTF-8, each ending where the next starts (byte counts by hand)', () => {
    // 'Zoë' is 4 bytes (ë is 2), '東京' 6, '👩‍💻' 11 (two 4-byte code points and a 3-byte joiner), '' 0, '{"a":1}' 7.
    const packed = packTexts(['Zoë', '東京', '👩‍💻', '', '{"a":1}']);
    expect([...packed.ends]).toEqual([4, 10, 21, 21, 28]);
    expect(packed.bytes.byteLength).toBe(28);
    expect(Buffer.from(packed.bytes).toString('utf8')).toBe('Zoë東京👩‍💻{"a":1}');
  });

  it('gives buffers that are wholly its own (they are handed to another thread)', () => {
    const packed = packTexts(['abc', 'de']);
    expect(packed.bytes.byteOffset).toBe(0);
    expect(packed.bytes.buffer.byteLength).toBe(5);
    expect(packed.ends.buffer.byteLength).toBe(2 * Uint32Array.BYTES_PER_ELEMENT);
  });
});

describe('PartyTexts', () => {
  it('numbers texts on across batches and gives each back as it was', () => {
    const texts = new PartyTexts();
    const batches = [['{"n":"Ada"}', '{"n":"Zoë"}'], [], ['{"n":"東京"}'], ['', '{"n":"👩‍💻"}', '{"n":"x\\ny"}']];
    const firsts = batches.map((batch) => texts.add(packTexts(batch)));
    expect(firsts).toEqual([0, 2, 2, 3]);
    expect(texts.size).toBe(6);
    const expected = ['{"n":"Ada"}', '{"n":"Zoë"}', '{"n":"東京"}', '', '{"n":"👩‍💻"}', '{"n":"x\\ny"}'];
    // Read out of order: a customer's records come from any batch.
    for (const n of [5, 0, 3, 2, 4, 1]) expect(texts.text(n)).toBe(expected[n]);
  });

  it('refuses a number it never gave', () => {
    const texts = new PartyTexts();
    expect(() => texts.text(0)).toThrow(RangeError);
    texts.add(packTexts(['a', 'b']));
    for (const n of [-1, 2, 1.5, Number.NaN]) expect(() => texts.text(n)).toThrow(RangeError);
  });
});
