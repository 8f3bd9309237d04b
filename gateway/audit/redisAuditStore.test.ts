import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describeAuditStoreContract } from './auditStoreContract.testing';
import { RedisAuditStore } from './redisAuditStore';
import { completeAuditEvent } from './recordAuditEvent';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeAuditStoreContract('RedisAuditStore', async () => {
  const keyPrefix = `uv-test-${randomUUID()}:`;
  const store = new RedisAuditStore(new Redis(REDIS_URL), { keyPrefix, scanBatch: 4 });
  return {
    store,
    cleanup: async () => {
      const redis = new Redis(REDIS_URL);
      await redis.del(`${keyPrefix}audit`);
      await redis.quit();
    },
  };
});

describe('RedisAuditStore stream', () => {
  const keyPrefix = `uv-test-${randomUUID()}:`;
  const redis = new Redis(REDIS_URL);
  afterAll(async () => {
    await redis.del(`${keyPrefix}audit`);
    await redis.quit();
  });

  it('appends to the stream <prefix>audit and trims only when a max length is configured', async () => {
    const unbounded = new RedisAuditStore(redis, { keyPrefix, ownsConnection: false });
    for (let i = 0; i < 5; i += 1) await unbounded.append(completeAuditEvent({ kind: 'ACCESS', subject: `s${i}`, customerIds: ['cust_AAAA0000'] }));
    expect(await redis.xlen(`${keyPrefix}audit`)).toBe(5);
    const entries = await redis.xrange(`${keyPrefix}audit`, '-', '+');
    expect(JSON.parse(entries[0][1][1])).toMatchObject({ kind: 'ACCESS', subject: 's0', customerIds: ['cust_AAAA0000'] });
  });
});
