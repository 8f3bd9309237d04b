import type { GatewayContext } from '../context';
import type { GatewayPlugin } from './gatewayPlugin';

export interface StaleMarker {
  system: string;
  ageMs: number;
}

declare module '../context' {
  interface GatewayContext {
    /** Cached data served because a legacy system failed (stale-if-error), per system. */
    staleMarkers?: StaleMarker[];
  }
}

function isStaleMarker(value: unknown): value is StaleMarker {
  return typeof value === 'object' && value !== null && typeof (value as StaleMarker).system === 'string' && typeof (value as StaleMarker).ageMs === 'number';
}

/**
 * When a subgraph answered from cache because its legacy system failed, it says so in its
 * response's `extensions.stale`; the stock gateway drops subgraph extensions. This collects them
 * per request and puts `extensions.stale: [{ system, ageMs }]` on the client's response (the
 * oldest age per system), so a channel knows which part of the customer may be out of date.
 */
export function useStaleMarker(): GatewayPlugin {
  return {
    name: 'stale-marker',
    didReceiveSubgraphResponse({ extensions, context }) {
      const stale = extensions?.stale;
      if (!Array.isArray(stale)) return;
      const markers = (context.staleMarkers ??= []);
      for (const marker of stale) if (isStaleMarker(marker)) markers.push({ system: marker.system, ageMs: marker.ageMs });
    },
    apollo: {
      async requestDidStart() {
        return {
          async willSendResponse({ response, contextValue }: { response: { body: { kind: string; singleResult?: { extensions?: Record<string, unknown> } } }; contextValue: GatewayContext }) {
            const markers = contextValue.staleMarkers;
            if (!markers?.length || response.body.kind !== 'single' || !response.body.singleResult) return;
            const oldest = new Map<string, number>();
            for (const m of markers) oldest.set(m.system, Math.max(oldest.get(m.system) ?? 0, m.ageMs));
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              stale: [...oldest].map(([system, ageMs]) => ({ system, ageMs })).sort((a, b) => a.system.localeCompare(b.system)),
            };
          },
        };
      },
    },
  };
}
