import { eventually } from './testing/redisTestkit';
import { MemoryCacheStore } from './memoryCacheStore';

describe('MemoryCacheStore', () => {
  it('stores, reads in order, deletes', async () => {
    const store = new MemoryCacheStore();
    await store.mset([
      { key: 'a', entry: { value: { n: 1 }, storedAt: 5 }, ttlMs: 60_000 },
      { key: 'b', entry: { value: null, storedAt: 6 }, ttlMs: 60_000 },
    ]);
    expect(await store.mget(['b', 'x', 'a'])).toEqual([{ value: null, storedAt: 6 }, undefined, { value: { n: 1 }, storedAt: 5 }]);
    await store.del(['a']);
    expect(await store.get('a')).toBeUndefined();
  });

  it('hands out copies, so a caller cannot mutate the cached value', async () => {
    const store = new MemoryCacheStore();
    const value = { list: [1] };
    await store.set('k', { value, storedAt: 1 }, 60_000);
    value.list.push(2);
    const read = (await store.get('k'))?.value as { list: number[] };
    read.list.push(3);
    expect((await store.get('k'))?.value).toEqual({ list: [1] });
  });

  it('forgets an entry after its physical TTL', async () => {
    const store = new MemoryCacheStore();
    await store.set('short', { value: 1, storedAt: 1 }, 20);
    await eventually(async () => (await store.get('short')) === undefined, 'entry expired', 2000);
  });

  it('evicts the least recently used entry past its capacity', async () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    await store.set('a', { value: 1, storedAt: 1 }, 60_000);
    await store.set('b', { value: 2, storedAt: 1 }, 60_000);
    await store.get('a');
    await store.set('c', { value: 3, storedAt: 1 }, 60_000);
    expect(await store.mget(['a', 'b', 'c'])).toEqual([{ value: 1, storedAt: 1 }, undefined, { value: 3, storedAt: 1 }]);
    expect(store.size).toBe(2);
  });
});
