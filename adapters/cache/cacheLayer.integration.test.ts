import { createCallCenterAdapter } from '../call-center';
import { createCardsAdapter } from '../cards';
import { createCoreBankingAdapter } from '../core-banking';
import { createErpAdapter } from '../erp';
import { defaultSystemConfig } from '../kit/config';
import type { SourceSystem } from '../canonical';
import { startAllSimulators, type RunningSimulators } from '../../simulators/startAllSimulators';
import { testDataset } from '../../tests/support/testStack';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import { startCacheLayer, type CacheLayer, type SourceAdapters } from './cacheLayer';
import { eventually } from './testing/redisTestkit';

/** The layer as the stack will use it: four real adapters over the four simulators, memory store. */
describe('startCacheLayer', () => {
  let dataset: Dataset;
  let sims: RunningSimulators;
  let raw: SourceAdapters;
  let layer: CacheLayer;

  beforeAll(async () => {
    dataset = (await testDataset()).dataset;
    sims = await startAllSimulators(dataset, 'free', {});
    const config = (system: SourceSystem) => ({ ...defaultSystemConfig(system, sims[system].url), timeoutMs: 1000 });
    raw = {
      coreBanking: createCoreBankingAdapter(config('CORE_BANKING')),
      cards: createCardsAdapter(config('CARDS')),
      erp: createErpAdapter({ config: config('ERP') }),
      callCenter: createCallCenterAdapter(config('CALL_CENTER')),
    };
    layer = await startCacheLayer(raw, { env: { CHANGE_POLL_MS: '50' } });
  }, 60_000);

  afterAll(async () => {
    await layer?.close();
    for (const adapter of Object.values(raw ?? {})) adapter.close();
    await sims?.close();
  });

  it('caches every listed read of the four systems and follows their change feeds', async () => {
    const { coreBanking, cards, erp, callCenter } = layer.adapters;
    const cifs = dataset.coreBanking.slice(0, 3).map((r) => r.cif);
    const holders = dataset.cards.slice(0, 3).map((r) => r.cardholderId);
    const partners = dataset.erp.slice(0, 3).map((r) => r.partnerId);
    const contacts = dataset.callCenter.slice(0, 3).map((r) => r.contactId);
    const readAll = () =>
      Promise.all([
        coreBanking.getParties(cifs),
        coreBanking.getAccounts(cifs),
        cards.getParties(holders),
        cards.getCards(holders),
        erp.getParties(partners),
        erp.getSalesOrders(partners),
        callCenter.getParties(contacts),
        callCenter.getInteractions(contacts),
        callCenter.getOpenCases(contacts),
        callCenter.getAppointments(contacts),
      ]);
    const first = await readAll();
    const second = await readAll();
    expect(JSON.parse(JSON.stringify(second.map((m) => [...m])))).toEqual(JSON.parse(JSON.stringify(first.map((m) => [...m]))));
    const counters = layer.cache.metrics.snapshot();
    for (const system of ['CORE_BANKING', 'CARDS', 'ERP'] as const) expect(counters[system]).toEqual({ hits: 6, misses: 6, staleServed: 0 });
    expect(counters.CALL_CENTER).toEqual({ hits: 12, misses: 12, staleServed: 0 });

    const evicted: string[] = [];
    layer.watcher?.onInvalidate((changes) => evicted.push(...changes.map((c) => `${c.system}:${c.localId}`)));
    const edit = await fetch(`${sims.ERP.url}/__admin/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId: partners[0], changes: { city: 'Hamburg' } }),
    });
    expect(edit.status).toBe(200);
    await eventually(() => evicted.includes(`ERP:${partners[0]}`), 'the ERP change evicted', 2000);
    expect((await erp.getParties([partners[0]])).get(partners[0])?.address?.city).toBe('Hamburg');
  });
});
