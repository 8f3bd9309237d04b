import { eventually, startRedisServer, type RedisProcess } from '../adapters/cache/testing/redisTestkit';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { startTestStack, testDataset } from './support/testStack';

/** The gateway over a Redis of its own that the test stops and restarts mid-run. */
describe('Redis going away mid-run', () => {
  let redis: RedisProcess;
  let stack: RunningStack;
  let customerId: string;

  beforeAll(async () => {
    const { dataset } = await testDataset();
    redis = await startRedisServer();
    stack = await startTestStack(dataset, {
      cacheEnv: { REDIS_URL: redis.url, CACHE_TTL_MS: '600000', CACHE_L1_TTL_MS: '0', CHANGE_POLL_MS: '0', CACHE_REDIS_TIMEOUT_MS: '500' },
    });
    const person = dataset.truth.find((p) => p.keys.partnerIds.length === 1)!;
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: ERP, localId: "${person.keys.partnerIds[0]}") { id } }`);
    customerId = found.data!.customerBySourceKey.id;
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.stop();
  });

  const readPartner = () => postGraphQL<{ customer: { erpPartner: { localId: string } | null } }>(stack.gateway.url, 'query($id: ID!) { customer(id: $id) { erpPartner { localId } } }', { id: customerId });
  const erpReads = () => stack.simulators.ERP.stats.snapshot().byOperation.queryBusinessPartners ?? 0;

  it('serves from Redis, keeps answering without errors while Redis is gone, and caches again when it returns', async () => {
    await readPartner();
    const warm = erpReads();
    expect((await readPartner()).data!.customer.erpPartner).not.toBeNull();
    expect(erpReads()).toBe(warm); // a hit

    const port = redis.port;
    await redis.stop();
    for (let i = 0; i < 3; i++) {
      const answer = await readPartner();
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.customer.erpPartner).not.toBeNull();
    }
    expect(erpReads()).toBeGreaterThan(warm); // uncached: every read went to the ERP

    redis = await startRedisServer({ port });
    // ioredis reconnects by itself; once it has, a read is stored and the next one is a hit.
    await eventually(async () => {
      await readPartner();
      const before = erpReads();
      await readPartner();
      return erpReads() === before;
    }, 'caching to resume', 15_000, 100);
  });
});
