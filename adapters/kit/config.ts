import type { SourceSystem } from '../canonical';
import { perSystem } from '../../systems/registry';

/** Everything a system client needs; every value can be set by environment (see `systemConfigFromEnv`). */
export interface SystemClientConfig {
  system: SourceSystem;
  baseUrl: string;
  /** Time budget of one attempt. */
  timeoutMs: number;
  retry: {
    /** Retries after the first attempt (0 disables retrying). */
    maxRetries: number;
    /**
     * Of those, how many may follow a timeout (absent: all of them): a system too slow for one
     * attempt is rarely fast for the next, and every retry of a timeout costs the caller a whole
     * attempt's time.
     */
    maxTimeoutRetries?: number;
    initialDelayMs: number;
    maxDelayMs: number;
    /** A Retry-After longer than this is not waited for: the call fails instead. */
    maxRetryAfterMs: number;
  };
  /** Retries may add at most `ratio` load on top of first attempts, plus `minPerSecond` (retryBudget.ts). */
  retryBudget: { ratio: number; minPerSecond: number; windowMs: number };
  /**
   * Opens on a failure ratio over a sampling window (cockatiel's SamplingBreaker), so a flaky
   * system keeps being called (its retries recover most calls) and only a failing one is cut off.
   * Timeouts and unavailability count as failures; malformed answers and refusals do not.
   */
  breaker: {
    /** Share of failed attempts in the window that opens the breaker, strictly between 0 and 1. */
    failureRatio: number;
    /** The sampling window. */
    samplingWindowMs: number;
    /** Fewest attempts in the window before the ratio is judged (two failures of a quiet system are not an outage). */
    minimumCalls: number;
    /** How long the breaker stays open before letting one trial call through. */
    halfOpenAfterMs: number;
  };
  bulkhead: { maxConcurrent: number; maxQueued: number };
}

/** Where each system's simulator listens by default (its registry entry). */
export const DEFAULT_PORTS: Record<SourceSystem, number> = perSystem((entry) => entry.ports.simulator);

export function defaultSystemConfig(system: SourceSystem, baseUrl = `http://127.0.0.1:${DEFAULT_PORTS[system]}`): SystemClientConfig {
  return {
    system,
    baseUrl,
    timeoutMs: 2000,
    // Four retries: with half of all calls failing, a call still succeeds 97% of the time, and a
    // customer360 that needs ~4 core-banking calls keeps their data ~88% of the time. The budget
    // is what protects the system: retries never add more than its first attempts (ratio 1).
    // docs/resilience.md has the arithmetic and how to tune both.
    retry: { maxRetries: 4, maxTimeoutRetries: 1, initialDelayMs: 50, maxDelayMs: 1000, maxRetryAfterMs: 2000 },
    retryBudget: { ratio: 1, minPerSecond: 5, windowMs: 10_000 },
    // Opens once 70% of the last 5 s of attempts failed (at least 10 of them): with steady traffic a
    // system that suddenly fails every call is cut off after ~3.5 s; one failing half of its calls
    // stays in use (its retries recover most of them).
    breaker: { failureRatio: 0.7, samplingWindowMs: 5000, minimumCalls: 10, halfOpenAfterMs: 5000 },
    bulkhead: { maxConcurrent: 64, maxQueued: 1024 },
  };
}

/** Settings that no longer exist: refused rather than silently ignored. */
const RETIRED: Record<string, string> = {
  BREAKER_FAILURES: 'the breaker opens on a failure ratio now: set BREAKER_FAILURE_RATIO, BREAKER_WINDOW_MS and BREAKER_MIN_CALLS',
};

/**
 * `CORE_BANKING` -> `CORE_BANKING_URL`, `CORE_BANKING_TIMEOUT_MS`, `_MAX_RETRIES`, `_MAX_TIMEOUT_RETRIES`,
 * `_RETRY_BUDGET_RATIO`, `_RETRY_BUDGET_MIN_PER_SECOND`, `_BREAKER_FAILURE_RATIO`,
 * `_BREAKER_WINDOW_MS`, `_BREAKER_MIN_CALLS`, `_BREAKER_HALF_OPEN_MS`, `_MAX_CONCURRENT`
 * (docs/resilience.md says what each does and how to tune it).
 */
export function systemConfigFromEnv(system: SourceSystem, env: NodeJS.ProcessEnv = process.env): SystemClientConfig {
  const base = defaultSystemConfig(system, env[`${system}_URL`]);
  for (const [name, instead] of Object.entries(RETIRED)) {
    if (env[`${system}_${name}`] !== undefined) throw new Error(`${system}_${name} is no longer read: ${instead}`);
  }
  const num = (name: string, fallback: number): number => {
    const raw = env[`${system}_${name}`];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${system}_${name} must be a non-negative number`);
    return value;
  };
  const failureRatio = num('BREAKER_FAILURE_RATIO', base.breaker.failureRatio);
  if (failureRatio <= 0 || failureRatio >= 1) throw new Error(`${system}_BREAKER_FAILURE_RATIO must be strictly between 0 and 1`);
  return {
    ...base,
    timeoutMs: num('TIMEOUT_MS', base.timeoutMs),
    retry: { ...base.retry, maxRetries: num('MAX_RETRIES', base.retry.maxRetries), maxTimeoutRetries: num('MAX_TIMEOUT_RETRIES', base.retry.maxTimeoutRetries ?? 1) },
    retryBudget: {
      ...base.retryBudget,
      ratio: num('RETRY_BUDGET_RATIO', base.retryBudget.ratio),
      minPerSecond: num('RETRY_BUDGET_MIN_PER_SECOND', base.retryBudget.minPerSecond),
    },
    breaker: {
      failureRatio,
      samplingWindowMs: num('BREAKER_WINDOW_MS', base.breaker.samplingWindowMs),
      minimumCalls: num('BREAKER_MIN_CALLS', base.breaker.minimumCalls),
      halfOpenAfterMs: num('BREAKER_HALF_OPEN_MS', base.breaker.halfOpenAfterMs),
    },
    bulkhead: { ...base.bulkhead, maxConcurrent: num('MAX_CONCURRENT', base.bulkhead.maxConcurrent) },
  };
}
