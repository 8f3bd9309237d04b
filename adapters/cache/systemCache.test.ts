import { UpstreamProtocolError, UpstreamTimeout, UpstreamUnavailable } from '../kit/errors';
import { currentRequestSignal, runInRequestScope as runInKitScope } from '../kit/requestContext';
import { LRUCache } from 'lru-cache';
import { BLIND_BUS_L1_TTL_MS, uniformCacheConfig } from './cacheConfig';
import { entryKey } from './cacheKeys';
import { LocalInvalidationBus, type InvalidationBus, type InvalidationMessage } from './invalidationBus';
import { MemoryCacheStore } from './memoryCacheStore';
import { runInRequestScope, staleReports } from './requestScope';
import { SystemCache } from './systemCache';

/** A fake upstream batch read counting its calls; `fail` makes the next calls throw. */
function fakeUpstream(records: Record<string, string>) {
  const calls: string[][] = [];
  let failure: Error | null = null;
  let gate: Promise<void> | null = null;
  return {
    calls,
    records,
    failWith(error: Error | null) {
      failure = error;
    },
    holdUntil(promise: Promise<void> | null) {
      gate = promise;
    },
    async fetch(ids: string[]): Promise<Map<string, { name: string } | null>> {
      calls.push([...ids]);
      if (gate) await gate;
      if (failure) throw failure;
      return new Map(ids.map((id) => [id, id in records ? { name: records[id] } : null]));
    },
  };
}

