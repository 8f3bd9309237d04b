import type { SourceSystem } from '../canonical';
import type { BreakerState } from './clientHooks';

/** One legacy system's health as this process's client sees it (served on a subgraph's /health). */
export interface LegacySystemHealth {
  system: SourceSystem;
  breaker: BreakerState;
  /** Why the breaker is not closed, e.g. "breaker open after 12 of 14 calls failed within 5 s; last: connection failed (ECONNRESET)". */
  reason?: string;
  /**
   * For a system whose data arrives in batches (a file drop): the business date of the data
   * served, its age and whether it is older than the delivery schedule allows (a stale system is
   * degraded in the gateway's /ready).
   */
  freshness?: { asOf: string | null; ageMs: number | null; stale: boolean };
}

interface HealthSource {
  readonly system: SourceSystem;
  health(): LegacySystemHealth;
}

// Every open system client of this process. A client registers itself when created and leaves
// when closed, so a subgraph can report the systems it depends on without being handed them.
const live = new Set<HealthSource>();

/** Adds a client to the process's health report; returns the function that removes it. */
export function registerSystemHealth(source: HealthSource): () => void {
  live.add(source);
  return () => live.delete(source);
}

// Worst first: an operator isolating a system outranks what the breaker decided.
const SEVERITY: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/**
 * The health of each of `systems` that has a client in this process: when several clients talk
 * to one system (several stacks in one test process), the worst of them.
 */
export function legacySystemHealth(systems: readonly SourceSystem[]): LegacySystemHealth[] {
  const worst = new Map<SourceSystem, LegacySystemHealth>();
  for (const source of live) {
    if (!systems.includes(source.system)) continue;
    const health = source.health();
    const known = worst.get(source.system);
    if (!known || SEVERITY[health.breaker] > SEVERITY[known.breaker]) worst.set(source.system, health);
  }
  return systems.flatMap((system) => worst.get(system) ?? []);
}
