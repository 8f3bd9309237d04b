import type { SourceSystem } from '../canonical';

export interface SystemCacheCounters {
  /** Ids answered from the cache while fresh. */
  hits: number;
  /** Ids that had to be read from the system (absent, expired, or invalidated). */
  misses: number;
  /** Ids answered from an expired entry because the system failed. */
  staleServed: number;
}

export type CacheEvent = 'hit' | 'miss' | 'stale';

/**
 * Per-system counters for the gateway's /metrics (hit ratio = hits / (hits + misses)). A listener
 * can feed a Prometheus counter directly instead of polling the snapshot.
 */
export class CacheMetrics {
  private readonly counters = new Map<SourceSystem, SystemCacheCounters>();
  private readonly listeners = new Set<(system: SourceSystem, event: CacheEvent, count: number) => void>();

  record(system: SourceSystem, event: CacheEvent, count = 1): void {
    if (count <= 0) return;
    const counters = this.counters.get(system) ?? { hits: 0, misses: 0, staleServed: 0 };
    if (event === 'hit') counters.hits += count;
    else if (event === 'miss') counters.misses += count;
    else counters.staleServed += count;
    this.counters.set(system, counters);
    for (const listener of this.listeners) listener(system, event, count);
  }

  onRecord(listener: (system: SourceSystem, event: CacheEvent, count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): Partial<Record<SourceSystem, SystemCacheCounters>> {
    return Object.fromEntries([...this.counters].map(([system, counters]) => [system, { ...counters }]));
  }

  /** hits / (hits + misses) for a system, or null before any read. */
  hitRatio(system: SourceSystem): number | null {
    const counters = this.counters.get(system);
    if (!counters || counters.hits + counters.misses === 0) return null;
    return counters.hits / (counters.hits + counters.misses);
  }
}
