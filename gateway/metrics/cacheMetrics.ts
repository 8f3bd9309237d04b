import type { GatewayMetrics } from './gatewayMetrics';

/** What the adapter cache offers (adapters/cache CacheMetrics): a listener per recorded lookup. */
export interface CacheMetricsSource {
  onRecord(listener: (system: string, event: 'hit' | 'miss' | 'stale', count: number) => void): () => void;
}

/**
 * Feeds `uv_cache_requests_total` (and through it `uv_cache_hit_ratio`) from an adapter cache's
 * counters. Call once per cache (one per system or one shared); returns the unregister function.
 */
export function registerCacheMetrics(metrics: GatewayMetrics, source: CacheMetricsSource): () => void {
  return source.onRecord((system, event, count) => metrics.cacheRequests.inc({ system, result: event }, count));
}
