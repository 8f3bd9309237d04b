import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeSubgraph, probeSubgraphs, readinessBody, type ReadinessReport } from './readiness';

describe('readinessBody', () => {
  const report: ReadinessReport = {
    ready: false,
    subgraphs: [
      { name: 'identity', url: 'http://10.0.0.1:4001/graphql', up: true },
      { name: 'cards', url: 'http://10.0.0.2:4003/graphql', up: false, reason: 'ECONNREFUSED' },
    ],
  };

  it('names only the down subgraphs in production', () => {
    const body = readinessBody(report, { production: true });
    expect(body).toEqual({ status: 'unavailable', down: ['cards'] });
    expect(JSON.stringify(body)).not.toContain('http');
  });

  it('adds urls and reasons in development', () => {
    expect(readinessBody(report, { production: false })).toEqual({
      status: 'unavailable',
      down: ['cards'],
      subgraphs: report.subgraphs,
    });
  });

  it('reports ready when every subgraph is up', () => {
    expect(readinessBody({ ready: true, subgraphs: [] }, { production: true })).toEqual({ status: 'ready', down: [] });
  });

  it('carries the gateway-level reason', () => {
    expect(readinessBody({ ready: false, reason: 'shutting down', subgraphs: [] }, { production: true })).toEqual({
      status: 'unavailable',
      reason: 'shutting down',
      down: [],
    });
  });
});

describe('probeSubgraph (real HTTP on loopback)', () => {
  // One tiny server whose behaviour is chosen by path: up, failing, hanging.
  let server: Server;
  let base: string;
  const hanging: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/up') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { __typename: 'Query' } }));
      } else if (req.url === '/failing') {
        res.statusCode = 503;
        res.end('unavailable');
      } else if (req.url === '/not-graphql') {
        res.setHeader('content-type', 'application/json');
        res.end('{"hello":"world"}');
      } else {
        hanging.push(res);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('is up when the subgraph answers __typename', async () => {
    expect(await probeSubgraph({ name: 'a', url: `${base}/up` }, 1000)).toEqual({ name: 'a', url: `${base}/up`, up: true });
  });

  it('is down with the HTTP status on an error answer', async () => {
    expect(await probeSubgraph({ name: 'a', url: `${base}/failing` }, 1000)).toMatchObject({ up: false, reason: 'HTTP 503' });
  });

  it('is down on an answer that is not a GraphQL result', async () => {
    expect(await probeSubgraph({ name: 'a', url: `${base}/not-graphql` }, 1000)).toMatchObject({ up: false, reason: 'unexpected response' });
  });

  it('is down with reason timeout when the subgraph does not answer in time', async () => {
    expect(await probeSubgraph({ name: 'a', url: `${base}/hang` }, 50)).toMatchObject({ up: false, reason: 'timeout' });
  });

  it('is down when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await probeSubgraph({ name: 'a', url: `http://127.0.0.1:${port}/` }, 1000)).toMatchObject({ up: false, reason: 'ECONNREFUSED' });
  });

  it('is down when the subgraph has no url', async () => {
    expect(await probeSubgraph({ name: 'a', url: undefined }, 1000)).toEqual({ name: 'a', up: false, reason: 'no url' });
  });

  it('is ready only when every subgraph is up', async () => {
    const report = await probeSubgraphs([{ name: 'a', url: `${base}/up` }, { name: 'b', url: `${base}/failing` }], 1000);
    expect(report.ready).toBe(false);
    expect(report.subgraphs.map((s) => [s.name, s.up])).toEqual([['a', true], ['b', false]]);
  });
});