function setup(policy = { ttlMs: 1000, maxStaleMs: 5000, notFoundTtlMs: 200 }) {
  let now = 1_000_000;
  const cache = new SystemCache({ store: new MemoryCacheStore(), config: uniformCacheConfig(policy), clock: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('SystemCache', () => {
  it('serves fresh entries without a call and fetches only the missing ids, in one call', async () => {
    const { cache } = setup();
    const upstream = fakeUpstream({ a: 'A', b: 'B', c: 'C' });
    const first = await cache.cachedBatch('ERP', 'party', ['a', 'b'], (ids) => upstream.fetch(ids));
    expect([...first]).toEqual([
      ['a', { name: 'A' }],
      ['b', { name: 'B' }],
    ]);
    const second = await cache.cachedBatch('ERP', 'party', ['c', 'a', 'b', 'c'], (ids) => upstream.fetch(ids));
    expect([...second.keys()]).toEqual(['c', 'a', 'b']);
    expect(second.get('c')).toEqual({ name: 'C' });
    expect(upstream.calls).toEqual([['a', 'b'], ['c']]);
    expect(cache.metrics.snapshot().ERP).toEqual({ hits: 2, misses: 3, staleServed: 0 });
  });

  it('refetches after the TTL and caches not-found for its own shorter TTL', async () => {
    const { cache, advance } = setup();
    const upstream = fakeUpstream({ a: 'A' });
    await cache.cachedBatch('ERP', 'party', ['a', 'missing'], (ids) => upstream.fetch(ids));
    advance(199);
    expect((await cache.cachedBatch('ERP', 'party', ['a', 'missing'], (ids) => upstream.fetch(ids))).get('missing')).toBeNull();
    expect(upstream.calls).toHaveLength(1);
    advance(1);
    await cache.cachedBatch('ERP', 'party', ['a', 'missing'], (ids) => upstream.fetch(ids));
    expect(upstream.calls[1]).toEqual(['missing']);
    advance(800);
    upstream.records.a = 'A2';
    const after = await cache.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
    expect(after.get('a')).toEqual({ name: 'A2' });
    expect(upstream.calls[2]).toEqual(['a']);
  });

  it('keeps entities apart', async () => {
    const { cache } = setup();
    const parties = fakeUpstream({ a: 'party' });
    const orders = fakeUpstream({ a: 'orders' });
    await cache.cachedBatch('ERP', 'party', ['a'], (ids) => parties.fetch(ids));
    expect((await cache.cachedBatch('ERP', 'salesOrders', ['a'], (ids) => orders.fetch(ids))).get('a')).toEqual({ name: 'orders' });
  });

  it('serves stale within max-stale on a transient failure and reports it to the request scope', async () => {
    const { cache, advance } = setup();
    const upstream = fakeUpstream({ a: 'A', b: 'B' });
    await cache.cachedBatch('CARDS', 'party', ['a', 'b'], (ids) => upstream.fetch(ids));
    advance(3000);
    upstream.failWith(new UpstreamUnavailable('CARDS', 'listCardholders', 'circuit open'));
    const { result, stale } = await runInRequestScope(async () => ({
      result: await cache.cachedBatch('CARDS', 'party', ['a', 'b'], (ids) => upstream.fetch(ids)),
      stale: staleReports(),
    }));
    expect(result.get('a')).toEqual({ name: 'A' });
    expect(stale).toEqual([{ system: 'CARDS', ageMs: 3000 }]);
    expect(cache.metrics.snapshot().CARDS?.staleServed).toBe(2);
    upstream.failWith(new UpstreamTimeout('CARDS', 'listCardholders', 100));
    advance(3001); // now 6001 ms old: past TTL + max-stale
    await expect(cache.cachedBatch('CARDS', 'party', ['a'], (ids) => upstream.fetch(ids))).rejects.toBeInstanceOf(UpstreamTimeout);
  });

  it('rethrows when one id has nothing stale, and never hides a non-transient error', async () => {
    const { cache, advance } = setup();
    const upstream = fakeUpstream({ a: 'A', b: 'B' });
    await cache.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
    advance(1500);
    upstream.failWith(new UpstreamUnavailable('ERP', 'queryBusinessPartners', 'HTTP 503'));
    await expect(cache.cachedBatch('ERP', 'party', ['a', 'b'], (ids) => upstream.fetch(ids))).rejects.toBeInstanceOf(UpstreamUnavailable);
    upstream.failWith(new UpstreamProtocolError('ERP', 'queryBusinessPartners', 'truncated'));
    await expect(cache.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).rejects.toBeInstanceOf(UpstreamProtocolError);
  });

  it('coalesces concurrent reads of the same ids into one upstream call', async () => {
    const { cache } = setup();
    const upstream = fakeUpstream({ a: 'A', b: 'B', c: 'C' });
    let release!: () => void;
    upstream.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const reads = [
      cache.cachedBatch('ERP', 'party', ['a', 'b'], (ids) => upstream.fetch(ids)),
      cache.cachedBatch('ERP', 'party', ['b', 'a'], (ids) => upstream.fetch(ids)),
      cache.cachedBatch('ERP', 'party', ['a', 'b', 'c'], (ids) => upstream.fetch(ids)),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const results = await Promise.all(reads);
    expect(upstream.calls).toEqual([['a', 'b'], ['c']]);
    expect(results[2].get('c')).toEqual({ name: 'C' });
    expect(results[1].get('a')).toEqual({ name: 'A' });
  });

  it('cancels a coalesced call only when every request waiting for it is cancelled', async () => {
    const { cache } = setup();
    const upstream = fakeUpstream({ a: 'A' });
    let release!: () => void;
    upstream.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const signals: Array<AbortSignal | undefined> = [];
    const fetch = (ids: string[]) => {
      signals.push(currentRequestSignal());
      return upstream.fetch(ids);
    };
    const first = new AbortController();
    const second = new AbortController();
    const reads = [first, second].map((request) =>
      runInKitScope({ signal: request.signal }, () => cache.cachedBatch('ERP', 'party', ['a'], fetch)).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(upstream.calls).toEqual([['a']]);
    // The request that started the call hangs up: the other still gets its answer.
    first.abort();
    expect(signals[0]?.aborted).toBe(false);
    second.abort();
    expect(signals[0]?.aborted).toBe(true);
    release();
    await Promise.all(reads);
  });

  it('evicts every entity of a record, and does not write back a read that raced an eviction', async () => {
    const { cache } = setup();
    const parties = fakeUpstream({ a: 'A' });
    const orders = fakeUpstream({ a: 'O' });
    await cache.cachedBatch('ERP', 'party', ['a'], (ids) => parties.fetch(ids));
    await cache.cachedBatch('ERP', 'salesOrders', ['a'], (ids) => orders.fetch(ids));
    await cache.invalidate([{ system: 'ERP', localId: 'a', entity: 'party' }]);
    let release!: () => void;
    parties.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const racing = cache.cachedBatch('ERP', 'party', ['a'], (ids) => parties.fetch(ids));
    await new Promise((resolve) => setImmediate(resolve));
    await cache.invalidate([{ system: 'ERP', localId: 'a' }]);
    release();
    await racing;
    parties.holdUntil(null);
    await cache.cachedBatch('ERP', 'party', ['a'], (ids) => parties.fetch(ids));
    await cache.cachedBatch('ERP', 'salesOrders', ['a'], (ids) => orders.fetch(ids));
    expect(parties.calls).toHaveLength(3);
    expect(orders.calls).toHaveLength(2);
  });

  it('evicts the owner of a secondary id named by a change (a card -> its cardholder)', async () => {
    const { cache } = setup();
    const cards = { calls: 0 };
    const fetchCards = async (ids: string[]) => {
      cards.calls += 1;
      return new Map(ids.map((id) => [id, [{ cardId: `card-of-${id}` }]]));
    };
    const index = { entity: 'card', ids: (list: Array<{ cardId: string }>) => list.map((c) => c.cardId) };
    await cache.cachedBatch('CARDS', 'cards', ['h1', 'h2'], fetchCards, { index });
    await cache.invalidate([{ system: 'CARDS', entity: 'card', localId: 'card-of-h1' }]);
    await cache.cachedBatch('CARDS', 'cards', ['h1', 'h2'], async (ids) => {
      expect(ids).toEqual(['h1']);
      return fetchCards(ids);
    }, { index });
    expect(cards.calls).toBe(2);
  });

  it('tells the other replicas over the bus, and listeners of both', async () => {
    const store = new MemoryCacheStore();
    const bus = new LocalInvalidationBus();
    const config = uniformCacheConfig({ ttlMs: 60_000 }, { ttlMs: 60_000 });
    const one = new SystemCache({ store, bus, config, l1: true });
    const two = new SystemCache({ store, bus, config, l1: true });
    for (const replica of [one, two]) replica.registerEntities('ERP', ['party']);
    const upstream = fakeUpstream({ a: 'A' });
    await one.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
    await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
    expect(upstream.calls).toHaveLength(1);
    const heard: string[] = [];
    two.onInvalidate((records) => heard.push(...records.map((r) => r.localId)));
    upstream.records.a = 'A2';
    await one.invalidate([{ system: 'ERP', localId: 'a' }]);
    expect(heard).toEqual(['a']);
    expect((await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
    one.close();
    two.close();
  });

  describe('the in-process layer', () => {
    /** A store that counts its reads and can hold one between reading and answering. */
    class CountingStore extends MemoryCacheStore {
      reads = 0;
      hold: Promise<void> | null = null;
      readStarted: () => void = () => undefined;
      async mget(keys: readonly string[]) {
        this.reads += 1;
        const entries = await super.mget(keys);
        this.readStarted();
        if (this.hold) await this.hold;
        return entries;
      }
    }

    /** The in-process bus, with the subscription's state in the test's hands: while off, what is published is lost. */
    class SwitchableBus extends LocalInvalidationBus {
      on = true;
      private readonly missed = new Set<() => void>();
      async publish(message: InvalidationMessage) {
        if (this.on) await super.publish(message);
      }
      listening() {
        return this.on;
      }
      onMissedEvictions(listener: () => void) {
        this.missed.add(listener);
        return () => void this.missed.delete(listener);
      }
      lose() {
        this.on = false;
        for (const listener of this.missed) listener();
      }
    }

    const config = uniformCacheConfig({ ttlMs: 60_000 }, { ttlMs: 60_000 });

    function replicas() {
      const store = new CountingStore();
      const bus = new SwitchableBus();
      const one = new SystemCache({ store, bus, config, l1: true });
      const two = new SystemCache({ store, bus, config, l1: true });
      for (const replica of [one, two]) replica.registerEntities('ERP', ['party']);
      return { store, bus, one, two, close: () => [one, two].forEach((r) => r.close()) };
    }

    it('answers a repeated read without the store', async () => {
      const { store, one, close } = replicas();
      const upstream = fakeUpstream({ a: 'A' });
      await one.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
      const readsBefore = store.reads;
      expect((await one.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A' });
      expect(store.reads).toBe(readsBefore);
      close();
    });

    it('does not keep a value read from the store while its record was being evicted', async () => {
      const { store, one, two, close } = replicas();
      const upstream = fakeUpstream({ a: 'A' });
      await one.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids)); // the store holds A
      let release!: () => void;
      store.hold = new Promise<void>((resolve) => (release = resolve));
      const readStarted = new Promise<void>((resolve) => (store.readStarted = resolve));
      const racing = two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
      await readStarted; // two has read A from the store; its answer is still on the way
      store.hold = null;
      upstream.records.a = 'A2';
      await one.invalidate([{ system: 'ERP', localId: 'a' }]);
      release();
      expect((await racing).get('a')).toEqual({ name: 'A' }); // read before the eviction: that request saw the old value
      // ...but two must not go on serving it from its own memory.
      expect((await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
      close();
    });

    it('is not used while the bus is not listening, and forgets everything when evictions were missed', async () => {
      const { store, bus, one, two, close } = replicas();
      const upstream = fakeUpstream({ a: 'A' });
      await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids)); // two keeps A in memory
      bus.lose(); // two's subscription is gone: the eviction below never reaches it
      upstream.records.a = 'A2';
      await one.invalidate([{ system: 'ERP', localId: 'a' }]);
      const readsBefore = store.reads;
      expect((await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
      await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
      expect(store.reads).toBe(readsBefore + 2); // every read went to the store
      bus.on = true; // subscribed again: the layer fills and serves again
      await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
      const readsAfter = store.reads;
      expect((await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
      expect(store.reads).toBe(readsAfter);
      close();
    });

    it('does not keep a value read while the bus was not listening, even if it listens again before the read ends', async () => {
      const { store, bus, one, two, close } = replicas();
      const upstream = fakeUpstream({ a: 'A' });
      await one.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids)); // the store holds A
      bus.lose();
      let release!: () => void;
      store.hold = new Promise<void>((resolve) => (release = resolve));
      const readStarted = new Promise<void>((resolve) => (store.readStarted = resolve));
      const racing = two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
      await readStarted; // two has read A; the eviction below is lost for it
      store.hold = null;
      upstream.records.a = 'A2';
      await one.invalidate([{ system: 'ERP', localId: 'a' }]);
      bus.on = true; // subscribed again before two's read ends
      release();
      await racing;
      expect((await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
      close();
    });

    it('does not store what the system answered while evictions were being lost', async () => {
      const { bus, one, two, close } = replicas();
      const upstream = fakeUpstream({ a: 'A' });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let asked!: () => void;
      const systemAsked = new Promise<void>((resolve) => (asked = resolve));
      // The system answers A (read now), and the answer arrives late.
      const fetching = two.cachedBatch('ERP', 'party', ['a'], async (ids) => {
        const answer = await upstream.fetch(ids);
        asked();
        await gate;
        return answer;
      });
      await systemAsked;
      bus.lose(); // the edit's eviction is lost for two, whose answer predates it
      upstream.records.a = 'A2';
      await one.invalidate([{ system: 'ERP', localId: 'a' }]);
      bus.on = true;
      release();
      expect((await fetching).get('a')).toEqual({ name: 'A' });
      // Neither two's memory nor the shared store kept A: both replicas read A2.
      expect((await two.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
      expect((await one.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids))).get('a')).toEqual({ name: 'A2' });
      close();
    });

    it('lives at most BLIND_BUS_L1_TTL_MS beside a bus that cannot see a lost subscription', async () => {
      const remainingTtl = (bus: InvalidationBus) => {
        const cache = new SystemCache({ store: new MemoryCacheStore(), bus, config, l1: true });
        return cache
          .cachedBatch('ERP', 'party', ['a'], (ids) => fakeUpstream({ a: 'A' }).fetch(ids))
          .then(() => (cache as unknown as { l1: LRUCache<string, object> }).l1.getRemainingTTL(entryKey('ERP', 'party', 'a')))
          .finally(() => cache.close());
      };
      class BlindBus extends LocalInvalidationBus {
        readonly seesLostSubscriptions = false;
      }
      expect(await remainingTtl(new LocalInvalidationBus())).toBeGreaterThan(BLIND_BUS_L1_TTL_MS); // the configured 60 s
      const blind = await remainingTtl(new BlindBus());
      expect(blind).toBeGreaterThan(0);
      expect(blind).toBeLessThanOrEqual(BLIND_BUS_L1_TTL_MS);
    });
  });

  it('passes straight through for a system with TTL 0', async () => {
    const { cache } = setup({ ttlMs: 0, maxStaleMs: 0, notFoundTtlMs: 0 });
    const upstream = fakeUpstream({ a: 'A' });
    await cache.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
    await cache.cachedBatch('ERP', 'party', ['a'], (ids) => upstream.fetch(ids));
    expect(upstream.calls).toHaveLength(2);
  });
});
