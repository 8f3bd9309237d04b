import type { SimulatorModule } from '../simulatorModules';
import { startCardsSimulator } from './cardsSimulator';

/** How the stack starts this simulator (simulators/simulatorModules.ts loads it by the registry's slug). */
export const simulatorModule: SimulatorModule = {
  start: ({ dataset, port }) => startCardsSimulator({ records: dataset.cards, port }),
};
