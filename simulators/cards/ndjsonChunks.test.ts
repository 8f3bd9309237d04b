import { ndjsonChunks } from './ndjsonChunks';

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

async function* numbers(n: number) {
  for (let i = 0; i < n; i += 1) yield i;
}

describe('ndjsonChunks', () => {
  it('writes one JSON line per record and a counting trailer', async () => {
    const text = (await collect(ndjsonChunks(numbers(3), (i) => ({ i })))).join('');
    expect(text).toBe('{"i":0}\n{"i":1}\n{"i":2}\n{"object":"extract_end","count":3}\n');
  });

  it('groups lines into chunks of about the given size, never splitting a line', async () => {
    const chunks = await collect(ndjsonChunks(numbers(100), (i) => ({ i }), 50));
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    expect(chunks.join('').split('\n').filter(Boolean)).toHaveLength(101);
  });

  it('sends only the trailer for an empty source', async () => {
    expect(await collect(ndjsonChunks(numbers(0), (i) => i))).toEqual(['{"object":"extract_end","count":0}\n']);
  });
});
