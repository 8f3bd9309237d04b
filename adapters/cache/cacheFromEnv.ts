import { cacheConfigFromEnv } from './cacheConfig';
import { backstopTimeoutMs } from './commandDeadline';
import type { CacheStore } from './cacheStore';
import { LocalInvalidationBus, type InvalidationBus } from './invalidationBus';
import { MemoryCacheStore } from './memoryCacheStore';
import { DEFAULT_REDIS_COMMAND_BUDGET_MS, RedisCacheStore } from './redisCacheStore';
import { createRedisClient, redisTargetFromEnv } from './redisConnection';
import { RedisInvalidationBus } from './redisInvalidationBus';

export interface CacheBackend {
  store: CacheStore;
  bus: InvalidationBus;
  /** True once Redis is connected and subscribed (memory: at once); false after `timeoutMs`. Never rejects. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface CacheBackendOptions {
  /** Told about Redis connection and command failures (they never fail a read). */
  onError?: (error: Error) => void;
}

function readPositiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * The store the environment asks for: Redis when `REDIS_URL`, `REDIS_CLUSTER_NODES` or
 * `REDIS_SENTINELS` is set (keys under `CACHE_KEY_PREFIX`, default `uv:`; command budget
 * `CACHE_REDIS_TIMEOUT_MS`, default 100), otherwise this process's memory (`CACHE_MAX_ENTRIES`,
 * default 50 000). Throws CacheConfigError for malformed settings.
 */
export function createCacheStoreFromEnv(env: NodeJS.ProcessEnv = process.env, options: CacheBackendOptions = {}): CacheStore {
  cacheConfigFromEnv(env); // fail at startup, not on the first read, for a malformed TTL
  const target = redisTargetFromEnv(env);
  if (target === null) return new MemoryCacheStore({ maxEntries: readPositiveInt(env, 'CACHE_MAX_ENTRIES', 50_000) });
  const budgetMs = readPositiveInt(env, 'CACHE_REDIS_TIMEOUT_MS', DEFAULT_REDIS_COMMAND_BUDGET_MS);
  // ioredis's own timeout is only the backstop: the store times its reads and writes itself,
  // tolerant of our event loop's delays (commandDeadline.ts), so it may wait longer than the
  // budget while this process is busy; never longer than the backstop.
  const client = createRedisClient(target, { commandTimeoutMs: backstopTimeoutMs(budgetMs), onError: options.onError });
  return new RedisCacheStore(client, { keyPrefix: env.CACHE_KEY_PREFIX ?? 'uv:', commandTimeoutMs: budgetMs, onError: options.onError });
}

/** The invalidation bus that matches a store: Redis pub/sub beside a Redis store, in-process otherwise. */
export function createInvalidationBus(store: CacheStore, options: CacheBackendOptions = {}): InvalidationBus {
  return store instanceof RedisCacheStore ? new RedisInvalidationBus(store.client, store.keyPrefix, options.onError, store.commandBudgetMs) : new LocalInvalidationBus();
}

/** Store + bus from the environment, closed together. */
export function createCacheBackendFromEnv(env: NodeJS.ProcessEnv = process.env, options: CacheBackendOptions = {}): CacheBackend {
  const store = createCacheStoreFromEnv(env, options);
  const bus = createInvalidationBus(store, options);
  const ready = async (timeoutMs?: number): Promise<boolean> => {
    if (!(store instanceof RedisCacheStore)) return true;
    const connected = await store.ready(timeoutMs);
    if (connected && bus instanceof RedisInvalidationBus) await bus.ready(timeoutMs);
    return connected;
  };
  return { store, bus, ready, close: async () => void (await Promise.all([bus.close(), store.close()])) };
}
