import { cacheConfigFromEnv, DEFAULT_POLICY } from './cacheConfig';
import { decodeEntry, encodeEntry } from './cacheStore';
import { CacheConfigError, redisTargetFromEnv } from './redisConnection';

describe('cacheConfigFromEnv', () => {
  it('defaults every system and reads per-system overrides', () => {
    const config = cacheConfigFromEnv({ ERP_CACHE_TTL_MS: '5000', CARDS_CACHE_MAX_STALE_MS: '0', CACHE_TTL_MS: '20000' });
    expect(config.systems.CORE_BANKING).toEqual({ ...DEFAULT_POLICY, ttlMs: 20_000 });
    expect(config.systems.ERP).toEqual({ ttlMs: 5000, maxStaleMs: DEFAULT_POLICY.maxStaleMs, notFoundTtlMs: 5000 });
    expect(config.systems.CARDS.maxStaleMs).toBe(0);
    expect(cacheConfigFromEnv({ CALL_CENTER_CACHE_TTL_MS: '1000' }).systems.CALL_CENTER.notFoundTtlMs).toBe(1000);
  });

  it('refuses a malformed duration with a typed error naming the variable', () => {
    expect(() => cacheConfigFromEnv({ ERP_CACHE_TTL_MS: '30s' })).toThrow(CacheConfigError);
    expect(() => cacheConfigFromEnv({ CACHE_L1_TTL_MS: '-1' })).toThrow(/CACHE_L1_TTL_MS/);
  });
});

describe('redisTargetFromEnv', () => {
  it('is null without Redis settings', () => {
    expect(redisTargetFromEnv({})).toBeNull();
  });

  it('reads a single node, a Cluster and Sentinels', () => {
    expect(redisTargetFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({ mode: 'single', url: 'redis://127.0.0.1:6379' });
    expect(redisTargetFromEnv({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001', REDIS_URL: 'redis://x:1' })).toEqual({
      mode: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
      ],
    });
    expect(redisTargetFromEnv({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'uv' })).toEqual({
      mode: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'uv',
    });
  });

  it('refuses malformed settings', () => {
    expect(() => redisTargetFromEnv({ REDIS_CLUSTER_NODES: 'nohost' })).toThrow(CacheConfigError);
    expect(() => redisTargetFromEnv({ REDIS_SENTINELS: 's1:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
    expect(() => redisTargetFromEnv({ REDIS_URL: 'http://x' })).toThrow(CacheConfigError);
  });
});

describe('entry encoding', () => {
  it('round-trips and treats garbage as a miss', () => {
    expect(decodeEntry(encodeEntry({ value: { a: [1] }, storedAt: 42 }))).toEqual({ value: { a: [1] }, storedAt: 42 });
    expect(decodeEntry(encodeEntry({ value: null, storedAt: 1 }))).toEqual({ value: null, storedAt: 1 });
    expect(decodeEntry('{"v":1')).toBeUndefined();
    expect(decodeEntry('"text"')).toBeUndefined();
    expect(decodeEntry(null)).toBeUndefined();
  });
});
