import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createGateway, type GatewayHandle } from '../gateway/createGateway';
import { defaultGatewayPlugins } from '../gateway/plugins';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { defaultSubgraphKeys } from '../subgraphs/runtime/callSignature';
import { operation, postGraphQL } from './support/graphqlClient';
import { callAs, testSecurityOptions } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// `npm start` runs the gateway and the subgraphs in one process: the gateway calls them
// in-process (subgraphs/runtime/inProcessCall.ts). This checks, on the real stack, that it really
// sends them no HTTP request, and that its answers are those of a gateway calling the same
// subgraphs over HTTP, signed (SUBGRAPH_CALLS=http).

callAs('auditor', 'customer360 selects every field class: the whole answer is compared');

/** Every HTTP request any server in this process receives, by the port it arrived on (Node's own diagnostics channel). */
function watchHttpRequests(): { ports: number[]; stop(): void } {
  const ports: number[] = [];
  const listener = (message: unknown) => {
    const { request, server } = message as { request: IncomingMessage; server: Server };
    if (request.method === 'POST') ports.push((server.address() as AddressInfo).port);
  };
  subscribe('http.server.request.start', listener);
  return { ports, stop: () => unsubscribe('http.server.request.start', listener) };
}

describe('subgraphs called in-process by the gateway that serves them', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  let overHttp: GatewayHandle;
  let subgraphPorts: Set<number>;
  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
    subgraphPorts = new Set(Object.values(stack.subgraphs).map((s) => s.port));
    // A second gateway over the same subgraphs, told to use HTTP although they are in this process.
    overHttp = await createGateway({
      port: 0,
      host: '127.0.0.1',
      env: { ...process.env, SUBGRAPH_CALLS: 'http' },
      supergraphPath: path.join(__dirname, '..', 'schema', 'supergraph.graphql'),
      subgraphUrlOverrides: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
      inProcessSubgraphs: new Map(Object.values(stack.subgraphs).map((s) => [s.url, s.callInProcess])),
      subgraphKeys: defaultSubgraphKeys(),
      logger: pino({ level: 'silent' }),
      plugins: defaultGatewayPlugins({ security: testSecurityOptions(), audit: { store: stack.auditStore } }),
    });
  }, 120_000);
  afterAll(async () => {
    await overHttp?.close();
    await stack?.close();
  });

  it('answers customer360 as the gateway calling over HTTP does, without one HTTP request to a subgraph', async () => {
    const ids = await customerIds(3);
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      const watch = watchHttpRequests();
      let local;
      try {
        local = await postGraphQL(stack.gateway.url, operation('customer360'), { id });
      } finally {
        watch.stop();
      }
      expect(local.status).toBe(200);
      expect(local.errors).toBeUndefined();
      // The client's request reached the gateway; nothing reached a subgraph's socket (the legacy
      // systems, also in this process, are still called over HTTP).
      expect(watch.ports).toContain(stack.gateway.port);
      expect(watch.ports.filter((port) => subgraphPorts.has(port))).toEqual([]);

      const wire = watchHttpRequests();
      let remote;
      try {
        remote = await postGraphQL(overHttp.url, operation('customer360'), { id });
      } finally {
        wire.stop();
      }
      // identity, then the systems, profile and insights: several signed subgraph calls.
      expect(wire.ports.filter((port) => subgraphPorts.has(port)).length).toBeGreaterThanOrEqual(4);
      expect(remote.errors).toBeUndefined();
      expect(local.data).toEqual(remote.data);
    }
  });

  it('answers repeats from functions compiled for the gateway\'s fetches, as Apollo Server answered the first time', async () => {
    // customerList is not asked above: its fetches are new to the subgraphs, so the first answer
    // comes from Apollo Server's pipeline (graphql-js), the first repeat from graphql-js without
    // it, and the next from compiled functions (subgraphs/runtime/compiledExecution.ts,
    // knownOperations.ts), on the real subgraphs and their resolvers.
    const compiledAnswers = () => Object.values(stack.subgraphs).reduce((sum, subgraph) => sum + subgraph.answeredBy().compiled, 0);
    const first = await postGraphQL(stack.gateway.url, operation('customerList'), {});
    const interpreted = await postGraphQL(stack.gateway.url, operation('customerList'), {});
    const before = compiledAnswers();
    const repeat = await postGraphQL(stack.gateway.url, operation('customerList'), {});
    // identity, the four systems' subgraphs and profile: six fetches, every one compiled.
    expect(compiledAnswers() - before).toBeGreaterThanOrEqual(6);
    expect(first.errors).toBeUndefined();
    expect((first.data as { customers: { edges: unknown[] } }).customers.edges).toHaveLength(50);
    expect(interpreted.data).toEqual(first.data);
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data).toEqual(first.data);
  });

  it('keeps the subgraphs\' HTTP endpoints for gateways elsewhere, which still must sign', async () => {
    const response = await fetch(stack.subgraphs.profile.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ _service { sdl } }"}' });
    expect(response.status).toBe(401);
  });

  async function customerIds(count: number): Promise<string[]> {
    const response = await postGraphQL<{ customers: { edges: Array<{ node: { id: string } }> } }>(stack.gateway.url, `{ customers(first: ${count}) { edges { node { id } } } }`);
    return response.data?.customers.edges.map((e) => e.node.id) ?? [];
  }
});
