import { uniformCacheConfig } from './cacheConfig';
import { RedisCacheStore } from './redisCacheStore';
import { createRedisClient } from './redisConnection';
import { RedisInvalidationBus } from './redisInvalidationBus';
import { SystemCache } from './systemCache';
import { eventually, startRedisServer, type RedisProcess } from './testing/redisTestkit';

/**
 * Redis going away mid-run: reads keep working uncached (no error, no hang), and caching resumes
 * by itself once Redis is back on the same address.
 */
describe('cache over a Redis that goes away and comes back', () => {
  let redis: RedisProcess;
  let store: RedisCacheStore;
  let cache: SystemCache;
  const errors: Error[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    store = new RedisCacheStore(createRedisClient({ mode: 'single', url: redis.url }, { commandTimeoutMs: 500, onError: (e) => errors.push(e) }), {
      keyPrefix: 'outage:',
      suspendAfterTimeoutMs: 200,
      onError: (e) => errors.push(e),
    });
    // No in-process layer: every read must go to Redis, so what we observe is Redis itself.
    cache = new SystemCache({ store, config: uniformCacheConfig({ ttlMs: 60_000 }), l1: false });
    await eventually(() => store.client.status === 'ready', 'connected to Redis');
  });

  afterAll(async () => {
    cache.close();
    await store.close();
    await redis.stop();
  });

  it('serves reads uncached while Redis is down and caches again once it is back', async () => {
    let upstreamCalls = 0;
    const fetch = async (ids: string[]) => {
      upstreamCalls += 1;
      return new Map(ids.map((id) => [id, { id }]));
    };
    const read = () => cache.cachedBatch('CORE_BANKING', 'party', ['100', '200'], fetch);

    await read();
    await read();
    expect(upstreamCalls).toBe(1);

    await redis.stop();
    await eventually(() => store.client.status !== 'ready', 'client noticed Redis is gone');
    const whileDown = await read();
    expect(whileDown.get('100')).toEqual({ id: '100' });
    await read();
    expect(upstreamCalls).toBe(3);
    expect(store.failedCommands).toBeGreaterThan(0);

    redis = await startRedisServer({ port: redis.port });
    await eventually(() => store.client.status === 'ready', 'client reconnected by itself', 10_000);
    const before = cache.metrics.snapshot().CORE_BANKING?.hits ?? 0;
    await read(); // fills the (empty) restarted Redis
    await read();
    expect(upstreamCalls).toBe(4);
    expect(cache.metrics.snapshot().CORE_BANKING?.hits).toBe(before + 2);
  });

  it('does not wait on a Redis that stops answering: its commands time out into misses', async () => {
    let upstreamCalls = 0;
    const fetch = async (ids: string[]) => {
      upstreamCalls += 1;
      return new Map(ids.map((id) => [id, { id }]));
    };
    const read = () => cache.cachedBatch('CORE_BANKING', 'accounts', ['300'], fetch);
    await read();
    const failedBefore = store.failedCommands;
    redis.pause();
    try {
      expect((await read()).get('300')).toEqual({ id: '300' });
      expect(upstreamCalls).toBe(2);
      expect(store.failedCommands).toBeGreaterThan(failedBefore);
      expect(errors.some((e) => /timed out/i.test(e.message))).toBe(true);
    } finally {
      redis.resume();
    }
    // After the suspension Redis is used again: a fresh read is stored, the next one is a hit.
    await eventually(async () => {
      const calls = upstreamCalls;
      await read();
      await read();
      return upstreamCalls <= calls + 1 && (await store.get('e:{CORE_BANKING:300}:accounts')) !== undefined;
    }, 'caching resumed after the suspension', 5000, 50);
  });

  it("does not hold an eviction's publish on a Redis that stops answering", async () => {
    // ioredis's own timeout set far beyond this test's: only the bus's budget can end the publish.
    const client = createRedisClient({ mode: 'single', url: redis.url }, { commandTimeoutMs: 120_000 });
    const bus = new RedisInvalidationBus(client, 'outage:', undefined, 100);
    await eventually(() => client.status === 'ready', 'connected to Redis');
    redis.pause();
    try {
      await expect(bus.publish({ origin: 'test', records: [{ system: 'ERP', localId: '1' }] })).resolves.toBeUndefined();
    } finally {
      redis.resume();
      await bus.close();
      client.disconnect();
    }
  });
});
