import type { SourceSystem } from '../canonical';
import { perSystem } from '../../systems/registry';
import { CacheConfigError } from './redisConnection';

export interface SystemCachePolicy {
  /** How long an entry is served without asking the system again. */
  ttlMs: number;
  /** How long past `ttlMs` an entry may still be served while the system is failing. */
  maxStaleMs: number;
  /** Freshness of a not-found answer (shorter: a record created upstream should appear soon). */
  notFoundTtlMs: number;
}

export interface CacheConfig {
  systems: Record<SourceSystem, SystemCachePolicy>;
  /** In-process layer in front of a shared store: how long an entry may stay in it (0 disables it), and its size. */
  l1TtlMs: number;
  l1MaxEntries: number;
}

export const DEFAULT_POLICY: SystemCachePolicy = { ttlMs: 30_000, maxStaleMs: 600_000, notFoundTtlMs: 5_000 };

/**
 * How long an entry may stay in the in-process layer. Evictions reach it over the bus, and it is
 * not used while the bus is not listening (systemCache.ts), so this only bounds an eviction lost
 * in a way no connection event shows (invalidationBus.ts). As long as the default freshness: a
 * change missed that way is served no longer than a change the change feeds never reported. It
 * never extends freshness: an entry is judged by when it was read from its system.
 */
export const DEFAULT_L1_TTL_MS = 30_000;

/**
 * The in-process layer's longest life beside a bus that cannot tell when its subscription was
 * lost (Redis Cluster: ioredis moves the subscriber to another node without a word), as before
 * the layer relied on evictions: a lost eviction then costs at most this.
 */
export const BLIND_BUS_L1_TTL_MS = 1000;

function readMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new CacheConfigError(`${name} must be a non-negative integer (milliseconds)`);
  return value;
}

/**
 * `<SYSTEM>_CACHE_TTL_MS`, `<SYSTEM>_CACHE_MAX_STALE_MS`, `<SYSTEM>_CACHE_NOT_FOUND_TTL_MS` per
 * system (`CACHE_TTL_MS` etc. without a system set the default for all of them), `CACHE_L1_TTL_MS`,
 * `CACHE_L1_MAX_ENTRIES`. A TTL of 0 turns caching off for that system (stale-if-error too).
 * Precedence: the system's variable, then the one for all systems, then the system's registry
 * entry (`cache`, systems/registry.ts), then DEFAULT_POLICY.
 */
export function cacheConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CacheConfig {
  const all = (source: NodeJS.ProcessEnv, name: string) => (source[name] === undefined || source[name]?.trim() === '' ? undefined : readMs(source, name, 0));
  const base: Partial<SystemCachePolicy> = { ttlMs: all(env, 'CACHE_TTL_MS'), maxStaleMs: all(env, 'CACHE_MAX_STALE_MS'), notFoundTtlMs: all(env, 'CACHE_NOT_FOUND_TTL_MS') };
  const systems = perSystem((entry): SystemCachePolicy => {
    const registered: Partial<SystemCachePolicy> = 'cache' in entry ? (entry.cache as Partial<SystemCachePolicy>) : {};
    const fallback = (field: keyof SystemCachePolicy) => base[field] ?? registered[field] ?? DEFAULT_POLICY[field];
    const ttlMs = readMs(env, `${entry.name}_CACHE_TTL_MS`, fallback('ttlMs'));
    return {
      ttlMs,
      maxStaleMs: readMs(env, `${entry.name}_CACHE_MAX_STALE_MS`, fallback('maxStaleMs')),
      // A not-found answer is never trusted longer than a found one.
      notFoundTtlMs: Math.min(ttlMs, readMs(env, `${entry.name}_CACHE_NOT_FOUND_TTL_MS`, fallback('notFoundTtlMs'))),
    };
  });
  return {
    systems,
    l1TtlMs: readMs(env, 'CACHE_L1_TTL_MS', DEFAULT_L1_TTL_MS),
    l1MaxEntries: Math.max(1, readMs(env, 'CACHE_L1_MAX_ENTRIES', 10_000)),
  };
}

/** The same policy for every system (tests, tools). */
export function uniformCacheConfig(policy: Partial<SystemCachePolicy>, l1?: { ttlMs?: number; maxEntries?: number }): CacheConfig {
  const full = { ...DEFAULT_POLICY, ...policy };
  return {
    systems: perSystem(() => full),
    l1TtlMs: l1?.ttlMs ?? DEFAULT_L1_TTL_MS,
    l1MaxEntries: l1?.maxEntries ?? 10_000,
  };
}
