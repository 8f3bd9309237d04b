import type { ChangeEvent, ChangePage } from '../canonical';
import { UpstreamUnavailable } from '../kit/errors';
import { createChangeWatcher, type ChangeFeedSource } from './changeWatcher';
import type { InvalidationTarget } from './systemCache';

/** A change feed like the simulators': cursor = count of events read, pages of at most 2. */
function fakeFeed(system: 'ERP' | 'CARDS') {
  const events: ChangeEvent[] = [];
  let down = false;
  const source: ChangeFeedSource = {
    system,
    async changes(cursor?: string): Promise<ChangePage> {
      if (down) throw new UpstreamUnavailable(system, 'changes', 'HTTP 503');
      const start = Number(cursor ?? 0);
      const page = events.slice(start, start + 2);
      return { changes: page, nextCursor: String(start + page.length) };
    },
  };
  return {
    source,
    append: (entity: string, localId: string) => events.push({ system, entity, localId, changedAt: new Date(0).toISOString() }),
    setDown: (value: boolean) => (down = value),
  };
}

describe('ChangeWatcher', () => {
  it('starts at the head without evicting history, then evicts each new change once', async () => {
    const erp = fakeFeed('ERP');
    const cards = fakeFeed('CARDS');
    for (let i = 0; i < 5; i += 1) erp.append('party', `old${i}`);
    const evicted: InvalidationTarget[] = [];
    const heard: string[] = [];
    const errors: string[] = [];
    const watcher = createChangeWatcher({
      sources: [erp.source, cards.source],
      invalidate: async (targets) => void evicted.push(...targets),
      intervalMs: 60_000,
      onError: (system) => errors.push(system),
    });
    watcher.onInvalidate((changes) => heard.push(...changes.map((c) => c.localId)));
    await watcher.start();
    expect(evicted).toEqual([]);

    erp.append('party', 'p1');
    erp.append('party', 'p2');
    erp.append('party', 'p3');
    cards.append('card', 'c1');
    await watcher.pollOnce();
    expect(evicted).toEqual(
      expect.arrayContaining([
        { system: 'ERP', localId: 'p1', entity: 'party' },
        { system: 'ERP', localId: 'p3', entity: 'party' },
        { system: 'CARDS', localId: 'c1', entity: 'card' },
      ]),
    );
    expect(evicted).toHaveLength(4);
    expect(heard.sort()).toEqual(['c1', 'p1', 'p2', 'p3']);

    cards.setDown(true);
    erp.append('party', 'p4');
    await watcher.pollOnce();
    expect(errors).toEqual(['CARDS']);
    cards.append('party', 'h1');
    cards.setDown(false);
    await watcher.pollOnce();
    expect(evicted.map((t) => t.localId).slice(4)).toEqual(expect.arrayContaining(['p4', 'h1']));
    expect(evicted).toHaveLength(6);
    watcher.stop();
  });

  it('keeps its cursor when eviction fails, so the change is evicted on the next poll', async () => {
    const erp = fakeFeed('ERP');
    let failing = true;
    const evicted: string[] = [];
    const watcher = createChangeWatcher({
      sources: [erp.source],
      invalidate: async (targets) => {
        if (failing) throw new Error('store unavailable');
        evicted.push(...targets.map((t) => t.localId));
      },
      intervalMs: 60_000,
    });
    await watcher.start();
    erp.append('party', 'p1');
    await watcher.pollOnce();
    failing = false;
    await watcher.pollOnce();
    expect(evicted).toEqual(['p1']);
    watcher.stop();
  });

  it('polls by itself on its interval', async () => {
    const erp = fakeFeed('ERP');
    const evicted: string[] = [];
    const watcher = createChangeWatcher({ sources: [erp.source], invalidate: async (t) => void evicted.push(...t.map((x) => x.localId)), intervalMs: 10 });
    await watcher.start();
    erp.append('party', 'p1');
    await new Promise<void>((resolve) => watcher.onInvalidate(() => resolve()));
    expect(evicted).toEqual(['p1']);
    watcher.stop();
  });
});
