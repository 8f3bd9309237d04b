import { Cluster } from 'ioredis';
import { uniformCacheConfig } from './cacheConfig';
import { createCacheBackendFromEnv } from './cacheFromEnv';
import { RedisCacheStore } from './redisCacheStore';
import { SystemCache } from './systemCache';
import { deleteKeysWithPrefix, startRedisCluster, type RedisClusterProcesses } from './testing/redisTestkit';

describe('cache on a 3-master Redis Cluster', () => {
  let cluster: RedisClusterProcesses;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
  }, 30_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('stores and reads many keys across slots, evicts records, and spreads keys over every master', async () => {
    const prefix = 'cl:';
    // A generous command budget: on a loaded CI machine a correctness test must not see a degraded miss.
    const backend = createCacheBackendFromEnv({ REDIS_CLUSTER_NODES: cluster.nodeList, CACHE_KEY_PREFIX: prefix, CACHE_REDIS_TIMEOUT_MS: '2000' });
    const store = backend.store as RedisCacheStore;
    const cache = new SystemCache({ store, bus: backend.bus, config: uniformCacheConfig({ ttlMs: 60_000 }), l1: false });
    try {
      expect(await backend.ready(10_000)).toBe(true);
      const ids = Array.from({ length: 200 }, (_, i) => String(1_000_000_001 + i));
      let upstreamCalls = 0;
      const fetch = async (missing: string[]) => {
        upstreamCalls += 1;
        return new Map(missing.map((id) => [id, { id, name: `n${id}` }]));
      };

      const first = await cache.cachedBatch('ERP', 'party', ids, fetch);
      const again = await cache.cachedBatch('ERP', 'party', ids, fetch);
      expect(upstreamCalls).toBe(1);
      expect(store.failedCommands).toBe(0);
      expect([...again]).toEqual([...first]);
      expect(again.get(ids[150])).toEqual({ id: ids[150], name: `n${ids[150]}` });

      await cache.invalidate(ids.slice(0, 10).map((localId) => ({ system: 'ERP' as const, localId })));
      await cache.cachedBatch('ERP', 'party', ids, async (missing) => {
        expect(missing).toEqual(ids.slice(0, 10));
        return fetch(missing);
      });
      expect(store.failedCommands).toBe(0);

      const client = store.client as Cluster;
      const perMaster = await Promise.all(client.nodes('master').map((node) => node.dbsize()));
      expect(perMaster).toHaveLength(3);
      for (const count of perMaster) expect(count).toBeGreaterThan(0);
      expect(await deleteKeysWithPrefix(client, prefix)).toBe(200);
    } finally {
      cache.close();
      await backend.close();
    }
  });
});
