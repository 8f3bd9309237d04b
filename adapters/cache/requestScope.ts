import { AsyncLocalStorage } from 'node:async_hooks';
import type { SourceSystem } from '../canonical';

/** A system whose data in this response came from the cache past its freshness TTL. */
export interface StaleReport {
  system: SourceSystem;
  /** Age of the oldest stale value served for that system, in milliseconds. */
  ageMs: number;
}

interface RequestScope {
  stale: Map<SourceSystem, number>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `fn` (one GraphQL request) in a scope that collects what the cache had to serve stale, so
 * the response can say so. Everything `fn` awaits shares the scope, DataLoader batches included.
 */
export function runInRequestScope<T>(fn: () => T): T {
  return storage.run({ stale: new Map() }, fn);
}

/** Records a stale serve in the current request; outside any request scope it is dropped. */
export function reportStale(report: StaleReport): void {
  const scope = storage.getStore();
  if (!scope) return;
  const age = Math.max(0, Math.round(report.ageMs));
  scope.stale.set(report.system, Math.max(age, scope.stale.get(report.system) ?? 0));
}

/** The stale reports of the current request, one per system (the oldest age), empty outside a scope. */
export function staleReports(): StaleReport[] {
  const scope = storage.getStore();
  if (!scope) return [];
  return [...scope.stale].map(([system, ageMs]) => ({ system, ageMs }));
}
