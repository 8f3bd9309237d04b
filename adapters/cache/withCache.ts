import type { SourceSystem } from '../canonical';
import type { SecondaryIndex, SystemCache } from './systemCache';

/** The adapter methods shaped like a batch read: ids in, a Map keyed by id out. */
export type BatchReadMethod<A> = {
  [K in keyof A]-?: A[K] extends (ids: readonly string[]) => Promise<Map<string, unknown>> ? K : never;
}[keyof A];

type MapValue<F> = F extends (ids: readonly string[]) => Promise<Map<string, infer V>> ? Exclude<V, null> : never;

/** A batch read's cache entity name, or the name plus a secondary index (see SecondaryIndex). */
export type CachedRead<V> = string | { entity: string; index?: SecondaryIndex<V> };

export type CacheReadSpec<A> = { [K in BatchReadMethod<A>]?: CachedRead<MapValue<A[K]>> };

/** For a write method: the local ids whose cached entries it makes obsolete (evicted on success). */
export type CacheWriteSpec<A> = {
  [K in keyof A]?: A[K] extends (...args: infer P) => Promise<infer R> ? (args: P, result: R) => readonly string[] : never;
};

/**
 * For a single-record or paged read: the entity and the cache key its arguments make (one
 * entry per distinct call). An entry whose key is exactly a local id (an advisor) is evicted by
 * a change or write naming that id; keys with page arguments expire by the system's TTL.
 */
export type CacheSingleSpec<A> = {
  [K in keyof A]?: A[K] extends (...args: infer P) => Promise<unknown> ? { entity: string; key: (...args: P) => string } : never;
};

export interface WithCacheOptions<A> {
  writes?: CacheWriteSpec<A>;
  singles?: CacheSingleSpec<A>;
}

/**
 * The adapter, with the batch reads named in `reads` going through the cache (method -> entity
 * name) and the writes named in `options.writes` evicting what they change; everything else is
 * the adapter's own. The result has the adapter's type, so it drops in wherever the adapter went.
 */
export function withCache<A extends { readonly system: SourceSystem }>(adapter: A, cache: SystemCache, reads: CacheReadSpec<A>, options: WithCacheOptions<A> = {}): A {
  const system = adapter.system;
  const wrapped = new Map<PropertyKey, unknown>();
  const entities: string[] = [];

  for (const [method, spec] of Object.entries(reads) as Array<[string, CachedRead<unknown> | undefined]>) {
    if (spec === undefined) continue;
    const { entity, index } = typeof spec === 'string' ? { entity: spec, index: undefined } : spec;
    const read = (adapter as Record<string, unknown>)[method];
    if (typeof read !== 'function') throw new TypeError(`withCache: ${system} adapter has no method ${method}`);
    entities.push(entity);
    wrapped.set(method, (ids: readonly string[]) =>
      cache.cachedBatch(system, entity, ids, (missing) => (read as (ids: readonly string[]) => Promise<Map<string, unknown>>).call(adapter, missing), { index }),
    );
  }

  for (const [method, spec] of Object.entries(options.singles ?? {}) as Array<[string, { entity: string; key: (...args: unknown[]) => string } | undefined]>) {
    if (spec === undefined) continue;
    const read = (adapter as Record<string, unknown>)[method];
    if (typeof read !== 'function') throw new TypeError(`withCache: ${system} adapter has no method ${method}`);
    entities.push(spec.entity);
    wrapped.set(method, async (...args: unknown[]) => {
      const key = spec.key(...args);
      // A single read is a batch of one: same freshness, stale-if-error and coalescing.
      const found = await cache.cachedBatch(system, spec.entity, [key], async () => {
        const value: unknown = await (read as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
        return new Map([[key, value]]);
      });
      return found.get(key) ?? null;
    });
  }

  for (const [method, affected] of Object.entries(options.writes ?? {}) as Array<[string, ((args: unknown[], result: unknown) => readonly string[]) | undefined]>) {
    if (affected === undefined) continue;
    const write = (adapter as Record<string, unknown>)[method];
    if (typeof write !== 'function') throw new TypeError(`withCache: ${system} adapter has no method ${method}`);
    wrapped.set(method, async (...args: unknown[]) => {
      const result: unknown = await (write as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
      await cache.invalidate(affected(args, result).map((localId) => ({ system, localId })));
      return result;
    });
  }

  cache.registerEntities(system, entities);
  // A proxy rather than a spread: getters and anything added to the adapter later still work.
  return new Proxy(adapter, {
    get(target, property, receiver) {
      return wrapped.has(property) ? wrapped.get(property) : Reflect.get(target, property, receiver);
    },
  });
}
