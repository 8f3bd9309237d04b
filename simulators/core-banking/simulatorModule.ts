import type { SimulatorModule } from '../simulatorModules';
import { startCoreBankingSimulator } from './coreBankingSimulator';

/** How the stack starts this simulator (simulators/simulatorModules.ts loads it by the registry's slug). */
export const simulatorModule: SimulatorModule = {
  start: ({ dataset, port }) => startCoreBankingSimulator({ records: dataset.coreBanking, port }),
};
