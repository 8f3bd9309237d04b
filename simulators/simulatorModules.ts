/**
 * Each source system's simulator, as `startAllSimulators` starts it over a population. Every
 * system's folder holds one `simulators/<slug>/simulatorModule.ts` exporting `simulatorModule`;
 * this loads it by the slug in its registry entry (systems/registry.ts), so no list of systems is
 * needed here.
 */
import type { SourceSystem } from '../adapters/canonical';
import { systemModuleLoader } from '../systems/systemModules';
import type { Dataset } from './dataset/loadDataset';
import type { RunningSimulator } from './kit/simulatorServer';

export interface SimulatorModule {
  /** Starts the simulator over its part of the population on `port` (0: a free port). */
  start(options: { dataset: Dataset; port: number }): Promise<RunningSimulator>;
}

/** The simulator module of a registered system (loaded once). */
export const simulatorModuleOf: (system: SourceSystem) => SimulatorModule = systemModuleLoader<SimulatorModule>(__dirname, 'simulatorModule', 'start');
