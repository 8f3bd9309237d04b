/** V8 heap sizes around one garbage collection, as v8.GCProfiler reports them. */
export interface GcHeapSizes {
  beforeUsedBytes: number;
  afterUsedBytes: number;
}

/**
 * Bytes allocated on the V8 heap over a window. Node 20 has no allocation counter
 * (`total_allocated_bytes` came to v8.getHeapStatistics later), but the used heap only grows by
 * allocation and only shrinks in a collection, so: allocated = used at the end - used at the
 * start + what every collection in between freed. Buffers and other off-heap memory are not in it.
 */
export function allocatedBytes(usedAtStart: number, usedAtEnd: number, collections: readonly GcHeapSizes[]): number {
  const freed = collections.reduce((sum, gc) => sum + Math.max(0, gc.beforeUsedBytes - gc.afterUsedBytes), 0);
  return Math.max(0, usedAtEnd - usedAtStart + freed);
}
