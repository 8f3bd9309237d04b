import type { SourceParty } from '../canonical';
import { uniformCacheConfig } from './cacheConfig';
import { MemoryCacheStore } from './memoryCacheStore';
import { SystemCache } from './systemCache';
import { withCache } from './withCache';

interface FakeAdapter {
  readonly system: 'CALL_CENTER';
  readonly limit: number;
  getParties(ids: readonly string[]): Promise<Map<string, SourceParty | null>>;
  getAppointments(ids: readonly string[]): Promise<Map<string, string[]>>;
  getAdvisor(id: string): Promise<string | null>;
  scheduleCallback(input: { contactId: string; slotId: string }): Promise<{ slotId: string }>;
}

function fakeAdapter() {
  const calls: string[] = [];
  const appointments = new Map<string, string[]>([['c1', []]]);
  const adapter: FakeAdapter = {
    system: 'CALL_CENTER',
    limit: 100,
    async getParties(ids) {
      calls.push(`getParties:${ids.join(',')}`);
      return new Map(ids.map((id) => [id, null]));
    },
    async getAppointments(ids) {
      calls.push(`getAppointments:${ids.join(',')}`);
      return new Map(ids.map((id) => [id, [...(appointments.get(id) ?? [])]]));
    },
    async getAdvisor(id) {
      calls.push(`getAdvisor:${id}`);
      return id;
    },
    async scheduleCallback(input) {
      calls.push('scheduleCallback');
      appointments.set(input.contactId, [...(appointments.get(input.contactId) ?? []), input.slotId]);
      return { slotId: input.slotId };
    },
  };
  return { adapter, calls };
}

describe('withCache', () => {
  it('caches the named batch reads, passes the rest through, and evicts after a named write', async () => {
    const { adapter, calls } = fakeAdapter();
    const cache = new SystemCache({ store: new MemoryCacheStore(), config: uniformCacheConfig({ ttlMs: 60_000 }) });
    const cached: FakeAdapter = withCache(adapter, cache, { getParties: 'party', getAppointments: 'appointments' }, {
      writes: { scheduleCallback: ([input]) => [input.contactId] },
    });
    expect(cached.limit).toBe(100);
    await cached.getParties(['c1']);
    await cached.getParties(['c1']);
    await cached.getAdvisor('a1');
    await cached.getAdvisor('a1');
    expect((await cached.getAppointments(['c1'])).get('c1')).toEqual([]);
    await cached.scheduleCallback({ contactId: 'c1', slotId: 's1' });
    expect((await cached.getAppointments(['c1'])).get('c1')).toEqual(['s1']);
    expect(calls).toEqual([
      'getParties:c1',
      'getAdvisor:a1',
      'getAdvisor:a1',
      'getAppointments:c1',
      'scheduleCallback',
      'getAppointments:c1',
    ]);
  });

  it('caches single reads by the key their arguments make, and a write naming that key evicts it', async () => {
    const { adapter, calls } = fakeAdapter();
    const cache = new SystemCache({ store: new MemoryCacheStore(), config: uniformCacheConfig({ ttlMs: 60_000 }) });
    const cached: FakeAdapter = withCache(adapter, cache, {}, {
      singles: { getAdvisor: { entity: 'advisor', key: (id) => id } },
      writes: { scheduleCallback: () => ['a1'] },
    });
    expect(await cached.getAdvisor('a1')).toBe('a1');
    expect(await cached.getAdvisor('a1')).toBe('a1');
    expect(await cached.getAdvisor('a2')).toBe('a2');
    await cached.scheduleCallback({ contactId: 'c1', slotId: 's1' });
    await cached.getAdvisor('a1');
    expect(calls).toEqual(['getAdvisor:a1', 'getAdvisor:a2', 'scheduleCallback', 'getAdvisor:a1']);
  });

  it('refuses a spec naming a method the adapter lacks', () => {
    const { adapter } = fakeAdapter();
    const cache = new SystemCache({ store: new MemoryCacheStore(), config: uniformCacheConfig({}) });
    expect(() => withCache(adapter, cache, { getNothing: 'x' } as never)).toThrow(TypeError);
  });
});
