import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent } from '../audit/auditEvent';
import type { AuditStore } from '../audit/auditStore';
import { createGateway, type GatewayHandle } from '../createGateway';
import { captureLogger, CARDS_SDL, composeSupergraph, PEOPLE_SDL_V1, postGraphQL, startCardsSubgraph, startPeopleSubgraph, type RunningSubgraph } from '../testing/testSubgraphs';
import type { GatewayPlugin } from './gatewayPlugin';
import { useAuditTrail, type AuditTrailOptions } from './useAuditTrail';
import { useRequestId } from './useRequestId';
import { useResolvedCustomers } from './useResolvedCustomers';

/** An in-memory store (a unit-level stand-in: the real stores have their own tests). */
function memoryStore(fail = false): AuditStore & { events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  return {
    kind: 'file',
    events,
    async append(event) {
      if (fail) throw new Error('ECONNREFUSED writing cust_SECRET0001');
      events.push(event);
    },
    async query() {
      return { events: [], hasNextPage: false };
    },
    async close() {},
  };
}

// Stands in for useAuthentication: a principal on the context, as gateway/auth/principal.ts shapes it.
const fakeAuth: GatewayPlugin = {
  name: 'fakeAuth',
  onGraphQLHttpRequest({ req, context }) {
    const subject = req.headers['x-test-subject'];
    if (typeof subject === 'string') Object.assign(context, { principal: { subject, channel: 'branch', roles: ['teller'] } });
  },
};

describe('useAuditTrail (real gateway and subgraphs)', () => {
  let people: RunningSubgraph;
  let cards: RunningSubgraph;
  let dir: string;
  let path: string;
  const gateways: GatewayHandle[] = [];

  beforeAll(async () => {
    [people, cards] = await Promise.all([startPeopleSubgraph(), startCardsSubgraph()]);
    dir = await mkdtemp(join(tmpdir(), 'audit-plugin-'));
    path = join(dir, 'supergraph.graphql');
    await writeFile(path, composeSupergraph([{ name: 'people', url: people.url, sdl: PEOPLE_SDL_V1 }, { name: 'cards', url: cards.url, sdl: CARDS_SDL }]));
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await Promise.all([people?.stop(), cards?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  async function gatewayWith(options: AuditTrailOptions, logger = captureLogger(), production = false) {
    const gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path,
      // Production needs a subgraph signing key (the test subgraphs do not check it).
      env: { SUBGRAPH_SIGNING_KEY: 'audit-trail-test-subgraph-key-0123456789' },
      production,
      logger: logger.log,
      // The test subgraphs' entity is Person: it stands in for Customer here.
      plugins: [useRequestId(), fakeAuth, useResolvedCustomers({ entity: { typeName: 'Person', idField: 'id' } }), useAuditTrail(options)],
    });
    gateways.push(gateway);
    return { gateway, logs: logger.lines };
  }

  const query = 'query Person($id: ID!) { person(id: $id) { id name cardCount } }';

  it('records who read which customer, with the classes selected, the operation and the request id', async () => {
    const store = memoryStore();
    const { gateway } = await gatewayWith({ store, fieldClasses: () => new Map([['Person.name', 'PII' as const], ['Person.cardCount', 'FINANCIAL' as const]]) });
    await postGraphQL(gateway.url, { query, variables: { id: 'cust_ABCD1234' } }, { 'x-test-subject': 'teller-1', 'x-request-id': 'req-audit-1' });
    expect(store.events).toEqual([
      {
        kind: 'ACCESS',
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
        subject: 'teller-1',
        channel: 'branch',
        roles: ['teller'],
        customerIds: ['cust_ABCD1234'],
        fieldClasses: ['PII', 'FINANCIAL'],
        operationName: 'Person',
        requestId: 'req-audit-1',
      },
    ]);
  });

  it.each([
    ['without the id selected', '{ person(id: "cust_EFGH5678") { name } }', ['cust_EFGH5678']],
    ['with the id under another alias', '{ p: person(id: "cust_EFGH5678") { pid: id } }', ['cust_EFGH5678']],
    ['with a field aliased as id', '{ person(id: "cust_EFGH5678") { id: name } }', ['cust_EFGH5678']],
    ['through a fragment, two people', '{ a: person(id: "cust_A0000001") { ...P } b: person(id: "cust_B0000002") { ...P } } fragment P on Person { cardCount }', ['cust_A0000001', 'cust_B0000002']],
    ['whatever the id looks like', '{ person(id: "7") { name } }', ['7']],
  ])('records the person resolved %s, and sends the client only what it asked for', async (_case, query, expected) => {
    const store = memoryStore();
    const { gateway } = await gatewayWith({ store });
    const { json } = await postGraphQL(gateway.url, { query }, { 'x-test-subject': 'teller-2' });
    expect(json.errors).toBeUndefined();
    expect(JSON.stringify(json)).not.toContain('_uvAuditCustomerId');
    expect(store.events.map((e) => ({ kind: e.kind, customerIds: e.customerIds }))).toEqual([{ kind: 'ACCESS', customerIds: expected }]);
  });

  it('records an unauthenticated caller as anonymous, and an unnamed operation as (unnamed)', async () => {
    const store = memoryStore();
    const { gateway } = await gatewayWith({ store });
    await postGraphQL(gateway.url, { query: '{ person(id: "cust_EFGH5678") { id } }' });
    expect(store.events).toEqual([expect.objectContaining({ subject: 'anonymous', channel: null, roles: [], operationName: '(unnamed)', fieldClasses: [] })]);
  });

  it('refuses a client that uses the reserved alias, before anything runs', async () => {
    const store = memoryStore();
    const { gateway } = await gatewayWith({ store });
    const { status, json } = await postGraphQL(gateway.url, { query: '{ person(id: "cust_EFGH5678") { _uvAuditCustomerId: name } }' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(store.events).toEqual([]);
  });

  it('answers when the store fails, logging the failure without the customer ids or the store error text', async () => {
    const outcomes: string[] = [];
    const { gateway, logs } = await gatewayWith({ store: memoryStore(true), required: false, onRecorded: (o) => outcomes.push(o) });
    const { json } = await postGraphQL(gateway.url, { query, variables: { id: 'cust_ABCD1234' } });
    expect(json.data.person.id).toBe('cust_ABCD1234');
    expect(outcomes).toEqual(['failed']);
    const line = logs.find((l) => l.msg === 'audit write failed');
    expect(line).toMatchObject({ level: 50, reason: 'Error', customers: 1 });
    expect(JSON.stringify(logs)).not.toMatch(/cust_|ECONNREFUSED/);
  });

  it('withholds the data when the audit trail is required and cannot be written', async () => {
    const { gateway } = await gatewayWith({ store: memoryStore(true), required: true });
    const { status, json } = await postGraphQL(gateway.url, { query, variables: { id: 'cust_ABCD1234' } });
    expect(status).toBe(503);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }) })]);
  });

  it('requires the trail in production whatever AUDIT_REQUIRED says', async () => {
    const { gateway } = await gatewayWith({ store: memoryStore(true) }, captureLogger(), true);
    const { status, json } = await postGraphQL(gateway.url, { query, variables: { id: 'cust_ABCD1234' } });
    expect(status).toBe(503);
    expect(json.data).toBeUndefined();
    expect(json.errors[0].extensions.code).toBe('AUDIT_UNAVAILABLE');
  });
});
