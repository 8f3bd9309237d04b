import type { SourceSystem } from '../canonical';

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

export interface CallEvent {
  system: SourceSystem;
  operation: string;
  durationMs: number;
  /** `ok`, or the error code the call ended with. */
  outcome: 'ok' | string;
}

/**
 * Hooks a system client calls so the gateway can expose metrics and propagate context
 * without the adapters knowing about Prometheus or request ids.
 */
export interface ClientHooks {
  onCall?(event: CallEvent): void;
  onRetry?(event: { system: SourceSystem; operation: string; attempt: number; delayMs: number }): void;
  onBreakerState?(event: { system: SourceSystem; state: BreakerState }): void;
  /** Extra headers for every upstream call (e.g. `x-request-id` of the current request). */
  headers?(): Record<string, string>;
}

/** Hooks shared by every client unless one is given its own (the gateway registers metrics here). */
export const sharedClientHooks: ClientHooks = {};
