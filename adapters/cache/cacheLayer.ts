import type { CallCenterAdapter } from '../call-center';
import type { CardsAdapter } from '../cards';
import type { CoreBankingAdapter } from '../core-banking';
import type { ErpAdapter } from '../erp';
import { CALL_CENTER_CACHE, CALL_CENTER_CACHE_WRITES, CARDS_CACHE, CARDS_SINGLES, CORE_BANKING_CACHE, CORE_BANKING_SINGLES, ERP_CACHE } from './adapterCacheSpecs';
import { cacheConfigFromEnv } from './cacheConfig';
import { createCacheBackendFromEnv, type CacheBackend } from './cacheFromEnv';
import type { ChangeEvent, SourceSystem } from '../canonical';
import { invalidationTargets } from './changeWatcher';
import { SystemCache } from './systemCache';
import type { CacheReadSpec, WithCacheOptions } from './withCache';
import { withCache } from './withCache';

export interface SourceAdapters {
  coreBanking: CoreBankingAdapter;
  cards: CardsAdapter;
  erp: ErpAdapter;
  callCenter: CallCenterAdapter;
}

export interface CacheLayer {
  /** The same adapters, their batch reads cached (hand these to the system subgraphs). */
  adapters: SourceAdapters;
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
 * The whole caching layer in one call: store + bus from the environment, one SystemCache and the
 * four adapters wrapped. Change-feed eviction comes from the one feed follower (identity).
 */
export async function startCacheLayer(raw: SourceAdapters, options: CacheLayerOptions = {}): Promise<CacheLayer> {
  const env = options.env ?? process.env;
  const backend = createCacheBackendFromEnv(env, { onError: options.onError });
  await backend.ready(options.redisWaitMs ?? 1000);
  const cache = new SystemCache({ store: backend.store, bus: backend.bus, config: cacheConfigFromEnv(env) });
  const adapters: SourceAdapters = {
    coreBanking: withCache(raw.coreBanking, cache, CORE_BANKING_CACHE, CORE_BANKING_SINGLES),
    cards: withCache(raw.cards, cache, CARDS_CACHE, CARDS_SINGLES),
    erp: withCache(raw.erp, cache, ERP_CACHE),
    callCenter: withCache(raw.callCenter, cache, CALL_CENTER_CACHE, CALL_CENTER_CACHE_WRITES),
  };
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

/** The entity names each system's records are cached under (from the cache specs above). */
export function cachedEntities(): Record<SourceSystem, string[]> {
  const names = <A>(reads: CacheReadSpec<A>, options: WithCacheOptions<A> = {}) => [
    ...Object.values(reads).map((spec) => (typeof spec === 'string' ? spec : (spec as { entity: string }).entity)),
    ...Object.values(options.singles ?? {}).map((spec) => (spec as { entity: string }).entity),
  ];
  return {
    CORE_BANKING: names(CORE_BANKING_CACHE, CORE_BANKING_SINGLES),
    CARDS: names(CARDS_CACHE, CARDS_SINGLES),
    ERP: names(ERP_CACHE),
    CALL_CENTER: names(CALL_CENTER_CACHE, CALL_CENTER_CACHE_WRITES),
  };
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
