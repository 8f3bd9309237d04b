import type { SimulatorModule } from '../simulatorModules';
import { startErpSimulator } from './erpSimulator';

/** How the stack starts this simulator (simulators/simulatorModules.ts loads it by the registry's slug). */
export const simulatorModule: SimulatorModule = {
  start: ({ dataset, port }) => startErpSimulator({ records: dataset.erp, port }),
};
