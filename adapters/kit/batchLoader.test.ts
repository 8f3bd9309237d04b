import { chunk, createBatchLoader } from './batchLoader';

describe('createBatchLoader', () => {
  it('batches and deduplicates keys, maps missing keys to null', async () => {
    const calls: string[][] = [];
    const loader = createBatchLoader<string, number>(2, async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'c').map((k) => [k, k.charCodeAt(0)]));
    });
    const values = await Promise.all(['a', 'b', 'a', 'c'].map((k) => loader.load(k)));
    expect(values).toEqual([97, 98, 97, null]);
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('fails only malformed keys and never sends them upstream', async () => {
    const sent: string[] = [];
    const loader = createBatchLoader<string, string>(
      10,
      async (keys) => {
        sent.push(...keys);
        return new Map(keys.map((k) => [k, k.toUpperCase()]));
      },
      { isValid: (k) => /^\d+$/.test(k), invalid: () => new RangeError('bad id') },
    );
    const [good, bad] = await Promise.allSettled([loader.load('12'), loader.load('x1')]);
    expect(good).toEqual({ status: 'fulfilled', value: '12' });
    expect(bad.status === 'rejected' && bad.reason).toBeInstanceOf(RangeError);
    expect(sent).toEqual(['12']);
  });

  it('fails every key of a batch whose upstream call fails', async () => {
    const loader = createBatchLoader<string, string>(10, async () => {
      throw new Error('down');
    });
    const results = await Promise.allSettled([loader.load('1'), loader.load('2')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('chunk', () => {
  it('splits ids into chunks of at most the size, in order', () => {
    expect(chunk(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(chunk(['a', 'b', 'c', 'd'], 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(chunk(['a'], 10)).toEqual([['a']]);
    expect(chunk([], 3)).toEqual([]);
  });
});

describe('createBatchLoader without work to send', () => {
  it('never calls the system for a batch of malformed keys only', async () => {
    let calls = 0;
    const loader = createBatchLoader<string, string>(
      10,
      async () => {
        calls += 1;
        return new Map();
      },
      { isValid: () => false, invalid: (key) => new RangeError(`bad id ${key}`) },
    );
    const results = await Promise.allSettled([loader.load('x'), loader.load('y')]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.value))).toEqual(['bad id x', 'bad id y']);
    expect(calls).toBe(0);
  });

  it('serves a value the system returned as null as not found', async () => {
    const loader = createBatchLoader<string, string>(10, async (keys) => new Map(keys.map((k) => [k, null])));
    await expect(loader.load('1')).resolves.toBeNull();
  });
});
