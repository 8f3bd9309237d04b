import { deleteKeysWithPrefix, SHARED_REDIS_URL, uniqueKeyPrefix } from '../../adapters/cache/testing/redisTestkit';
import { Redis } from 'ioredis';
import { createRedisWindowCounter } from './rateLimitCounters';

describe('createRedisWindowCounter on the shared Redis', () => {
  const prefix = uniqueKeyPrefix();
  const admin = new Redis(SHARED_REDIS_URL);
  afterAll(async () => {
    await deleteKeysWithPrefix(admin, prefix);
    admin.disconnect();
  });

  it('counts one window per key across counters (replicas), with its remaining time', async () => {
    const one = createRedisWindowCounter(SHARED_REDIS_URL, { commandTimeoutMs: 2000 });
    const two = createRedisWindowCounter(SHARED_REDIS_URL, { commandTimeoutMs: 2000 });
    try {
      expect((await one.hit(`${prefix}k`, 60_000)).count).toBe(1);
      expect((await two.hit(`${prefix}k`, 60_000)).count).toBe(2);
      const third = await one.hit(`${prefix}k`, 60_000);
      expect(third.count).toBe(3);
      expect(third.resetInMs).toBeGreaterThan(0);
      expect(third.resetInMs).toBeLessThanOrEqual(60_000);
      expect((await two.hit(`${prefix}other`, 60_000)).count).toBe(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('keeps counting while the event loop is busy past the budget (a loaded gateway still limits)', async () => {
    const counter = createRedisWindowCounter(SHARED_REDIS_URL, { commandTimeoutMs: 20 });
    try {
      await counter.hit(`${prefix}busy`, 60_000); // connected
      for (let round = 2; round <= 4; round += 1) {
        const hit = counter.hit(`${prefix}busy`, 60_000);
        // The script is on the wire after this turn of the loop; then 150 ms of synchronous work.
        await new Promise((resolve) => setImmediate(resolve));
        const until = performance.now() + 150;
        while (performance.now() < until) {
          // busy on purpose
        }
        expect((await hit).count).toBe(round);
      }
    } finally {
      await counter.close();
    }
  });
});
