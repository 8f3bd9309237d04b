import { LineTooLongError, readLines } from './lineReader';

/** The line splitter's edges, by hand (survivors of the mutation run: TESTING.md). */

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of source) lines.push(line);
  return lines;
}

async function* chunks(...parts: Array<string | Buffer>): AsyncGenerator<string | Buffer> {
  yield* parts;
}

describe('readLines: edges', () => {
  it('reads a raw Buffer as latin1, one byte one character (0xA3 is £, 0xE9 is é), never as UTF-8', async () => {
    expect(await collect(readLines(chunks(Buffer.from([0x41, 0xa3, 0x0a, 0xe9, 0x0a])), 10))).toEqual(['A£', 'é']);
  });

  it('keeps a partial line whose length is exactly the limit, and refuses one character more', async () => {
    expect(await collect(readLines(chunks('ABC', '\nDEF'), 3))).toEqual(['ABC', 'DEF']);
    await expect(collect(readLines(chunks('ABCD', '\n'), 3))).rejects.toBeInstanceOf(LineTooLongError);
  });

  it('names the limit in its message and its own name, for the operator', () => {
    const error = new LineTooLongError(512);
    expect(error.message).toBe('line longer than 512 characters');
    expect(error.name).toBe('LineTooLongError');
  });

  it('a CR that is not before an LF stays in the line; an empty line is yielded empty', async () => {
    expect(await collect(readLines(chunks('A\rB\n\n\r\n'), 10))).toEqual(['A\rB', '', '']);
  });
});
