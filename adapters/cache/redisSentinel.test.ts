import { Redis } from 'ioredis';
import { createCacheBackendFromEnv } from './cacheFromEnv';
import type { InvalidationMessage } from './invalidationBus';
import { deleteKeysWithPrefix, startRedisSentinel, startRedisServer, type RedisProcess } from './testing/redisTestkit';

describe('cache through Redis Sentinel', () => {
  let master: RedisProcess;
  let sentinel: RedisProcess;

  beforeAll(async () => {
    master = await startRedisServer();
    sentinel = await startRedisSentinel(master.port, 'uvcache');
  });
  afterAll(async () => {
    await sentinel?.stop();
    await master?.stop();
  });

  it('finds the master through REDIS_SENTINELS and caches and publishes there', async () => {
    const env = { REDIS_SENTINELS: `127.0.0.1:${sentinel.port}`, REDIS_SENTINEL_NAME: 'uvcache', CACHE_KEY_PREFIX: 'sn:', CACHE_REDIS_TIMEOUT_MS: '2000' };
    const one = createCacheBackendFromEnv(env);
    const two = createCacheBackendFromEnv(env);
    const direct = new Redis(master.url);
    try {
      expect(await one.ready(5000)).toBe(true);
      expect(await two.ready(5000)).toBe(true);
      await one.store.set('k', { value: { a: 1 }, storedAt: 3 }, 60_000);
      expect(await two.store.get('k')).toEqual({ value: { a: 1 }, storedAt: 3 });
      expect(await direct.get('sn:k')).toBe('{"v":{"a":1},"t":3}');
      const received = new Promise<InvalidationMessage>((resolve) => two.bus.subscribe(resolve));
      await one.bus.publish({ origin: 'one', records: [{ system: 'CARDS', localId: 'CH00000001' }] });
      expect((await received).records).toEqual([{ system: 'CARDS', localId: 'CH00000001' }]);
      expect(await deleteKeysWithPrefix(direct, 'sn:')).toBe(1);
    } finally {
      direct.disconnect();
      await Promise.all([one.close(), two.close()]);
    }
  });
});
