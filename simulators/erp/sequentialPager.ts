/**
 * Pages over an async source without holding it in memory. `$skip` paging over a stream is
 * quadratic if every page restarts the stream, so the iterator that served a page is parked,
 * keyed by the offset it stopped at; the request for the next page (the `__next` link) resumes
 * it. A request at any other offset starts a fresh pass and skips ahead, which is correct, just
 * slower. At most `maxParked` iterators stay open; the oldest is closed first.
 */

interface Parked<T> {
  iterator: AsyncIterator<T>;
  /** An item read ahead to learn whether more exist; it belongs to the next page. */
  lookahead: IteratorResult<T> | null;
}

export class SequentialPager<T> {
  private readonly parked = new Map<number, Parked<T>>();

  constructor(
    private readonly source: () => AsyncIterable<T>,
    private readonly maxParked = 8,
  ) {}

  /** Items [offset, offset + count), and whether any follow. */
  async page(offset: number, count: number): Promise<{ items: T[]; more: boolean }> {
    const cursor = this.take(offset) ?? (await this.start(offset));
    const items: T[] = [];
    let next = cursor.lookahead ?? (await cursor.iterator.next());
    while (!next.done && items.length < count) {
      items.push(next.value);
      next = await cursor.iterator.next();
    }
    if (next.done) return { items, more: false };
    this.park(offset + items.length, { iterator: cursor.iterator, lookahead: next });
    return { items, more: true };
  }

  /** Counts the whole source in one pass (for `$inlinecount`). */
  async count(): Promise<number> {
    let n = 0;
    for await (const _ of this.source()) n += 1;
    return n;
  }

  /** Closes every parked iterator (on reset or shutdown). */
  async closeAll(): Promise<void> {
    const open = [...this.parked.values()];
    this.parked.clear();
    await Promise.all(open.map((p) => p.iterator.return?.()));
  }

  private take(offset: number): Parked<T> | undefined {
    const found = this.parked.get(offset);
    if (found) this.parked.delete(offset);
    return found;
  }

  private async start(offset: number): Promise<Parked<T>> {
    const iterator = this.source()[Symbol.asyncIterator]();
    for (let i = 0; i < offset; i += 1) {
      const skipped = await iterator.next();
      if (skipped.done) return { iterator, lookahead: skipped };
    }
    return { iterator, lookahead: null };
  }

  private park(offset: number, cursor: Parked<T>): void {
    const previous = this.parked.get(offset);
    if (previous) void previous.iterator.return?.();
    this.parked.set(offset, cursor);
    if (this.parked.size > this.maxParked) {
      const [oldestOffset, oldest] = this.parked.entries().next().value as [number, Parked<T>];
      this.parked.delete(oldestOffset);
      void oldest.iterator.return?.();
    }
  }
}
