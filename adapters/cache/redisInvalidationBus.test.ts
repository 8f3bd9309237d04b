import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { uniformCacheConfig } from './cacheConfig';
import { RedisCacheStore } from './redisCacheStore';
import { RedisInvalidationBus } from './redisInvalidationBus';
import { SystemCache } from './systemCache';
import { deleteKeysWithPrefix, eventually, SHARED_REDIS_URL, uniqueKeyPrefix } from './testing/redisTestkit';

/**
 * Pub/sub delivers at most once: what is published while a replica's subscriber connection is
 * down never reaches it. These tests cut that connection on the real Redis (CLIENT KILL, as a
 * network drop or a Redis failover would) and check that the replica knows it may have missed
 * evictions, and so does not serve its in-process layer across the gap.
 */
describe('RedisInvalidationBus on the shared Redis', () => {
  const prefix = uniqueKeyPrefix();
  const janitor = new Redis(SHARED_REDIS_URL);
  const closers: Array<() => unknown> = [];

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await deleteKeysWithPrefix(janitor, prefix);
    janitor.disconnect();
  });

  /**
   * A command connection named so that it and its subscriber (a duplicate: same name) can be
   * found in CLIENT LIST; like the product's (redisConnection.ts), it fails commands at once while
   * disconnected.
   */
  function namedClient(reconnectAfterMs = 50) {
    const name = `uvtest-bus-${randomBytes(4).toString('hex')}`;
    const client = new Redis(SHARED_REDIS_URL, { connectionName: name, enableOfflineQueue: false, enableAutoPipelining: true, maxRetriesPerRequest: 0, retryStrategy: () => reconnectAfterMs });
    closers.push(() => client.disconnect());
    return { name, client };
  }

  function bus(client: Redis) {
    const created = new RedisInvalidationBus(client, prefix, undefined, 2000);
    closers.push(() => created.close());
    return created;
  }

  /** Closes, from Redis's side, the connection named `name` that is subscribed (or the one that is not). */
  async function killConnection(name: string, which: 'subscriber' | 'commands'): Promise<void> {
    const clients = String(await janitor.client('LIST')).split('\n');
    const found = clients.find((line) => line.includes(` name=${name} `) && / sub=[1-9]/.test(line) === (which === 'subscriber'));
    if (!found) throw new Error(`no ${which} connection named ${name}`);
    await janitor.client('KILL', 'ID', found.match(/^id=(\d+)/)![1]);
  }
  const killSubscriber = (name: string) => killConnection(name, 'subscriber');

  const missedOnce = (target: RedisInvalidationBus) =>
    new Promise<void>((resolve) => {
      const stop = target.onMissedEvictions(() => {
        stop();
        resolve();
      });
    });

  it('listens once subscribed; a lost subscription is reported at once, and listening resumes after the reconnect', async () => {
    const listener = namedClient();
    const listening = bus(listener.client);
    const publishing = bus(namedClient().client);
    expect(await listening.ready()).toBe(true);
    expect(listening.listening()).toBe(true);
    const heard: string[] = [];
    listening.subscribe((message) => heard.push(...message.records.map((r) => r.localId)));

    await publishing.publish({ origin: 'test', records: [{ system: 'ERP', localId: 'before' }] });
    await eventually(async () => heard.includes('before'), 'an eviction delivered', 2000, 10);

    const missed = missedOnce(listening);
    await killSubscriber(listener.name);
    await missed;
    expect(listening.listening()).toBe(false);

    expect(await listening.ready(5000)).toBe(true); // subscribed again on the new connection
    await publishing.publish({ origin: 'test', records: [{ system: 'ERP', localId: 'after' }] });
    await eventually(async () => heard.includes('after'), 'an eviction delivered after the reconnect', 2000, 10);
  });

  it('tries a failed publish again in the background, so replicas that stayed subscribed still hear it', async () => {
    const listening = bus(namedClient().client);
    const publisher = namedClient();
    const publishing = bus(publisher.client);
    expect(await listening.ready()).toBe(true);
    const heard: string[] = [];
    listening.subscribe((message) => heard.push(...message.records.map((r) => r.localId)));

    const closed = new Promise<void>((resolve) => publisher.client.once('close', () => resolve()));
    await killConnection(publisher.name, 'commands');
    await closed;
    await publishing.publish({ origin: 'test', records: [{ system: 'ERP', localId: 'while-reconnecting' }] }); // fails at once: no connection
    expect(heard).toEqual([]);
    await eventually(async () => heard.includes('while-reconnecting'), 'the eviction delivered by a retry', 5000, 20);
  });

  it('a replica whose subscription was cut does not serve what it kept in memory across the gap', async () => {
    const config = uniformCacheConfig({ ttlMs: 60_000 }, { ttlMs: 60_000 });
    const replica = (client: Redis) => {
      const replicaBus = bus(client);
      const cache = new SystemCache({ store: new RedisCacheStore(client, { keyPrefix: prefix, commandTimeoutMs: 2000 }), bus: replicaBus, config, l1: true });
      cache.registerEntities('ERP', ['party']);
      closers.push(() => cache.close());
      return { cache, bus: replicaBus };
    };
    const two = namedClient(1000); // a gap long enough for the steps below on a busy machine
    const { cache: one } = replica(namedClient().client);
    const { cache: replicaTwo, bus: busTwo } = replica(two.client);
    expect(await busTwo.ready()).toBe(true);
    let value = 'A';
    let upstreamCalls = 0;
    const upstream = async (ids: string[]) => {
      upstreamCalls += 1;
      return new Map(ids.map((id) => [id, { name: value }]));
    };
    await eventually(async () => (await replicaTwo.cachedBatch('ERP', 'party', ['a'], upstream)).get('a')?.name === 'A', 'replica two warm', 2000, 10);

    // Two's subscriber is cut (and two has noticed); the edit's eviction is published while it
    // is away and is lost for it.
    const missed = missedOnce(busTwo);
    await killSubscriber(two.name);
    await missed;
    value = 'A2';
    await one.invalidate([{ system: 'ERP', localId: 'a' }]);

    const callsBefore = upstreamCalls;
    expect(busTwo.listening()).toBe(false); // the read below is in the gap
    expect((await replicaTwo.cachedBatch('ERP', 'party', ['a'], upstream)).get('a')).toEqual({ name: 'A2' });
    expect(upstreamCalls).toBe(callsBefore + 1); // the eviction removed the shared entry; two asked the system
    expect(await busTwo.ready(5000)).toBe(true); // it listens again once reconnected...
    expect((await replicaTwo.cachedBatch('ERP', 'party', ['a'], upstream)).get('a')).toEqual({ name: 'A2' }); // ...and never serves the old A again
  });

  it('subscribes again when Redis refused the SUBSCRIBE without closing the connection (an ACL)', async () => {
    const user = `uvtest-bus-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(8).toString('hex');
    await janitor.call('ACL', 'SETUSER', user, 'on', `>${password}`, '~*', '&*', '+@all', '-subscribe');
    closers.push(() => janitor.call('ACL', 'DELUSER', user));
    const client = new Redis(SHARED_REDIS_URL, { username: user, password, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    closers.push(() => client.disconnect());
    const refused: Error[] = [];
    const restricted = new RedisInvalidationBus(client, prefix, (error) => refused.push(error), 2000);
    closers.push(() => restricted.close());
    await eventually(async () => refused.some((e) => /NOPERM/.test(e.message)), 'the SUBSCRIBE refused', 2000, 10);
    expect(restricted.listening()).toBe(false);
    await janitor.call('ACL', 'SETUSER', user, '+subscribe');
    expect(await restricted.ready(5000)).toBe(true); // tried again by itself, no reconnect needed
  });
});
