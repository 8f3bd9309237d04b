import { createCardsAdapter, type CardsAdapter } from '../cards';
import { defaultSystemConfig } from '../kit/config';
import type { RunningSimulator } from '../../simulators/kit/simulatorServer';
import { startCardsSimulator } from '../../simulators/cards/cardsSimulator';
import { cardholderId, makeCardholders } from '../../simulators/cards/cardsTestRecords';
import { CARDS_CACHE } from '../cards/adapterModule';
import { uniformCacheConfig } from './cacheConfig';
import { createChangeWatcher } from './changeWatcher';
import { MemoryCacheStore } from './memoryCacheStore';
import { SystemCache } from './systemCache';
import { eventually } from './testing/redisTestkit';
import { withCache } from './withCache';

/** A change that names a card (not its holder) still evicts the holder's cached card list. */
describe('cards adapter behind the cache', () => {
  let sim: RunningSimulator;
  let adapter: CardsAdapter;

  beforeAll(async () => {
    sim = await startCardsSimulator({ records: makeCardholders(3, 2) });
    adapter = createCardsAdapter({ ...defaultSystemConfig('CARDS', sim.url), timeoutMs: 300 });
  });
  afterAll(async () => {
    adapter.close();
    await sim.close();
  });

  it('shows a card blocked in the card system within 2 s, through the card-id index', async () => {
    const cache = new SystemCache({ store: new MemoryCacheStore(), config: uniformCacheConfig({ ttlMs: 60_000 }) });
    const cards: CardsAdapter = withCache(adapter, cache, CARDS_CACHE);
    const watcher = createChangeWatcher({ sources: [adapter], invalidate: (targets) => cache.invalidate(targets), intervalMs: 50 });
    await watcher.start();
    try {
      const holder = cardholderId(1);
      const before = (await cards.getCards([holder])).get(holder) ?? [];
      expect(before.length).toBeGreaterThan(0);
      const card = before[0];
      expect(card.status).toBe('ACTIVE');
      await cards.getCards([holder]);
      expect(cache.metrics.snapshot().CARDS).toEqual({ hits: 1, misses: 1, staleServed: 0 });

      const edit = await fetch(`${sim.url}/__admin/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cardId: card.cardId, changes: { status: 'BLOCKED' } }),
      });
      expect(edit.status).toBe(200);
      await eventually(
        async () => (await cards.getCards([holder])).get(holder)?.find((c) => c.cardId === card.cardId)?.status === 'BLOCKED',
        'blocked card visible through the cache',
        2000,
        25,
      );
    } finally {
      watcher.stop();
      cache.close();
    }
  });
});
