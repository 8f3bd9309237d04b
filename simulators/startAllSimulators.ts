import type { SourceSystem } from '../adapters/canonical';
import { DEFAULT_PORTS } from '../adapters/kit/config';
import { startCallCenterSimulator } from './call-center/callCenterSimulator';
import { startCardsSimulator } from './cards/cardsSimulator';
import { startCoreBankingSimulator } from './core-banking/coreBankingSimulator';
import type { Dataset } from './dataset/loadDataset';
import { startErpSimulator } from './erp/erpSimulator';
import type { RunningSimulator } from './kit/simulatorServer';

export type RunningSimulators = Record<SourceSystem, RunningSimulator> & { close(): Promise<void> };

/**
 * Starts the four legacy simulators over one population. `ports: 'default'` uses the documented
 * ports (each overridable by `<SYSTEM>_SIM_PORT`); `'free'` lets the OS choose (tests).
 */
export async function startAllSimulators(dataset: Dataset, ports: 'default' | 'free' = 'default', env: NodeJS.ProcessEnv = process.env): Promise<RunningSimulators> {
  const port = (system: SourceSystem) => (ports === 'free' ? 0 : Number(env[`${system}_SIM_PORT`] ?? DEFAULT_PORTS[system]));
  const started: RunningSimulator[] = [];
  const track = async (sim: Promise<RunningSimulator>) => {
    const running = await sim;
    started.push(running);
    return running;
  };
  try {
    const [coreBanking, cards, erp, callCenter] = await Promise.all([
      track(startCoreBankingSimulator({ records: dataset.coreBanking, port: port('CORE_BANKING') })),
      track(startCardsSimulator({ records: dataset.cards, port: port('CARDS') })),
      track(startErpSimulator({ records: dataset.erp, port: port('ERP') })),
      track(startCallCenterSimulator({ contacts: dataset.callCenter, advisors: dataset.advisors, port: port('CALL_CENTER') })),
    ]);
    return {
      CORE_BANKING: coreBanking,
      CARDS: cards,
      ERP: erp,
      CALL_CENTER: callCenter,
      close: async () => {
        await Promise.all(started.map((sim) => sim.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((sim) => sim.close()));
    throw error;
  }
}
