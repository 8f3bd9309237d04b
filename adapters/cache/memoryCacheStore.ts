import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore, CacheWrite } from './cacheStore';

export interface MemoryCacheStoreOptions {
  /** Most entries kept; the least recently used go first (default 50 000). */
  maxEntries?: number;
}

/**
 * The in-process store (no REDIS_URL): one replica's own LRU. Entries are JSON round-tripped on
 * the way in so a cached value can never be mutated through a reference the caller kept, and so
 * the memory and Redis stores return exactly the same shapes.
 */
export class MemoryCacheStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, string>;

  constructor(options: MemoryCacheStoreOptions = {}) {
    this.lru = new LRUCache<string, string>({ max: options.maxEntries ?? 50_000, ttlAutopurge: false });
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const raw = this.lru.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as CacheEntry);
  }

  async mget(keys: readonly string[]): Promise<Array<CacheEntry | undefined>> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async set(key: string, entry: CacheEntry, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    this.lru.set(key, JSON.stringify(entry), { ttl: ttlMs });
  }

  async mset(writes: readonly CacheWrite[]): Promise<void> {
    for (const write of writes) await this.set(write.key, write.entry, write.ttlMs);
  }

  async del(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.lru.delete(key);
  }

  get size(): number {
    return this.lru.size;
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}
