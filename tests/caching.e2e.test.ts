import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { deleteKeysWithPrefix, eventually, SHARED_REDIS_URL, uniqueKeyPrefix } from '../adapters/cache/testing/redisTestkit';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { tokenFor, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A teller's scenario: customer360 and the partner's e-mails (PII) served from the shared cache.
callAs('teller');

/**
 * Two gateway replicas (each with its own subgraphs, adapters and in-process cache layer) over
 * the same legacy systems, sharing one Redis: the deployment the cache is built for.
 */
describe('caching across replicas sharing Redis', () => {
  const prefix = uniqueKeyPrefix();
  let dataset: Dataset;
  let replicaA: RunningStack;
  let replicaB: RunningStack;
  let customerId: string;
  let partnerId: string;
  let tokenForAuditor: string;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    tokenForAuditor = await tokenFor('auditor');
    const cacheEnv = {
      REDIS_URL: SHARED_REDIS_URL,
      CACHE_KEY_PREFIX: prefix,
      // Long TTLs everywhere, also in-process: only invalidation can make a change visible.
      CACHE_TTL_MS: '600000',
      CACHE_L1_TTL_MS: '600000',
      // Cards expire at once, so a read after the outage asks the system and falls back to stale.
      CARDS_CACHE_TTL_MS: '1',
      CHANGE_POLL_MS: '100',
      CACHE_REDIS_TIMEOUT_MS: '2000',
    };
    replicaA = await startTestStack(dataset, { cacheEnv });
    replicaB = await startTestStack(dataset, { cacheEnv, simulators: replicaA.simulators });
    const person = dataset.truth.find((p) => p.keys.partnerIds.length === 1 && p.keys.cardholderIds.length >= 1 && p.keys.cifs.length === 1)!;
    partnerId = person.keys.partnerIds[0];
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(replicaA.gateway.url, `{ customerBySourceKey(system: ERP, localId: "${partnerId}") { id } }`);
    customerId = found.data!.customerBySourceKey.id;
  });
  afterAll(async () => {
    await replicaB?.close();
    await replicaA?.close();
    const redis = new Redis(SHARED_REDIS_URL);
    await deleteKeysWithPrefix(redis, prefix);
    redis.disconnect();
  });

  const partnerEmail = async (stack: RunningStack) => {
    const answer = await postGraphQL<{ customer: { erpPartner: { emails: string[] } | null } }>(stack.gateway.url, 'query($id: ID!) { customer(id: $id) { erpPartner { emails } } }', { id: customerId });
    return answer.data?.customer.erpPartner?.emails[0] ?? null;
  };

  it('serves repeated reads from the cache, not the legacy system', async () => {
    await partnerEmail(replicaA);
    replicaA.simulators.ERP.stats.reset();
    await partnerEmail(replicaA);
    await partnerEmail(replicaB);
    expect(replicaA.simulators.ERP.stats.snapshot().byOperation.queryBusinessPartners ?? 0).toBe(0);
  });

  it('makes a change in the source system visible through every replica', async () => {
    const edit = await fetch(`${replicaA.simulators.ERP.url}/__admin/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId, changes: { email: 'changed.in.erp@example.org' } }),
    });
    expect(edit.status).toBe(200);
    await eventually(async () => (await partnerEmail(replicaA)) === 'changed.in.erp@example.org', 'replica A sees the change', 10_000, 50);
    await eventually(async () => (await partnerEmail(replicaB)) === 'changed.in.erp@example.org', 'replica B sees the change', 10_000, 50);
  });

  it('serves stale data with its marker when the system is down, and says which system', async () => {
    await postGraphQL(replicaA.gateway.url, operation('customer360'), { id: customerId });
    replicaA.simulators.CARDS.setFaults({ down: true });
    try {
      type Answer = Awaited<ReturnType<typeof postGraphQL<{ customer: { cards: unknown[] | null } }>>>;
      let answer: Answer | undefined;
      await eventually(async () => {
        answer = await postGraphQL<{ customer: { cards: unknown[] | null } }>(replicaA.gateway.url, operation('customer360'), { id: customerId });
        return (answer.extensions?.stale?.length ?? 0) > 0;
      }, 'a stale marker', 10_000, 50);
      expect(answer!.data!.customer.cards).not.toBeNull();
      expect(answer!.extensions!.stale!.map((s) => s.system)).toContain('CARDS');
      for (const marker of answer!.extensions!.stale!) expect(marker.ageMs).toBeGreaterThanOrEqual(0);
    } finally {
      replicaA.simulators.CARDS.setFaults({ down: false });
    }
  });

  it('shares automatic persisted queries between replicas through the same cache', async () => {
    const query = operation('customer360');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    const send = (stack: RunningStack, body: Record<string, unknown>) =>
      fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenForAuditor}` }, body: JSON.stringify(body) })
        .then((r) => r.json() as Promise<{ data?: { customer: { id: string } }; errors?: Array<{ extensions?: { code?: string } }> }>);

    const unknown = await send(replicaB, { variables: { id: customerId }, extensions: persisted });
    expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await send(replicaA, { query, variables: { id: customerId }, extensions: persisted });
    expect(registered.data?.customer.id).toBe(customerId);
    const byHash = await send(replicaB, { variables: { id: customerId }, extensions: persisted });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data?.customer.id).toBe(customerId);
  });
});
