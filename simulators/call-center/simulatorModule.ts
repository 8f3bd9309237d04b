import type { SimulatorModule } from '../simulatorModules';
import { startCallCenterSimulator } from './callCenterSimulator';

/** How the stack starts this simulator (simulators/simulatorModules.ts loads it by the registry's slug). */
export const simulatorModule: SimulatorModule = {
  start: ({ dataset, port }) => startCallCenterSimulator({ contacts: dataset.callCenter, advisors: dataset.advisors, port }),
};
