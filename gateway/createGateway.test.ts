import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type GatewayHandle } from './createGateway';
import type { GatewayContext } from './context';
import { defaultGatewayPlugins, type GatewayPlugin } from './plugins';
import {
  CARDS_SDL,
  PEOPLE_SDL_V1,
  PEOPLE_SDL_V2,
  captureLogger,
  composeSupergraph,
  nextSupergraphEvent,
  postGraphQL,
  replaceFile,
  startCardsSubgraph,
  startPeopleSubgraph,
  type PeopleSubgraph,
  type RunningSubgraph,
} from './testing/testSubgraphs';

// A plugin exercising the extension points a feature plugin uses: a route of its own and
// an HTTP hook that can end the request before GraphQL runs (as auth would).
// It also keeps each request's context, to see what the request left behind once answered.
const contexts = new Map<string, GatewayContext>();
const testPlugin: GatewayPlugin = {
  name: 'test',
  routes: [{ method: 'GET', path: '/hello', handle: (_req, res) => void res.end('hello') }],
  onGraphQLHttpRequest({ req, res, context }) {
    const tag = req.headers['x-test-tag'];
    if (typeof tag === 'string') contexts.set(tag, context);
    if (!req.headers['x-test-block']) return;
    res.statusCode = 401;
    res.end();
    return true;
  },
};

const SPANNING_QUERY = '{ person(id: "7") { id name cardCount } }';
/** Production gateways need a subgraph signing key (the test subgraphs here ignore the signature). */
const TEST_SUBGRAPH_KEY = 'create-gateway-test-subgraph-key-0123456789';

async function tempSupergraphFile(content: string): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  const path = join(dir, 'supergraph.graphql');
  await writeFile(path, content);
  return { dir, path };
}

