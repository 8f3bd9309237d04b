import { deleteKeysWithPrefix, eventually, SHARED_REDIS_URL, startRedisServer, uniqueKeyPrefix } from '../../adapters/cache/testing/redisTestkit';
import { Redis } from 'ioredis';
import { createRedisWindowCounter, RateLimitStoreSuspended } from './rateLimitCounters';

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
    const counter = createRedisWindowCounter(SHARED_REDIS_URL, { commandTimeoutMs: 50, suspendAfterTimeoutMs: 0 });
    try {
      // Connected (a fresh connection on a loaded machine may take longer than the budget).
      let count = 0;
      await eventually(async () => {
        count = await counter.hit(`${prefix}busy`, 60_000).then((hit) => hit.count, () => 0);
        return count > 0;
      }, 'first count');
      for (let round = 1; round <= 3; round += 1) {
        const hit = counter.hit(`${prefix}busy`, 60_000);
        // The script is on the wire after this turn of the loop; then 250 ms of synchronous work.
        await new Promise((resolve) => setImmediate(resolve));
        const until = performance.now() + 250;
        while (performance.now() < until) {
          // busy on purpose
        }
        expect((await hit).count).toBe(count + round);
      }
    } finally {
      await counter.close();
    }
  });

  it('skips a Redis that stopped answering for a while after one timeout, then counts again', async () => {
    const redis = await startRedisServer();
    const counter = createRedisWindowCounter(redis.url, { commandTimeoutMs: 200, suspendAfterTimeoutMs: 300 });
    try {
      await eventually(() => counter.hit('warm', 60_000).then(() => true, () => false), 'connected');
      expect((await counter.hit('k', 60_000)).count).toBe(1);
      redis.pause();
      // Timed out: by the budget (CommandDeadlineExceeded) or, when this worker's loop was too busy
      // for the budget to judge Redis (a loaded CI machine), by ioredis's backstop. Either suspends.
      await expect(counter.hit('k', 60_000)).rejects.toThrow(/timed out/i);
      // Not asked again while suspended: refused at once (the request is let through).
      await expect(counter.hit('k', 60_000)).rejects.toBeInstanceOf(RateLimitStoreSuspended);
      redis.resume();
      // Counting again once the suspension is over (the count that timed out may have reached Redis too).
      let count = 0;
      await eventually(async () => {
        count = await counter.hit('k', 60_000).then((hit) => hit.count, () => 0);
        return count > 0;
      }, 'counting again after the suspension');
      expect(count).toBeGreaterThanOrEqual(2);
    } finally {
      await counter.close();
      await redis.stop();
    }
  });
});
