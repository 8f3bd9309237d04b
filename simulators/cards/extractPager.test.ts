import { ExtractPager, type ExtractPosition } from './extractPager';

/** A counting source of 0..n-1 that records how often it was opened and closed. */
function countingSource(n: number) {
  const stats = { opened: 0, closed: 0 };
  const source = () => {
    stats.opened += 1;
    return (async function* () {
      try {
        for (let i = 0; i < n; i += 1) yield i;
      } finally {
        stats.closed += 1;
      }
    })();
  };
  return { source, stats };
}

async function walk(pager: ExtractPager<number>, limit: number): Promise<number[]> {
  const seen: number[] = [];
  let position: ExtractPosition | undefined;
  for (;;) {
    const page = await pager.page(position, limit);
    seen.push(...page.items);
    if (!page.next) return seen;
    position = page.next;
  }
}

describe('ExtractPager', () => {
  it('walks the whole source exactly once, resuming one iterator', async () => {
    const { source, stats } = countingSource(25);
    const pager = new ExtractPager(source);
    expect(await walk(pager, 7)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(stats.opened).toBe(1);
  });

  it('ends with an empty page when the last page was exactly full', async () => {
    const { source } = countingSource(4);
    const pager = new ExtractPager(source);
    const first = await pager.page(undefined, 4);
    expect(first.items).toEqual([0, 1, 2, 3]);
    const last = await pager.page(first.next!, 4);
    expect(last).toEqual({ items: [], next: null });
  });

  it('serves a replayed cursor the same page again (a client retry)', async () => {
    const { source } = countingSource(10);
    const pager = new ExtractPager(source);
    const first = await pager.page(undefined, 3);
    const second = await pager.page(first.next!, 3);
    const replay = await pager.page(first.next!, 3);
    expect(replay.items).toEqual(second.items);
    expect(await pager.page(second.next!, 3)).toMatchObject({ items: [6, 7, 8] });
  });

  it('resumes a cursor whose session was evicted, and closes evicted iterators', async () => {
    const { source, stats } = countingSource(10);
    let id = 0;
    const pager = new ExtractPager(source, 1, () => `s${(id += 1)}`);
    const a = await pager.page(undefined, 2);
    await pager.page(undefined, 2); // evicts a's session
    expect(stats.closed).toBe(1);
    expect((await pager.page(a.next!, 2)).items).toEqual([2, 3]);
  });

  it('returns nothing for an offset past the end', async () => {
    const { source } = countingSource(3);
    const pager = new ExtractPager(source);
    expect(await pager.page({ session: 'gone', offset: 99 }, 5)).toEqual({ items: [], next: null });
  });

  it('passes a source failure on and drops the session', async () => {
    const pager = new ExtractPager<number>(() =>
      (async function* () {
        yield 1;
        throw new Error('disk gone');
      })(),
    );
    await expect(pager.page(undefined, 5)).rejects.toThrow('disk gone');
  });

  it('closes parked sessions on reset', async () => {
    const { source, stats } = countingSource(10);
    const pager = new ExtractPager(source);
    await pager.page(undefined, 2);
    await pager.reset();
    expect(stats.closed).toBe(1);
  });
});
