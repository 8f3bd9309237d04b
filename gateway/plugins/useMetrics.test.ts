import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientHooks } from '../../adapters/kit/clientHooks';
import { createGateway, type GatewayHandle } from '../createGateway';
import { captureLogger, CARDS_SDL, composeSupergraph, PEOPLE_SDL_V1, postGraphQL, startCardsSubgraph, startPeopleSubgraph, type RunningSubgraph } from '../testing/testSubgraphs';
import { useMetrics } from './useMetrics';

describe('useMetrics (real gateway and subgraphs)', () => {
  let people: RunningSubgraph;
  let cards: RunningSubgraph;
  let gateway: GatewayHandle;
  let dir: string;
  const hooks: ClientHooks = {};
  const plugin = useMetrics({ legacyHooks: hooks });

  beforeAll(async () => {
    [people, cards] = await Promise.all([startPeopleSubgraph(), startCardsSubgraph()]);
    dir = await mkdtemp(join(tmpdir(), 'metrics-plugin-'));
    const path = join(dir, 'supergraph.graphql');
    await writeFile(path, composeSupergraph([{ name: 'people', url: people.url, sdl: PEOPLE_SDL_V1 }, { name: 'cards', url: cards.url, sdl: CARDS_SDL }]));
    gateway = await createGateway({ port: 0, host: '127.0.0.1', supergraphPath: path, env: {}, logger: captureLogger().log, plugins: [plugin] });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([people?.stop(), cards?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the Prometheus text format on GET /metrics with requests, subgraph fetches and legacy calls', async () => {
    await postGraphQL(gateway.url, { query: 'query Person { person(id: "7") { name cardCount } }' });
    await postGraphQL(gateway.url, { query: 'query Status { person(id: "7") { cardsStatus } }' });
    await postGraphQL(gateway.url, { query: '{ person(id: "1") { name } }' });
    hooks.onCall?.({ system: 'CARDS', operation: 'getCards', durationMs: 3, outcome: 'ok' });

    const response = await fetch(gateway.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('uv_gateway_requests_total{operation="Person",outcome="ok"} 1');
    expect(text).toContain('uv_gateway_requests_total{operation="Status",outcome="error"} 1');
    expect(text).toContain('uv_gateway_requests_total{operation="unnamed",outcome="ok"} 1');
    expect(text).toContain('uv_gateway_request_duration_seconds_count{operation="Person"} 1');
    expect(text).toMatch(/uv_subgraph_fetch_duration_seconds_count\{subgraph="people",outcome="ok"\} 3/);
    expect(text).toMatch(/uv_subgraph_fetch_duration_seconds_count\{subgraph="cards",outcome="ok"\} 1/);
    expect(text).toMatch(/uv_subgraph_fetch_duration_seconds_count\{subgraph="cards",outcome="error"\} 1/);
    expect(text).toContain('uv_legacy_calls_total{system="CARDS",outcome="ok"} 1');
  });

  it('stops counting legacy calls once the gateway stops', async () => {
    await gateway.close();
    hooks.onCall?.({ system: 'ERP', operation: 'orders', durationMs: 3, outcome: 'ok' });
    const text = await plugin.metrics.registry.metrics();
    expect(text).toContain('uv_legacy_calls_total{system="CARDS",outcome="ok"} 1');
    expect(text).not.toContain('system="ERP",outcome');
  });
});
