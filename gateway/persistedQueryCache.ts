import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { CacheStore } from '../adapters/cache/cacheStore';

/** How long a registered persisted query is kept when Apollo does not say (a day). */
const DEFAULT_TTL_SECONDS = 24 * 60 * 60;

/**
 * Automatic persisted queries on the same cache as the legacy data: the query text registered
 * under its hash lives in Redis when Redis is configured, so a hash registered through one
 * replica is known to every other. The store degrades to misses when Redis is away, which APQ
 * answers with PERSISTED_QUERY_NOT_FOUND: the client then sends the full query, nothing breaks.
 */
export function persistedQueryCache(store: CacheStore, prefix = 'apq:'): KeyValueCache<string> {
  return {
    async get(key) {
      const entry = await store.get(prefix + key);
      return typeof entry?.value === 'string' ? entry.value : undefined;
    },
    async set(key, value, options?: KeyValueCacheSetOptions) {
      await store.set(prefix + key, { value, storedAt: Date.now() }, (options?.ttl ?? DEFAULT_TTL_SECONDS) * 1000);
    },
    async delete(key) {
      await store.del([prefix + key]);
      return true;
    },
  };
}
