import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallSigner, createCallVerifier, type SubgraphKeys } from '../subgraphs/runtime/callSignature';
import { probeSubgraph, probeSubgraphs, readinessBody, readinessStatus, strictReadiness, systemStates, type ReadinessReport } from './readiness';

describe('readinessBody', () => {
  const report: ReadinessReport = {
    ready: false,
    subgraphs: [
      { name: 'identity', url: 'http://10.0.0.1:4001/graphql', up: true },
      { name: 'cards', url: 'http://10.0.0.2:4003/graphql', up: false, reason: 'ECONNREFUSED' },
    ],
    systems: [],
  };

  it('names only the down subgraphs in production', () => {
    const body = readinessBody(report, { production: true });
    expect(body).toEqual({ status: 'unavailable', down: ['cards'], degraded: [], systems: [] });
    expect(JSON.stringify(body)).not.toContain('http');
  });

  it('adds urls and reasons in development', () => {
    expect(readinessBody(report, { production: false })).toEqual({
      status: 'unavailable',
      down: ['cards'],
      degraded: [],
      subgraphs: report.subgraphs,
      systems: [],
    });
  });

  it('reports ready when every subgraph is up', () => {
    expect(readinessBody({ ready: true, subgraphs: [], systems: [] }, { production: true })).toEqual({ status: 'ready', down: [], degraded: [], systems: [] });
  });

  it('carries the gateway-level reason', () => {
    expect(readinessBody({ ready: false, reason: 'shutting down', subgraphs: [], systems: [] }, { production: true })).toEqual({
      status: 'unavailable',
      reason: 'shutting down',
      down: [],
      degraded: [],
      systems: [],
    });
  });
});

describe('legacy systems beside the subgraphs', () => {
  const cardsOpen = 'breaker open after 9 of 10 calls failed within 10 s; last: connection failed (ECONNREFUSED)';
  const report: ReadinessReport = {
    ready: true,
    subgraphs: [
      { name: 'cards', up: true, url: 'http://10.0.0.2:4003/graphql' },
      { name: 'erp', up: true, url: 'http://10.0.0.3:4004/graphql' },
    ],
    systems: systemStates([
      { name: 'cards', up: true, systems: [{ system: 'CARDS', breaker: 'open', reason: cardsOpen }] },
      { name: 'erp', up: true, systems: [{ system: 'ERP', breaker: 'closed' }] },
    ]),
  };

  it('names a degraded system and still answers 200, unless strict', () => {
    expect(readinessStatus(report, { strict: false })).toBe(200);
    expect(readinessStatus(report, { strict: true })).toBe(503);
    expect(readinessBody(report, { production: true })).toEqual({
      status: 'degraded',
      down: [],
      degraded: ['CARDS'],
      systems: [
        { system: 'CARDS', breaker: 'open' },
        { system: 'ERP', breaker: 'closed' },
      ],
    });
  });

  it('gives the root cause outside production', () => {
    const body = readinessBody(report, { production: false }) as { systems: Array<{ system: string; reason?: string; subgraphs: string[] }> };
    expect(body.systems[0]).toEqual({ system: 'CARDS', breaker: 'open', reason: cardsOpen, subgraphs: ['cards'] });
  });

  it('answers 503 for a subgraph down whatever the mode, and 200 strict when every breaker is closed', () => {
    expect(readinessStatus({ ...report, ready: false }, { strict: false })).toBe(503);
    expect(readinessStatus({ ...report, systems: systemStates([{ name: 'erp', up: true, systems: [{ system: 'ERP', breaker: 'closed' }] }]) }, { strict: true })).toBe(200);
  });

  it('counts a batch system whose data is older than its schedule as degraded (200, 503 when strict), and one on schedule as not', () => {
    const stale = systemStates([{ name: 'mortgages', up: true, systems: [{ system: 'MORTGAGES', breaker: 'closed', freshness: { asOf: '2026-12-01', ageMs: 200_000_000, stale: true } }] }]);
    const staleReport: ReadinessReport = { ready: true, subgraphs: [{ name: 'mortgages', up: true }], systems: stale };
    expect(readinessStatus(staleReport, { strict: false })).toBe(200);
    expect(readinessStatus(staleReport, { strict: true })).toBe(503);
    expect(readinessBody(staleReport, { production: true })).toEqual({ status: 'degraded', down: [], degraded: ['MORTGAGES'], systems: [{ system: 'MORTGAGES', breaker: 'closed', stale: true }] });
    const fresh = systemStates([{ name: 'mortgages', up: true, systems: [{ system: 'MORTGAGES', breaker: 'closed', freshness: { asOf: '2026-12-03', ageMs: 3_600_000, stale: false } }] }]);
    expect(readinessBody({ ...staleReport, systems: fresh }, { production: true })).toEqual({ status: 'ready', down: [], degraded: [], systems: [{ system: 'MORTGAGES', breaker: 'closed', stale: false }] });
  });

  it('takes the worst breaker when several subgraphs call one system', () => {
    const states = systemStates([
      { name: 'a', up: true, systems: [{ system: 'CARDS', breaker: 'closed' }] },
      { name: 'b', up: true, systems: [{ system: 'CARDS', breaker: 'half-open', reason: 'r' }] },
    ]);
    expect(states).toEqual([{ system: 'CARDS', breaker: 'half-open', reason: 'r', subgraphs: ['a', 'b'] }]);
  });

  it.each([
    ['strict=1', {}, true],
    ['strict=true', {}, true],
    ['strict=0', { READY_STRICT: '1' }, false],
    ['', { READY_STRICT: '1' }, true],
    ['', {}, false],
  ])('strict mode from "?%s" and %j is %s', (search, env, expected) => {
    expect(strictReadiness(search, env)).toBe(expected);
  });
});

