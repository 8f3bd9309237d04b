/**
 * Each source system's simulator, as `startAllSimulators` starts it over a population. Every
 * system's folder holds one `simulators/<slug>/simulatorModule.ts` exporting `simulatorModule`;
 * this loads it by the slug in its registry entry (systems/registry.ts), so no list of systems is
 * needed here.
 */
import path from 'node:path';
import type { SourceSystem } from '../adapters/canonical';
import { systemEntry } from '../systems/registry';
import type { Dataset } from './dataset/loadDataset';
import type { RunningSimulator } from './kit/simulatorServer';

export interface SimulatorModule {
  /** Starts the simulator over its part of the population on `port` (0: a free port). */
  start(options: { dataset: Dataset; port: number }): Promise<RunningSimulator>;
}

const loaded = new Map<SourceSystem, SimulatorModule>();

/** The simulator module of a registered system (loaded once). */
export function simulatorModuleOf(system: SourceSystem): SimulatorModule {
  let found = loaded.get(system);
  if (!found) {
    const file = path.join(__dirname, systemEntry(system).slug, 'simulatorModule');
    found = (require(file) as { simulatorModule: SimulatorModule }).simulatorModule;
    if (!found || typeof found.start !== 'function') throw new Error(`${file} exports no simulatorModule`);
    loaded.set(system, found);
  }
  return found;
}
