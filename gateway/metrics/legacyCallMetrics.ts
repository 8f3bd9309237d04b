import type { BreakerState, CallEvent, ClientHooks } from '../../adapters/kit/clientHooks';
import { sharedClientHooks } from '../../adapters/kit/clientHooks';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../adapters/canonical';
import { BREAKER_STATE_VALUE, type GatewayMetrics } from './gatewayMetrics';


interface Listener {
  onCall(event: CallEvent): void;
  onRetry(event: { system: SourceSystem }): void;
  onBreakerState(event: { system: SourceSystem; state: BreakerState }): void;
}

const listeners = new Map<ClientHooks, Set<Listener>>();

// The kit has one hook slot per event; several gateways in one process (tests) each need the
// events, so the slot gets a fan-out once and registrations come and go in a set.
function listenersOf(hooks: ClientHooks): Set<Listener> {
  let set = listeners.get(hooks);
  if (set) return set;
  const created = new Set<Listener>();
  set = created;
  listeners.set(hooks, created);
  const previous = { onCall: hooks.onCall, onRetry: hooks.onRetry, onBreakerState: hooks.onBreakerState };
  hooks.onCall = (event) => {
    previous.onCall?.(event);
    for (const l of created) l.onCall(event);
  };
  hooks.onRetry = (event) => {
    previous.onRetry?.(event);
    for (const l of created) l.onRetry(event);
  };
  hooks.onBreakerState = (event) => {
    previous.onBreakerState?.(event);
    for (const l of created) l.onBreakerState(event);
  };
  return created;
}

/**
 * Feeds the legacy-call metrics from the adapter kit's client hooks (by default the shared
 * hooks every system client uses: the stack runs the adapters in the gateway's process).
 * Breakers start closed, so each system's state gauge starts at 0. Returns the unregister function.
 */
export function registerLegacyCallMetrics(metrics: GatewayMetrics, hooks: ClientHooks = sharedClientHooks): () => void {
  for (const system of SOURCE_SYSTEMS) metrics.breakerState.set({ system }, BREAKER_STATE_VALUE.closed);
  const listener: Listener = {
    onCall({ system, durationMs, outcome }) {
      metrics.legacyCalls.inc({ system, outcome });
      metrics.legacyCallDuration.observe({ system }, durationMs / 1000);
      if (outcome !== 'ok') metrics.legacyErrors.inc({ system, code: outcome });
    },
    onRetry({ system }) {
      metrics.legacyRetries.inc({ system });
    },
    onBreakerState({ system, state }) {
      metrics.breakerState.set({ system }, BREAKER_STATE_VALUE[state]);
    },
  };
  const set = listenersOf(hooks);
  set.add(listener);
  return () => void set.delete(listener);
}
