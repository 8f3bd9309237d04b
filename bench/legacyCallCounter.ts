import type { SourceSystem } from '../adapters/canonical';
import type { RunningSimulators } from '../simulators/startAllSimulators';
import { SYSTEM_REGISTRY } from '../systems/registry';

/**
 * The systems a request can call: every registered system but the file drops, whose data the
 * adapter ingests into its own tables (a request never reaches their producer).
 */
export const SYSTEMS: readonly SourceSystem[] = SYSTEM_REGISTRY.filter((system) => system.dialect !== 'file-drop').map((system) => system.name as SourceSystem);

export type LegacyCalls = Record<SourceSystem, number> & { total: number };

/** Zeroes every simulator's request counter, so a run counts only its own calls. */
export function resetLegacyCalls(simulators: RunningSimulators): void {
  for (const system of SYSTEMS) simulators[system].stats.reset();
}

function countNow(simulators: RunningSimulators): LegacyCalls {
  const calls = { total: 0 } as LegacyCalls;
  for (const system of SYSTEMS) {
    calls[system] = simulators[system].stats.snapshot().total;
    calls.total += calls[system];
  }
  return calls;
}

/**
 * The legacy calls made since the last reset, read once the counters have stopped moving:
 * requests still in flight when the load generator stops keep calling the systems for up to
 * one slow request (they were counted in `requests.sent`), and a request can spend that long
 * between two legacy calls (query plan steps), so the quiet period is the run's p99 latency.
 */
export async function settledLegacyCalls(simulators: RunningSimulators, slowRequestMs: number, maxWaitMs = 30_000): Promise<LegacyCalls> {
  const quietMs = Math.max(250, Math.min(slowRequestMs, maxWaitMs));
  const deadline = Date.now() + maxWaitMs;
  let previous = countNow(simulators);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = countNow(simulators);
    if (current.total === previous.total || Date.now() > deadline) return current;
    previous = current;
  }
}
