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
    // Carol spends her whole budget here (this test does not lean on alice's above).
    const carol = { authorization: `Bearer ${await gatewayTestToken('teller', { subject: 'carol' })}` };
    for (let i = 0; i < limit; i += 1) expect((await postGraphQL(secured.gateway.url, QUERY, carol)).status).toBe(200);
    expect((await postGraphQL(secured.gateway.url, QUERY, carol)).status).toBe(429);
    const bob = { authorization: `Bearer ${await gatewayTestToken('teller', { subject: 'bob' })}` };
    expect((await postGraphQL(secured.gateway.url, QUERY, bob)).status).toBe(200);
  });

  it('does not count unauthenticated requests in Redis (they get 401 before the rate limit runs)', async () => {
    const counters = async () => {
      const keys = (await redis.keys(`${prefix}ratelimit:*`)).sort();
      return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await redis.get(key)] as const)));
    };
    // A window of this test's own, so "nothing moved" is measured against a counter that exists.
    const dora = { authorization: `Bearer ${await gatewayTestToken('teller', { subject: 'dora' })}` };
    expect((await postGraphQL(secured.gateway.url, QUERY, dora)).status).toBe(200);
    const before = await counters();
    expect(Object.values(before)).toContain('1');
    for (let i = 0; i < 5; i += 1) expect((await postGraphQL(secured.gateway.url, QUERY)).status).toBe(401);
    // No new window (an address-keyed one would appear) and no existing one moved.
    expect(await counters()).toEqual(before);
  });
});

describe('useRateLimit and unauthenticated requests', () => {
  it('never asks the counter about a request it refuses with 401, and does for an authenticated one', async () => {
    const hits: string[] = [];
    const memory = createMemoryWindowCounter();
    const recording = { hit: (key: string, windowMs: number) => (hits.push(key), memory.hit(key, windowMs)), close: async () => undefined };
    const secured = await startSecuredTestGateway({ rateLimit: { limit: 100, windowMs: 60_000, counter: recording } });
    try {
      for (const authorization of [undefined, 'Bearer not-a-token', 'Basic dXNlcjpwYXNz']) {
        const answer = await postGraphQL(secured.gateway.url, QUERY, authorization ? { authorization } : {});
        expect({ authorization, status: answer.status }).toEqual({ authorization, status: 401 });
      }
      expect(hits).toEqual([]);
      // The counter is really in place: the first authenticated request is counted, once.
      const headers = { authorization: `Bearer ${await gatewayTestToken('teller', { subject: 'erin' })}` };
      expect((await postGraphQL(secured.gateway.url, QUERY, headers)).status).toBe(200);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatch(/^uv:ratelimit:/);
    } finally {
      await secured.close();
    }
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
