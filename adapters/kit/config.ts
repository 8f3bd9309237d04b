import type { SourceSystem } from '../canonical';

/** Everything a system client needs; every value can be set by environment (see `systemConfigFromEnv`). */
export interface SystemClientConfig {
  system: SourceSystem;
  baseUrl: string;
  /** Time budget of one attempt. */
  timeoutMs: number;
  retry: {
    /** Retries after the first attempt (0 disables retrying). */
    maxRetries: number;
    initialDelayMs: number;
    maxDelayMs: number;
    /** A Retry-After longer than this is not waited for: the call fails instead. */
    maxRetryAfterMs: number;
  };
  retryBudget: { ratio: number; minPerSecond: number; windowMs: number };
  breaker: {
    /** Consecutive failed attempts that open the breaker. */
    consecutiveFailures: number;
    /** How long the breaker stays open before letting one trial call through. */
    halfOpenAfterMs: number;
  };
  bulkhead: { maxConcurrent: number; maxQueued: number };
}

export const DEFAULT_PORTS: Record<SourceSystem, number> = {
  CORE_BANKING: 4101,
  CARDS: 4102,
  ERP: 4103,
  CALL_CENTER: 4104,
};

export function defaultSystemConfig(system: SourceSystem, baseUrl = `http://127.0.0.1:${DEFAULT_PORTS[system]}`): SystemClientConfig {
  return {
    system,
    baseUrl,
    timeoutMs: 2000,
    retry: { maxRetries: 2, initialDelayMs: 50, maxDelayMs: 1000, maxRetryAfterMs: 2000 },
    retryBudget: { ratio: 0.2, minPerSecond: 5, windowMs: 10_000 },
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5000 },
    bulkhead: { maxConcurrent: 64, maxQueued: 1024 },
  };
}

/** `CORE_BANKING` -> `CORE_BANKING_URL`, `CORE_BANKING_TIMEOUT_MS`, ... */
export function systemConfigFromEnv(system: SourceSystem, env: NodeJS.ProcessEnv = process.env): SystemClientConfig {
  const base = defaultSystemConfig(system, env[`${system}_URL`]);
  const num = (name: string, fallback: number): number => {
    const raw = env[`${system}_${name}`];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${system}_${name} must be a non-negative number`);
    return value;
  };
  return {
    ...base,
    timeoutMs: num('TIMEOUT_MS', base.timeoutMs),
    retry: { ...base.retry, maxRetries: num('MAX_RETRIES', base.retry.maxRetries) },
    breaker: {
      consecutiveFailures: num('BREAKER_FAILURES', base.breaker.consecutiveFailures),
      halfOpenAfterMs: num('BREAKER_HALF_OPEN_MS', base.breaker.halfOpenAfterMs),
    },
    bulkhead: { ...base.bulkhead, maxConcurrent: num('MAX_CONCURRENT', base.bulkhead.maxConcurrent) },
  };
}