describe('createGateway (development mode)', () => {
  let people: PeopleSubgraph;
  let cards: RunningSubgraph;
  let gateway: GatewayHandle;
  let dir: string;
  let path: string;
  const logs = captureLogger();

  beforeAll(async () => {
    [people, cards] = await Promise.all([startPeopleSubgraph(), startCardsSubgraph()]);
    // The supergraph names urls that do not exist; the environment points at the real ports,
    // as a deployment (or this test) does with SUBGRAPH_<NAME>_URL.
    ({ dir, path } = await tempSupergraphFile(
      composeSupergraph([
        { name: 'people', url: 'http://people.invalid/graphql', sdl: PEOPLE_SDL_V1 },
        { name: 'cards', url: 'http://cards.invalid/graphql', sdl: CARDS_SDL },
      ]),
    ));
    gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path,
      env: { SUBGRAPH_PEOPLE_URL: people.url, SUBGRAPH_CARDS_URL: cards.url },
      production: false,
      logger: logs.log,
      watchDebounceMs: 20,
      maxBodyBytes: 4096,
      plugins: [...defaultGatewayPlugins({ corsOrigins: ['https://app.example'] }), testPlugin],
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([people?.stop(), cards?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a query spanning both subgraphs', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: SPANNING_QUERY });
    expect(status).toBe(200);
    expect(json).toEqual({ data: { person: { id: '7', name: 'Person 7', cardCount: 2 } } });
  });

  it('marks a request whose whole answer was sent as over, and its signal stays unaborted (nothing left to stop)', async () => {
    const { status } = await postGraphQL(gateway.url, { query: SPANNING_QUERY }, { 'x-test-tag': 'answered' });
    expect(status).toBe(200);
    const context = contexts.get('answered');
    expect(context?.executionOver).toBe(true);
    await new Promise((resolveClosed) => setImmediate(resolveClosed));
    expect(context?.signal?.aborted).toBe(false);
  });

  it('serves GET queries (with the CSRF preflight header a stock Apollo server requires)', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ person(id: "1") { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { person: { name: 'Person 1' } } });
  });

  it('returns the caller x-request-id and forwards it to subgraphs', async () => {
    const { headers } = await postGraphQL(gateway.url, { query: SPANNING_QUERY }, { 'x-request-id': 'req-abc-123' });
    expect(headers.get('x-request-id')).toBe('req-abc-123');
    expect(people.requestIds).toContain('req-abc-123');
  });

  it('generates a request id when the caller sends none', async () => {
    const { headers } = await postGraphQL(gateway.url, { query: '{ person(id: "2") { id } }' });
    const id = headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(people.requestIds).toContain(id);
  });

  it('reports alive on /health and ready on /ready', async () => {
    const health = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', down: [] });
    expect(gateway.ready()).toBe(true);
  });

  it('passes a subgraph error through with its code and system, keeping the other fields (partial data)', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: '{ person(id: "7") { name cardCount cardsStatus } }' });
    expect(status).toBe(200);
    expect(json.data).toEqual({ person: { name: 'Person 7', cardCount: 2, cardsStatus: null } });
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]).toMatchObject({
      message: 'CARDS getCards is unavailable',
      path: ['person', 'cardsStatus'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' },
    });
  });

  it('answers malformed GraphQL with 400 GRAPHQL_PARSE_FAILED', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: '{ person(id: "1" { name }' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(json.errors[0].message).toMatch(/Syntax Error/);
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST', async () => {
    const { status, json } = await postGraphQL(gateway.url, '{"query": ');
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over the size limit with 413', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: `{ __typename }${' '.repeat(5000)}` });
    expect(status).toBe(413);
    expect(json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves plugin routes and lets a plugin end a request before GraphQL runs', async () => {
    const hello = await fetch(gateway.url.replace('/graphql', '/hello'));
    expect(await hello.text()).toBe('hello');
    const blocked = await postGraphQL(gateway.url, { query: SPANNING_QUERY }, { 'x-test-block': '1' });
    expect(blocked.status).toBe(401);
    expect(blocked.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers a CORS preflight from an allowed origin', async () => {
    const response = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it('answers an unknown path with 404', async () => {
    expect((await fetch(gateway.url.replace('/graphql', '/nope'))).status).toBe(404);
  });

  it('hot-reloads a new valid supergraph, then keeps serving it when the file turns to garbage', async () => {
    const nicknameQuery = { query: '{ person(id: "3") { name nickname } }' };
    const before = await postGraphQL(gateway.url, nicknameQuery);
    expect(before.status).toBe(400);
    expect(before.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const loaded = nextSupergraphEvent(gateway, 'loaded');
    await replaceFile(
      path,
      composeSupergraph([
        { name: 'people', url: 'http://people.invalid/graphql', sdl: PEOPLE_SDL_V2 },
        { name: 'cards', url: 'http://cards.invalid/graphql', sdl: CARDS_SDL },
      ]),
    );
    const event = await loaded;
    expect(event.supergraph.subgraphs.map((s) => s.name).sort()).toEqual(['cards', 'people']);

    const after = await postGraphQL(gateway.url, nicknameQuery);
    expect(after.json).toEqual({ data: { person: { name: 'Person 3', nickname: 'P3' } } });

    const rejected = nextSupergraphEvent(gateway, 'rejected');
    await replaceFile(path, 'this is { not a supergraph');
    expect((await rejected).reason).toMatch(/Syntax Error/);
    const logged = logs.lines.find((l) => l.msg === 'supergraph rejected; still serving the last good supergraph');
    expect(logged).toMatchObject({ level: 40, path, reason: expect.stringMatching(/Syntax Error/) });

    const stillServing = await postGraphQL(gateway.url, nicknameQuery);
    expect(stillServing.json).toEqual({ data: { person: { name: 'Person 3', nickname: 'P3' } } });
    expect(gateway.currentSupergraph()?.id).toBe(event.supergraph.id);
  });

  it('rejects valid GraphQL that is not a supergraph', async () => {
    const rejected = nextSupergraphEvent(gateway, 'rejected');
    await replaceFile(path, 'type Query { hello: String }');
    expect((await rejected).reason).toMatch(/supergraph|core schema|link/i);
    const { json } = await postGraphQL(gateway.url, { query: SPANNING_QUERY });
    expect(json.data.person.cardCount).toBe(2);
  });

  it('also picks up an in-place write (no rename)', async () => {
    const loaded = nextSupergraphEvent(gateway, 'loaded');
    await writeFile(
      path,
      composeSupergraph([
        { name: 'people', url: 'http://people.invalid/graphql', sdl: PEOPLE_SDL_V1 },
        { name: 'cards', url: 'http://cards.invalid/graphql', sdl: CARDS_SDL },
      ]),
    );
    await loaded;
    const { status } = await postGraphQL(gateway.url, { query: '{ person(id: "3") { nickname } }' });
    expect(status).toBe(400);
  });

  it('never logs query text or variables', () => {
    const text = JSON.stringify(logs.lines);
    expect(text).not.toContain('person(id');
    expect(text).not.toContain('variables');
    expect(logs.lines.some((l) => l.msg === 'graphql request' && l.requestId === 'req-abc-123')).toBe(true);
  });
});

describe('createGateway (production mode)', () => {
  let people: PeopleSubgraph;
  let cards: RunningSubgraph;
  let gateway: GatewayHandle;
  let dir: string;

  beforeAll(async () => {
    [people, cards] = await Promise.all([startPeopleSubgraph(), startCardsSubgraph()]);
    let path: string;
    ({ dir, path } = await tempSupergraphFile(
      composeSupergraph([
        { name: 'people', url: people.url, sdl: PEOPLE_SDL_V1 },
        { name: 'cards', url: cards.url, sdl: CARDS_SDL },
      ]),
    ));
    gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path,
      env: { SUBGRAPH_SIGNING_KEY: TEST_SUBGRAPH_KEY },
      production: true,
      logger: captureLogger().log,
      readinessTimeoutMs: 500,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([people?.stop(), cards?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps code and system on subgraph errors but strips the stack trace', async () => {
    const { json } = await postGraphQL(gateway.url, { query: '{ person(id: "7") { name cardsStatus } }' });
    expect(json.data.person).toEqual({ name: 'Person 7', cardsStatus: null });
    expect(json.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' });
    expect(json.errors[0].extensions.stacktrace).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/stacktrace|at .*\.ts/);
  });

  it('refuses introspection and gives no field suggestions', async () => {
    const introspection = await postGraphQL(gateway.url, { query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(400);
    expect(introspection.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const typo = await postGraphQL(gateway.url, { query: '{ persn(id: "1") { id } }' });
    expect(typo.status).toBe(400);
    expect(typo.json.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('has no stack trace on a parse failure', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: '{ person(' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('reports 503 naming the down subgraph when one stops, and serves partial data without internal urls', async () => {
    await cards.stop();

    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body).toEqual({ status: 'unavailable', down: ['cards'], degraded: [], systems: [] });

    const { json } = await postGraphQL(gateway.url, { query: SPANNING_QUERY });
    expect(json.data.person).toEqual({ id: '7', name: 'Person 7', cardCount: null });
    expect(json.errors.length).toBeGreaterThan(0);
    const errorsText = JSON.stringify(json.errors);
    expect(errorsText).not.toContain('127.0.0.1');
    expect(errorsText).not.toContain('http://');
  });
});

describe('createGateway lifecycle', () => {
  it('refuses to start on a supergraph file that is not valid', async () => {
    const { dir, path } = await tempSupergraphFile('not a supergraph');
    try {
      await expect(
        createGateway({ port: 0, host: '127.0.0.1', supergraphPath: path, logger: captureLogger().log }),
      ).rejects.toThrow(/Syntax Error/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start when the supergraph file is missing', async () => {
    await expect(
      createGateway({ port: 0, host: '127.0.0.1', supergraphPath: '/nonexistent/supergraph.graphql', logger: captureLogger().log }),
    ).rejects.toThrow(/cannot read supergraph file .*ENOENT/);
  });

  it('refuses to start in production without a subgraph signing key', async () => {
    await expect(
      createGateway({ port: 0, host: '127.0.0.1', supergraphPath: join(__dirname, '..', 'schema', 'supergraph.graphql'), env: {}, production: true, logger: captureLogger().log }),
    ).rejects.toThrow(/SUBGRAPH_SIGNING_KEY/);
  });

  it('bounds a hung subgraph with subgraphTimeoutMs: its fields fail with UPSTREAM_TIMEOUT', async () => {
    const people = await startPeopleSubgraph();
    const cards = await startCardsSubgraph();
    const { dir, path } = await tempSupergraphFile(
      composeSupergraph([
        { name: 'people', url: people.url, sdl: PEOPLE_SDL_V1 },
        { name: 'cards', url: cards.url, sdl: CARDS_SDL },
      ]),
    );
    const gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path,
      env: { SUBGRAPH_SIGNING_KEY: TEST_SUBGRAPH_KEY },
      production: true,
      subgraphTimeoutMs: 100,
      logger: captureLogger().log,
    });
    try {
      const { status, json } = await postGraphQL(gateway.url, { query: '{ slow }' });
      expect(status).toBe(200);
      expect(json.data).toEqual({ slow: null });
      // Production names no subgraph (no serviceName, and not in the message either).
      expect(json.errors[0].extensions).toEqual({ code: 'UPSTREAM_TIMEOUT' });
      expect(json.errors[0].message).toBe('A part of the answer did not come within 100 ms');
      // Subgraphs that answer in time are unaffected.
      const spanning = await postGraphQL(gateway.url, { query: SPANNING_QUERY });
      expect(spanning.json).toEqual({ data: { person: { id: '7', name: 'Person 7', cardCount: 2 } } });
    } finally {
      people.release();
      await gateway.close();
      await Promise.all([people.stop(), cards.stop()]);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('drains an in-flight request on close() and then stops answering', async () => {
    const people = await startPeopleSubgraph();
    const { dir, path } = await tempSupergraphFile(
      composeSupergraph([{ name: 'people', url: people.url, sdl: PEOPLE_SDL_V1 }]),
    );
    const gateway = await createGateway({ port: 0, host: '127.0.0.1', supergraphPath: path, logger: captureLogger().log });
    try {
      const inFlight = postGraphQL(gateway.url, { query: '{ slow }' });
      await people.slowEntered;

      const closed = gateway.close();
      expect(gateway.ready()).toBe(false);
      people.release();

      expect((await inFlight).json).toEqual({ data: { slow: 'done' } });
      await closed;
      await expect(fetch(gateway.url.replace('/graphql', '/health'))).rejects.toThrow();
    } finally {
      await gateway.close();
      await people.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
