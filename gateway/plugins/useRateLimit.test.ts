import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { postGraphQL } from '../testing/testSubgraphs';
import { gatewayTestToken, startSecuredTestGateway, type SecuredTestGateway } from '../auth/testing/securedTestGateway';
import { createMemoryWindowCounter } from './rateLimitCounters';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUERY = { query: '{ person(id: "1") { id } }' };

describe('useRateLimit across two replicas sharing Redis', () => {
  const prefix = `uv-test-${randomUUID()}:`;
  const limit = 7;
  let secured: SecuredTestGateway;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const rateLimit = { limit, windowMs: 60_000, redisUrl: REDIS_URL, keyPrefix: prefix };
    secured = await startSecuredTestGateway({ rateLimit });
  });
  afterAll(async () => {
    await secured?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('lets one principal make at most `limit` requests in a window, whichever replica answers', async () => {
    const replica = await secured.replica();
    const headers = { authorization: `Bearer ${await gatewayTestToken('teller', { subject: 'alice' })}` };
    const statuses: number[] = [];
    const refusals: Array<{ status: number; headers: Headers; json: { errors: Array<{ message: string; extensions: Record<string, unknown> }> } }> = [];
    // Alternate replicas, a few at a time concurrently, well past the limit.
    for (let round = 0; round < 4; round += 1) {
      const answers = await Promise.all(
        [secured.gateway, replica, secured.gateway, replica].map((g) => postGraphQL(g.url, QUERY, headers)),
      );
      for (const answer of answers) {
        statuses.push(answer.status);
        if (answer.status === 429) refusals.push(answer);
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16 - limit);
    const refusal = refusals[0];
    expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refusal.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refusal.json.errors[0].message).toMatch(/Rate limit exceeded/);
    expect(await redis.keys(`${prefix}ratelimit:*`)).toHaveLength(1);
  });

  it('counts each principal separately', async () => {
    const bob = { authorization: `Bearer ${await gatewayTestToken('teller', { subject: 'bob' })}` };
    expect((await postGraphQL(secured.gateway.url, QUERY, bob)).status).toBe(200);
  });

  it('does not count unauthenticated requests (they get 401 before the rate limit runs)', async () => {
    const counters = async () => {
      const keys = (await redis.keys(`${prefix}ratelimit:*`)).sort();
      return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await redis.get(key)] as const)));
    };
    const before = await counters();
    expect(Object.keys(before)).toHaveLength(2); // alice's and bob's windows
    for (let i = 0; i < 5; i += 1) expect((await postGraphQL(secured.gateway.url, QUERY)).status).toBe(401);
    // No new window (an address-keyed one would appear) and no existing one moved.
    expect(await counters()).toEqual(before);
  });
});

describe('createMemoryWindowCounter', () => {
  it('counts within a window and starts over after it', async () => {
    let now = 1_000;
    const counter = createMemoryWindowCounter(() => now);
    expect(await counter.hit('k', 100)).toEqual({ count: 1, resetInMs: 100 });
    now += 60;
    expect(await counter.hit('k', 100)).toEqual({ count: 2, resetInMs: 40 });
    expect(await counter.hit('other', 100)).toEqual({ count: 1, resetInMs: 100 });
    now += 40;
    expect(await counter.hit('k', 100)).toEqual({ count: 1, resetInMs: 100 });
  });
});

describe('useRateLimit when its store fails', () => {
  it('lets requests through (the limit protects capacity; its outage must not take the graph down)', async () => {
    const broken = { hit: async () => Promise.reject(new Error('connection refused')), close: async () => undefined };
    const secured = await startSecuredTestGateway({ rateLimit: { limit: 1, windowMs: 60_000, counter: broken } });
    try {
      const headers = { authorization: `Bearer ${await gatewayTestToken('teller')}` };
      for (let i = 0; i < 3; i += 1) expect((await postGraphQL(secured.gateway.url, QUERY, headers)).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});
