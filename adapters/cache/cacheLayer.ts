import { adapterModuleOf } from '../adapterModules';
import type { SourceAdapter } from '../kit/sourceAdapter';
import { perSystem, SYSTEM_REGISTRY, type SystemHandle } from '../../systems/registry';
import { cacheConfigFromEnv } from './cacheConfig';
import { createCacheBackendFromEnv, type CacheBackend } from './cacheFromEnv';
import type { ChangeEvent, SourceSystem } from '../canonical';
import { invalidationTargets } from './changeWatcher';
import { SystemCache } from './systemCache';
import type { CacheReadSpec, WithCacheOptions } from './withCache';
import { withCache } from './withCache';

/** Every system's adapter, by the handle in its registry entry (`coreBanking`, ...). */
export type SourceAdapters = Record<SystemHandle, SourceAdapter>;

export interface CacheLayer<T extends SourceAdapters = SourceAdapters> {
  /** The same adapters, their batch reads cached (hand these to the system subgraphs). */
  adapters: T;
  cache: SystemCache;
  backend: CacheBackend;
  /**
   * Evicts what a page of change events names, here and (over the bus) in every replica. The
   * cache reads no feed itself: the identity follower reads each feed once and hands every page
   * here before applying it (subgraphs/identity/identityFollower.ts).
   */
  invalidateChanges(changes: readonly ChangeEvent[]): Promise<void>;
  close(): Promise<void>;
}

export interface CacheLayerOptions {
  env?: NodeJS.ProcessEnv;
  /** Redis failures (never customer data); they never fail a read. */
  onError?: (error: unknown) => void;
  /** How long startup waits for Redis before starting cold (default 1000 ms; it reconnects later). */
  redisWaitMs?: number;
}

/**
 * The whole caching layer in one call: store + bus from the environment, one SystemCache and
 * every system's adapter wrapped by its module's cache spec (adapters/<slug>/adapterModule.ts).
 * Change-feed eviction comes from the one feed follower (identity).
 */
export async function startCacheLayer<T extends SourceAdapters>(raw: T, options: CacheLayerOptions = {}): Promise<CacheLayer<T>> {
  const env = options.env ?? process.env;
  const backend = createCacheBackendFromEnv(env, { onError: options.onError });
  await backend.ready(options.redisWaitMs ?? 1000);
  const cache = new SystemCache({ store: backend.store, bus: backend.bus, config: cacheConfigFromEnv(env) });
  const adapters = Object.fromEntries(
    SYSTEM_REGISTRY.map((system) => {
      const spec = adapterModuleOf(system.name).cache;
      return [system.handle, withCache(raw[system.handle], cache, spec.reads, spec.options)];
    }),
  ) as T;
  return {
    adapters,
    cache,
    backend,
    invalidateChanges: (changes) => cache.invalidate(invalidationTargets(changes)),
    async close() {
      cache.close();
      await backend.close();
    },
  };
}

/** The entity names each system's records are cached under (from its adapter module's cache spec). */
export function cachedEntities(): Record<SourceSystem, string[]> {
  const names = <A>(reads: CacheReadSpec<A>, options: WithCacheOptions<A> = {}) => [
    ...Object.values(reads).map((spec) => (typeof spec === 'string' ? spec : (spec as { entity: string }).entity)),
    ...Object.values(options.singles ?? {}).map((spec) => (spec as { entity: string }).entity),
  ];
  return perSystem((system) => {
    const spec = adapterModuleOf(system.name).cache;
    return names(spec.reads, spec.options);
  });
}

/** Evicts what change events name from a cache shared through the environment's Redis. */
export interface CacheInvalidator {
  invalidateChanges(changes: readonly ChangeEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * For a follower running in a process without the cache layer (identity on its own): the same
 * store and bus as every replica's cache (Redis), knowing every cached entity, so an eviction
 * here removes the shared entries and drops every replica's in-process copies. Without Redis
 * there is nothing shared to evict: it does nothing.
 */
export async function createCacheInvalidator(env: NodeJS.ProcessEnv = process.env, options: CacheLayerOptions = {}): Promise<CacheInvalidator> {
  const backend = createCacheBackendFromEnv(env, { onError: options.onError });
  if (backend.store.kind !== 'redis') {
    await backend.close();
    return { invalidateChanges: async () => undefined, close: async () => undefined };
  }
  await backend.ready(options.redisWaitMs ?? 1000);
  const cache = new SystemCache({ store: backend.store, bus: backend.bus, config: cacheConfigFromEnv(env), l1: false });
  for (const [system, entities] of Object.entries(cachedEntities()) as Array<[SourceSystem, string[]]>) cache.registerEntities(system, entities);
  return {
    invalidateChanges: (changes) => cache.invalidate(invalidationTargets(changes)),
    async close() {
      cache.close();
      await backend.close();
    },
  };
}
