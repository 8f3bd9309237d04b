import fc from 'fast-check';
import { LineTooLongError, readLines } from './lineReader';

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of source) lines.push(line);
  return lines;
}

async function* chunks(...parts: Array<string | Buffer>): AsyncGenerator<string | Buffer> {
  yield* parts;
}

describe('readLines', () => {
  it('splits lines across chunk boundaries and drops CR before LF', async () => {
    expect(await collect(readLines(chunks('AB', 'C\nDE\r', '\nF\n', Buffer.from('GH\n')), 10))).toEqual(['ABC', 'DE', 'F', 'GH']);
  });

  it('yields an unterminated last line as is', async () => {
    expect(await collect(readLines(chunks('A\nBC'), 10))).toEqual(['A', 'BC']);
    expect(await collect(readLines(chunks(''), 10))).toEqual([]);
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    await expect(collect(readLines(chunks('ABCDEF', 'GHIJKL'), 8))).rejects.toBeInstanceOf(LineTooLongError);
  });

  it('gives the same lines however the stream is chunked', async () => {
    const line = fc.string({ unit: fc.constantFrom('A', 'B', ' ', '9'), maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), async (lines, sizes) => {
        const text = lines.map((l) => `${l}\n`).join('');
        const parts: string[] = [];
        for (let at = 0, i = 0; at < text.length; i++) {
          const size = sizes[i % sizes.length];
          parts.push(text.slice(at, at + size));
          at += size;
        }
        expect(await collect(readLines(chunks(...parts), 100))).toEqual(lines);
      }),
    );
  });
});
