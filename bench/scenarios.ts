import type { SourceSystem } from '../adapters/canonical';
import type { RunningSimulators } from '../simulators/startAllSimulators';
import { SYSTEMS } from './legacyCallCounter';
import type { ScenarioChoice } from './benchOptions';

/** How the legacy systems behave during a run. */
export interface Scenario {
  name: 'baseline' | 'latency';
  description: string;
  /** Added latency per system in ms (jitter is JITTER_SHARE of it, uniform +/-). */
  latencyMs: Partial<Record<SourceSystem, number>>;
}

const JITTER_SHARE = 0.3;

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'baseline',
    description: 'simulators answer at once: the gateway and subgraphs are the whole cost',
    latencyMs: { CORE_BANKING: 0, CARDS: 0, ERP: 0, CALL_CENTER: 0, MORTGAGES: 0 },
  },
  {
    name: 'latency',
    description: 'realistic legacy latency: core banking 40 ms, cards 25 ms, ERP 120 ms, call center 60 ms, each +/-30% jitter',
    latencyMs: { CORE_BANKING: 40, CARDS: 25, ERP: 120, CALL_CENTER: 60, MORTGAGES: 0 },
  },
];

/** The comparison scenarios (ours vs plain) a choice runs; `faults` runs none of them (bench/faultMatrix.ts). */
export function selectScenarios(choice: ScenarioChoice): Scenario[] {
  return SCENARIOS.filter((s) => choice === 'all' || s.name === choice);
}

/** Sets every simulator's latency for the scenario (and nothing else: no errors, no outage). */
export function applyScenario(simulators: RunningSimulators, scenario: Scenario): void {
  for (const system of SYSTEMS) {
    const latencyMs = scenario.latencyMs[system] ?? 0;
    simulators[system].setFaults({ latencyMs, jitterMs: JITTER_SHARE * latencyMs, errorRate: 0, down: false, malformedRate: 0 });
  }
}
