import type { SourceSystem } from '../../adapters/canonical';
import { SYSTEMS, type LegacyCalls } from '../legacyCallCounter';

/** Requests each simulator has served so far, read from its operator API (`GET /__admin/stats`, itself not counted). */
export async function readLegacyCalls(urls: Record<SourceSystem, string>): Promise<LegacyCalls> {
  const calls = { total: 0 } as LegacyCalls;
  for (const system of SYSTEMS) {
    const response = await fetch(`${urls[system]}/__admin/stats`);
    if (!response.ok) throw new Error(`${system} simulator stats answered HTTP ${response.status}`);
    calls[system] = ((await response.json()) as { total: number }).total;
    calls.total += calls[system];
  }
  return calls;
}

/** Calls made between two readings. */
export function legacyCallsBetween(before: LegacyCalls, after: LegacyCalls): LegacyCalls {
  const calls = { total: after.total - before.total } as LegacyCalls;
  for (const system of SYSTEMS) calls[system] = after[system] - before[system];
  return calls;
}

/**
 * The counters once they have stopped moving after a run (requests still in flight when the
 * load stopped keep calling the systems for up to one slow request; see legacyCallCounter.ts).
 */
export async function settledRemoteLegacyCalls(urls: Record<SourceSystem, string>, slowRequestMs: number, maxWaitMs = 30_000): Promise<LegacyCalls> {
  const quietMs = Math.max(250, Math.min(slowRequestMs, maxWaitMs));
  const deadline = Date.now() + maxWaitMs;
  let previous = await readLegacyCalls(urls);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = await readLegacyCalls(urls);
    if (current.total === previous.total || Date.now() > deadline) return current;
    previous = current;
  }
}