describe('probeSubgraph (real HTTP on loopback)', () => {
  const keys: SubgraphKeys = { current: { kid: 'k1', secret: new TextEncoder().encode('readiness-test-key-0123456789abcdef') } };
  const verify = createCallVerifier(keys);
  // One tiny server whose behaviour is chosen by path: up, failing, hanging.
  let server: Server;
  let base: string;
  const hanging: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/signed') {
        // Answers only a call signed for subgraph "a" with this test's key.
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          verify(req.headers['x-gateway-signature'] as string | undefined, Buffer.concat(chunks), 'a').then(
            () => {
              res.setHeader('content-type', 'application/json');
              res.end(JSON.stringify({ data: { __typename: 'Query' } }));
            },
            () => {
              res.statusCode = 401;
              res.end();
            },
          );
        });
      } else if (req.url === '/signed/health') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ status: 'ok', systems: [{ system: 'CARDS', breaker: 'open', reason: 'why' }, { system: 'X', breaker: 'weird' }] }));
      } else if (req.url?.endsWith('/health')) {
        res.statusCode = 404;
        res.end();
      } else if (req.url === '/up') {
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

  it('signs its probe, and reads the legacy systems from the subgraph /health', async () => {
    expect(await probeSubgraph({ name: 'a', url: `${base}/signed` }, 1000)).toMatchObject({ up: false, reason: 'HTTP 401' });
    expect(await probeSubgraph({ name: 'a', url: `${base}/signed` }, 1000, createCallSigner(keys))).toEqual({
      name: 'a',
      url: `${base}/signed`,
      up: true,
      // An entry it cannot read is left out rather than trusted.
      systems: [{ system: 'CARDS', breaker: 'open', reason: 'why' }],
    });
  });

  it('is ready only when every subgraph is up', async () => {
    const report = await probeSubgraphs([{ name: 'a', url: `${base}/up` }, { name: 'b', url: `${base}/failing` }], 1000);
    expect(report.ready).toBe(false);
    expect(report.subgraphs.map((s) => [s.name, s.up])).toEqual([['a', true], ['b', false]]);
  });
});
