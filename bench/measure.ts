import type { RunningSimulators } from '../simulators/startAllSimulators';
import type { CacheMode } from './benchOptions';
import { resetLegacyCalls, settledLegacyCalls } from './legacyCallCounter';
import { runLoad, type LoadSettings } from './loadRunner';
import type { Measurement } from './report';
import { primeRequests } from './requestPriming';
import type { Target } from './target';
import type { Workload } from './workloads';

export interface MeasureContext {
  cache: CacheMode;
  scenario: string;
  simulators: RunningSimulators;
  settings: LoadSettings;
}

/** One timed run: zero the systems' counters, drive the gateway, count what reached the systems. */
export async function measure(context: MeasureContext, target: Target, workload: Workload): Promise<Measurement> {
  resetLegacyCalls(context.simulators);
  const load = await runLoad(target, workload, context.settings);
  const legacyCalls = await settledLegacyCalls(context.simulators, load.p99Ms);
  return { cache: context.cache, scenario: context.scenario, workload: workload.name, gateway: target.name, load, legacyCalls };
}

/**
 * Every target on every workload, `repeat` times, alternating which gateway goes first (by
 * repeat and by workload) so neither always runs on a warmer or more fragmented heap.
 * Unmeasured first: every distinct request once through every target (JIT, lazily built state,
 * and in a warm run the cache fill), then a short timed warm-up per (target, workload) so the
 * keep-alive sockets and the optimised code are in place.
 */
export async function measureAll(
  context: MeasureContext,
  targets: readonly Target[],
  workloads: readonly Workload[],
  options: { repeat: number; warmupSeconds: number; onResult?: (m: Measurement) => void },
): Promise<Measurement[]> {
  for (const workload of workloads) {
    for (const target of targets) await primeRequests(target, workload);
  }
  if (options.warmupSeconds > 0) {
    for (const workload of workloads) {
      for (const target of targets) await runLoad(target, workload, { ...context.settings, durationSeconds: options.warmupSeconds });
    }
  }
  const results: Measurement[] = [];
  for (let repeat = 0; repeat < options.repeat; repeat += 1) {
    for (const [index, workload] of workloads.entries()) {
      const ordered = (repeat + index) % 2 === 0 ? targets : [...targets].reverse();
      for (const target of ordered) {
        const result = await measure(context, target, workload);
        options.onResult?.(result);
        results.push(result);
      }
    }
  }
  return results;
}
