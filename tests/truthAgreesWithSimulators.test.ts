import { createCallCenterAdapter } from '../adapters/call-center';
import { createCardsAdapter } from '../adapters/cards';
import type { SourceParty, SourceSystem } from '../adapters/canonical';
import { createCoreBankingAdapter } from '../adapters/core-banking';
import { createErpAdapter } from '../adapters/erp';
import { createMortgagesAdapter } from '../adapters/mortgages';
import { defaultSystemConfig } from '../adapters/kit/config';
import type { Dataset } from '../simulators/dataset/loadDataset';
import { startAllSimulators, type RunningSimulators } from '../simulators/startAllSimulators';
import { testDataset } from './support/testStack';

/**
 * The ground truth the generator wrote (truth.jsonl) is what the simulators serve: every source
 * key of every person exists in its system, and the KYC'd core-banking record carries the
 * person's true birth date and national id. Read through the adapters, over real HTTP.
 */
describe('truth.jsonl agrees with what the simulators serve', () => {
  let dataset: Dataset;
  let sims: RunningSimulators;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    sims = await startAllSimulators(dataset, 'free');
  });
  afterAll(async () => {
    await sims?.close();
  });

  it('serves every key of every person, and the core-banking record carries the true KYC data', async () => {
    const config = (system: SourceSystem) => defaultSystemConfig(system, sims[system].url);
    const adapters = {
      CORE_BANKING: createCoreBankingAdapter(config('CORE_BANKING')),
      CARDS: createCardsAdapter(config('CARDS')),
      ERP: createErpAdapter({ config: config('ERP') }),
      CALL_CENTER: createCallCenterAdapter(config('CALL_CENTER')),
      // A file drop, ingested into an in-memory store of its own.
      MORTGAGES: createMortgagesAdapter({ config: config('MORTGAGES'), env: { MORTGAGES_DROP_POLL_MS: '0', LOG_LEVEL: 'warn' } }),
    };
    const keysOf = (system: keyof typeof adapters) =>
      dataset.truth.flatMap((p) => ({ CORE_BANKING: p.keys.cifs, CARDS: p.keys.cardholderIds, ERP: p.keys.partnerIds, CALL_CENTER: p.keys.contactIds, MORTGAGES: p.keys.borrowerIds })[system]);
    const served = new Map<SourceSystem, Map<string, SourceParty | null>>();
    for (const [system, adapter] of Object.entries(adapters) as Array<[keyof typeof adapters, { getParties(ids: string[]): Promise<Map<string, SourceParty | null>> }]>) {
      const ids = keysOf(system);
      expect(ids.length).toBeGreaterThan(0);
      const found = await adapter.getParties(ids);
      served.set(system, found);
      const missing = ids.filter((id) => !found.get(id));
      expect({ system, missing }).toEqual({ system, missing: [] });
    }
    // Every record a simulator holds belongs to exactly one person of the truth.
    expect(served.get('CORE_BANKING')!.size).toBe(dataset.coreBanking.length);
    expect(served.get('CARDS')!.size).toBe(dataset.cards.length);
    for (const person of dataset.truth) {
      for (const cif of person.keys.cifs) {
        const record = served.get('CORE_BANKING')!.get(cif)!;
        if (record.birthDate) expect(record.birthDate).toBe(person.birthDate);
        if (record.nationalId) expect(record.nationalId).toBe(person.nationalId);
      }
    }
    for (const adapter of Object.values(adapters)) adapter.close();
  });
});
