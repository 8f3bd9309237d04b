import { createCallCenterAdapter } from '../call-center';
import { createCardsAdapter } from '../cards';
import { createCoreBankingAdapter } from '../core-banking';
import { createErpAdapter } from '../erp';
import { createMortgagesAdapter } from '../mortgages';
import { defaultSystemConfig, type SystemClientConfig } from '../kit/config';
import type { SourceSystem } from '../canonical';
import { startAllSimulators, type RunningSimulators } from '../../simulators/startAllSimulators';
import { testDataset } from '../../tests/support/testStack';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import { SYSTEM_REGISTRY } from '../../systems/registry';
import { adapterModuleOf } from '../adapterModules';
import { startCacheLayer, type CacheLayer, type SourceAdapters } from './cacheLayer';

/** The layer as the stack will use it: four real adapters over the four simulators, memory store. */
describe('startCacheLayer', () => {
  let dataset: Dataset;
  let sims: RunningSimulators;
  let raw: ReturnType<typeof createAdapters>;
  let layer: CacheLayer<typeof raw>;
  // The four original systems' adapters typed as themselves (the tests use their reads), and any
  // other registered system's through its adapter module, so the layer gets every system.
  const ORIGINAL = ['coreBanking', 'cards', 'erp', 'callCenter'];
  const createAdapters = (config: (system: SourceSystem) => SystemClientConfig) => ({
    ...(Object.fromEntries(SYSTEM_REGISTRY.filter((system) => !ORIGINAL.includes(system.handle)).map((system) => [system.handle, adapterModuleOf(system.name).create(config(system.name))])) as SourceAdapters),
    coreBanking: createCoreBankingAdapter(config('CORE_BANKING')),
    cards: createCardsAdapter(config('CARDS')),
    erp: createErpAdapter({ config: config('ERP') }),
    callCenter: createCallCenterAdapter(config('CALL_CENTER')),
    // Nothing of it is cached (its reads are local), but the layer wraps every registered system.
    mortgages: createMortgagesAdapter({ config: config('MORTGAGES'), env: { MORTGAGES_DROP_POLL_MS: '0', LOG_LEVEL: 'warn' } }),
  });

  beforeAll(async () => {
    dataset = (await testDataset()).dataset;
    sims = await startAllSimulators(dataset, 'free', {});
    const config = (system: SourceSystem) => ({ ...defaultSystemConfig(system, sims[system].url), timeoutMs: 1000 });
    raw = createAdapters(config);
    layer = await startCacheLayer(raw, { env: {} });
  }, 60_000);

  afterAll(async () => {
    await layer?.close();
    for (const adapter of Object.values(raw ?? {})) adapter.close();
    await sims?.close();
  });

  it('caches every listed read of the four systems and evicts what a change-feed page names', async () => {
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
    layer.cache.onInvalidate((records) => evicted.push(...records.map((r) => `${r.system}:${r.localId}`)));
    const edit = await fetch(`${sims.ERP.url}/__admin/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId: partners[0], changes: { city: 'Hamburg' } }),
    });
    expect(edit.status).toBe(200);
    // Still cached: the layer reads no feed itself.
    expect((await erp.getParties([partners[0]])).get(partners[0])?.address?.city).not.toBe('Hamburg');
    // The page the feed follower read (it hands every page to the cache before applying it).
    const page = await raw.erp.changes(undefined);
    await layer.invalidateChanges(page.changes);
    expect(evicted).toContain(`ERP:${partners[0]}`);
    expect((await erp.getParties([partners[0]])).get(partners[0])?.address?.city).toBe('Hamburg');
  });
});
