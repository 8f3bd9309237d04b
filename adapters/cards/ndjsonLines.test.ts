import fc from 'fast-check';
import { ndjsonLines } from './ndjsonLines';

async function* from(chunks: string[]) {
  for (const chunk of chunks) yield chunk;
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of source) out.push(line);
  return out;
}

describe('ndjsonLines', () => {
  it('reassembles lines split across chunks and skips blank lines', async () => {
    expect(await collect(ndjsonLines(from(['{"a":', '1}\n\n{"b"', ':2}\n'])))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('yields a final line without a newline', async () => {
    expect(await collect(ndjsonLines(from(['x\ny'])))).toEqual(['x', 'y']);
  });

  it('refuses a line that never ends', async () => {
    await expect(collect(ndjsonLines(from(['x'.repeat(20)]), 10))).rejects.toThrow(RangeError);
  });

  it('gives the same lines however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[a-z{}":0-9]{1,8}$/), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), async (lines, cuts) => {
        const text = lines.map((l) => `${l}\n`).join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let start = 0;
        for (const p of points) {
          chunks.push(text.slice(start, p));
          start = p;
        }
        chunks.push(text.slice(start));
        expect(await collect(ndjsonLines(from(chunks)))).toEqual(lines);
      }),
    );
  });
});
