import { allocatedBytes } from './heapAllocation';

describe('heap bytes allocated over a window', () => {
  it('is the growth of the used heap when nothing was collected', () => {
    expect(allocatedBytes(1_000, 4_500, [])).toBe(3_500);
  });

  it('adds back what every collection freed', () => {
    // 1000 -> grew to 9000 -> GC to 2000 (freed 7000) -> grew to 6000 -> GC to 1500 (4500) -> 3000 at the end.
    const collections = [
      { beforeUsedBytes: 9_000, afterUsedBytes: 2_000 },
      { beforeUsedBytes: 6_000, afterUsedBytes: 1_500 },
    ];
    expect(allocatedBytes(1_000, 3_000, collections)).toBe(8_000 + 4_000 + 1_500);
  });

  it('never goes negative (a collection that found nothing to free, a smaller heap at the end)', () => {
    expect(allocatedBytes(5_000, 1_000, [{ beforeUsedBytes: 2_000, afterUsedBytes: 2_100 }])).toBe(0);
  });
});
