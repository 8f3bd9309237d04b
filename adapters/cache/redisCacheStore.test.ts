import { Redis } from 'ioredis';
import { createCacheBackendFromEnv } from './cacheFromEnv';
import type { InvalidationMessage } from './invalidationBus';
import { RedisCacheStore } from './redisCacheStore';
import { createRedisClient } from './redisConnection';
import { RedisInvalidationBus } from './redisInvalidationBus';
import { deleteKeysWithPrefix, eventually, SHARED_REDIS_URL, uniqueKeyPrefix } from './testing/redisTestkit';

describe('RedisCacheStore on the shared Redis', () => {
  const prefix = uniqueKeyPrefix();
  const admin = new Redis(SHARED_REDIS_URL);
  const store = new RedisCacheStore(createRedisClient({ mode: 'single', url: SHARED_REDIS_URL }, { commandTimeoutMs: 2000 }), { keyPrefix: prefix, commandTimeoutMs: 2000 });

  beforeAll(async () => {
    expect(await store.ready()).toBe(true);
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(admin, prefix);
    await store.close();
    admin.disconnect();
  });

  it('stores JSON entries under its prefix, reads them in order, deletes them', async () => {
    await store.mset([
      { key: 'e:{ERP:1}:party', entry: { value: { givenName: 'A', list: [1, 2] }, storedAt: 11 }, ttlMs: 60_000 },
      { key: 'e:{ERP:2}:party', entry: { value: null, storedAt: 12 }, ttlMs: 60_000 },
    ]);
    expect(await store.mget(['e:{ERP:2}:party', 'e:{ERP:9}:party', 'e:{ERP:1}:party'])).toEqual([
      { value: null, storedAt: 12 },
      undefined,
      { value: { givenName: 'A', list: [1, 2] }, storedAt: 11 },
    ]);
    expect(await admin.exists(`${prefix}e:{ERP:1}:party`)).toBe(1);
    const pttl = await admin.pttl(`${prefix}e:{ERP:1}:party`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await store.del(['e:{ERP:1}:party']);
    expect(await store.get('e:{ERP:1}:party')).toBeUndefined();
  });

  it('lets Redis expire an entry after its physical TTL', async () => {
    await store.set('short', { value: 1, storedAt: 1 }, 30);
    await eventually(async () => (await store.get('short')) === undefined, 'Redis expired the key', 3000);
  });

  it('treats an unreadable value as a miss', async () => {
    await admin.set(`${prefix}garbage`, 'not json', 'PX', 60_000);
    expect(await store.get('garbage')).toBeUndefined();
  });

  it('does not count its own busy event loop against Redis: reads issued before a long stretch of work are hits', async () => {
    // A 50 ms budget and 250 ms of synchronous work once the reads are on the wire (a customer
    // list computing while its cache reads are in flight): Redis answers in well under a
    // millisecond, so every read must be a hit, none a failure. ioredis's own commandTimeout of
    // 50 ms failed them all: its timer runs before the socket holding the answers is read.
    const busy = new RedisCacheStore(createRedisClient({ mode: 'single', url: SHARED_REDIS_URL }, { commandTimeoutMs: 5000 }), { keyPrefix: prefix, commandTimeoutMs: 50 });
    try {
      expect(await busy.ready()).toBe(true);
      // Written through the store with the long budget: only the reads below are on trial.
      await store.mset(['a', 'b', 'c'].map((k) => ({ key: `busy:${k}`, entry: { value: k, storedAt: 1 }, ttlMs: 60_000 })));
      for (let round = 0; round < 3; round += 1) {
        const reads = busy.mget(['busy:a', 'busy:b', 'busy:c']);
        // ioredis's auto-pipelining writes the commands in a setImmediate: after this one they are sent.
        await new Promise((resolve) => setImmediate(resolve));
        const until = performance.now() + 250;
        while (performance.now() < until) {
          // busy on purpose
        }
        expect(await reads).toEqual(['a', 'b', 'c'].map((value) => ({ value, storedAt: 1 })));
      }
      expect(busy.failedCommands).toBe(0);
    } finally {
      await busy.close();
    }
  });

  it('carries invalidations between replicas over pub/sub', async () => {
    const one = new RedisInvalidationBus(store.client, prefix);
    const twoStore = new RedisCacheStore(createRedisClient({ mode: 'single', url: SHARED_REDIS_URL }, { commandTimeoutMs: 2000 }), { keyPrefix: prefix, commandTimeoutMs: 2000 });
    const two = new RedisInvalidationBus(twoStore.client, prefix);
    await Promise.all([one.ready(), two.ready()]);
    const received = new Promise<InvalidationMessage>((resolve) => two.subscribe(resolve));
    await one.publish({ origin: 'one', records: [{ system: 'ERP', localId: '1000000001' }] });
    expect(await received).toEqual({ origin: 'one', records: [{ system: 'ERP', localId: '1000000001' }] });
    await Promise.all([one.close(), two.close(), twoStore.close()]);
  });

  it('is what the environment selects when REDIS_URL is set', async () => {
    const backend = createCacheBackendFromEnv({ REDIS_URL: SHARED_REDIS_URL, CACHE_KEY_PREFIX: prefix, CACHE_REDIS_TIMEOUT_MS: '2000' });
    try {
      expect(backend.store.kind).toBe('redis');
      expect(await backend.ready()).toBe(true);
      await backend.store.set('from-env', { value: 'x', storedAt: 1 }, 60_000);
      expect(await admin.get(`${prefix}from-env`)).toBe('{"v":"x","t":1}');
    } finally {
      await backend.close();
    }
    const memory = createCacheBackendFromEnv({});
    expect(memory.store.kind).toBe('memory');
    await memory.close();
  });
});
