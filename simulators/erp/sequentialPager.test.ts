import { SequentialPager } from './sequentialPager';

/** A source that counts how many passes were started over it. */
function countingSource(size: number) {
  const stats = { passes: 0, closed: 0 };
  const source = (): AsyncIterable<number> => ({
    [Symbol.asyncIterator]() {
      stats.passes += 1;
      let i = 0;
      return {
        next: async () => (i < size ? { value: i++, done: false } : { value: undefined, done: true }),
        return: async () => {
          stats.closed += 1;
          return { value: undefined, done: true };
        },
      };
    },
  });
  return { source, stats };
}

describe('SequentialPager', () => {
  it('walks a source page by page in a single pass', async () => {
    const { source, stats } = countingSource(25);
    const pager = new SequentialPager(source);
    const seen: number[] = [];
    let offset = 0;
    for (;;) {
      const { items, more } = await pager.page(offset, 10);
      seen.push(...items);
      offset += items.length;
      if (!more) break;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(stats.passes).toBe(1);
  });

  it('serves an arbitrary offset with a fresh pass', async () => {
    const { source, stats } = countingSource(25);
    const pager = new SequentialPager(source);
    expect(await pager.page(20, 10)).toEqual({ items: [20, 21, 22, 23, 24], more: false });
    expect(await pager.page(30, 10)).toEqual({ items: [], more: false });
    expect(stats.passes).toBe(2);
  });

  it('says there is more exactly when a page ends before the source', async () => {
    const pager = new SequentialPager(countingSource(20).source);
    expect((await pager.page(0, 10)).more).toBe(true);
    expect(await pager.page(10, 10)).toEqual({ items: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], more: false });
  });

  it('closes the oldest parked iterator beyond its limit, and all on closeAll', async () => {
    const { source, stats } = countingSource(100);
    const pager = new SequentialPager(source, 2);
    await pager.page(0, 1);
    await pager.page(10, 1);
    await pager.page(20, 1);
    expect(stats.closed).toBe(1);
    await pager.closeAll();
    expect(stats.closed).toBe(3);
    expect(await pager.count()).toBe(100);
  });
});
