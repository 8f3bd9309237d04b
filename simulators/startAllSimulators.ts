import { SOURCE_SYSTEMS, type SourceSystem } from '../adapters/canonical';
import { DEFAULT_PORTS } from '../adapters/kit/config';
import type { Dataset } from './dataset/loadDataset';
import type { RunningSimulator } from './kit/simulatorServer';
import { simulatorModuleOf } from './simulatorModules';

export type RunningSimulators = Record<SourceSystem, RunningSimulator> & { close(): Promise<void> };

/**
 * Starts every registered system's simulator (simulators/<slug>/simulatorModule.ts) over one
 * population. `ports: 'default'` uses the documented ports (each overridable by
 * `<SYSTEM>_SIM_PORT`); `'free'` lets the OS choose (tests).
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
    const running = await Promise.all(SOURCE_SYSTEMS.map((system) => track(simulatorModuleOf(system).start({ dataset, port: port(system) }))));
    const bySystem = Object.fromEntries(SOURCE_SYSTEMS.map((system, i) => [system, running[i]])) as Record<SourceSystem, RunningSimulator>;
    return {
      ...bySystem,
      close: async () => {
        await Promise.all(started.map((sim) => sim.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((sim) => sim.close()));
    throw error;
  }
}
