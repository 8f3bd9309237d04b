import { CacheMetrics } from '../../adapters/cache/cacheMetrics';
import type { ClientHooks } from '../../adapters/kit/clientHooks';
import { registerCacheMetrics } from './cacheMetrics';
import { createGatewayMetrics } from './gatewayMetrics';
import { registerLegacyCallMetrics } from './legacyCallMetrics';

describe('gateway metrics', () => {
  it('keeps each gateway\'s series in its own registry', async () => {
    const a = createGatewayMetrics({ defaultMetrics: false });
    const b = createGatewayMetrics({ defaultMetrics: false });
    a.requests.inc({ operation: 'Customer360', outcome: 'ok' });
    expect(await a.registry.metrics()).toContain('uv_gateway_requests_total{operation="Customer360",outcome="ok"} 1');
    expect(await b.registry.metrics()).not.toContain('operation="Customer360"');
  });

  it('counts legacy calls, errors and breaker states from the kit hooks, for every registered gateway, until unregistered', async () => {
    const earlier: string[] = [];
    const hooks: ClientHooks = { onCall: (e) => earlier.push(e.outcome) };
    const a = createGatewayMetrics({ defaultMetrics: false });
    const b = createGatewayMetrics({ defaultMetrics: false });
    const unregisterA = registerLegacyCallMetrics(a, hooks);
    registerLegacyCallMetrics(b, hooks);

    expect(await a.registry.metrics()).toContain('uv_legacy_breaker_state{system="CARDS"} 0');
    hooks.onCall?.({ system: 'CARDS', operation: 'getCards', durationMs: 12, outcome: 'ok' });
    hooks.onCall?.({ system: 'CARDS', operation: 'getCards', durationMs: 800, outcome: 'UPSTREAM_TIMEOUT' });
    hooks.onRetry?.({ system: 'CARDS', operation: 'retry', attempt: 1, delayMs: 5 });
    hooks.onBreakerState?.({ system: 'CARDS', state: 'open' });
    unregisterA();
    hooks.onCall?.({ system: 'ERP', operation: 'orders', durationMs: 5, outcome: 'ok' });

    const textA = await a.registry.metrics();
    expect(textA).toContain('uv_legacy_calls_total{system="CARDS",outcome="ok"} 1');
    expect(textA).toContain('uv_legacy_calls_total{system="CARDS",outcome="UPSTREAM_TIMEOUT"} 1');
    expect(textA).toContain('uv_legacy_errors_total{system="CARDS",code="UPSTREAM_TIMEOUT"} 1');
    expect(textA).toContain('uv_legacy_retries_total{system="CARDS"} 1');
    expect(textA).toContain('uv_legacy_breaker_state{system="CARDS"} 2');
    expect(textA).toContain('uv_legacy_call_duration_seconds_count{system="CARDS"} 2');
    expect(textA).not.toContain('system="ERP",outcome');
    expect(await b.registry.metrics()).toContain('uv_legacy_calls_total{system="ERP",outcome="ok"} 1');
    // A hook installed before the metrics still runs.
    expect(earlier).toEqual(['ok', 'UPSTREAM_TIMEOUT', 'ok']);
  });

  it('derives the cache hit ratio per system from the adapter cache counters', async () => {
    const metrics = createGatewayMetrics({ defaultMetrics: false });
    const cache = new CacheMetrics();
    registerCacheMetrics(metrics, cache);
    cache.record('CARDS', 'hit', 3);
    cache.record('CARDS', 'miss', 1);
    cache.record('CARDS', 'stale', 2);
    const text = await metrics.registry.metrics();
    expect(text).toContain('uv_cache_requests_total{system="CARDS",result="hit"} 3');
    expect(text).toContain('uv_cache_requests_total{system="CARDS",result="stale"} 2');
    expect(text).toContain('uv_cache_hit_ratio{system="CARDS"} 0.75');
  });
});
