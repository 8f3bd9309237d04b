import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { SUBGRAPHS } from '../../schema/subgraphList';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import type { RunningStack } from '../../stack/startStack';
import { bodyHash, createCallSigner, defaultSubgraphKeys, SIGNATURE_HEADER } from '../../subgraphs/runtime/callSignature';
import { readSchemaFile } from '../../subgraphs/runtime/readSchemaFile';
import { authHeaders } from '../support/testAuth';
import { postGraphQL } from '../support/graphqlClient';
import { startTestStack, testDataset } from '../support/testStack';

/**
 * Subgraphs trust only the gateway (issue #11, item 4). Every attack row is sent straight to a
 * subgraph's port, for every subgraph and every kind of operation (a query, `_service`,
 * `_entities`, each mutation), and must get 401 UNAUTHENTICATED with no data; afterwards nothing
 * has changed: no steward decision, no booking (the call center saw no ScheduleCallback), the
 * crosswalk as before. A correctly signed call is the control: it is answered.
 */

type Op = { subgraph: string; kind: string; query: string; variables?: Record<string, unknown>; mutation?: boolean; valid?: boolean };

/** A root query worth stealing, where the subgraph has one (the others: `{ __typename }`). */
function rootQueryOf(subgraph: string): Pick<Op, 'query' | 'variables'> {
  if (subgraph === 'identity') return { query: '{ customers(first: 1) { edges { node { id sourceKeys { system localId } } } } }' };
  if (subgraph === 'audit') return { query: 'query($c: ID!) { auditTrail(customerId: $c, first: 5) { edges { node { id } } } }', variables: { c: customerId } };
  return { query: '{ __typename }' };
}

let dataset: Dataset;
let stack: RunningStack;
let cif: string;
let cardholderId: string;
let customerId: string;
let bookable: { customerId: string; slotId: string };

/** Every (subgraph, operation) the attacks are tried on. */
function operations(): Op[] {
  const ops: Op[] = [];
  for (const { name, sdlFile } of SUBGRAPHS) {
    ops.push({ subgraph: name, kind: 'query', ...rootQueryOf(name) });
    ops.push({ subgraph: name, kind: '_service', query: '{ _service { sdl } }' });
    ops.push({
      subgraph: name,
      kind: '_entities',
      // A subgraph without entities has no `_entities`: the attack is still refused before validation.
      valid: readSchemaFile(sdlFile).includes('@key'),
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Customer { id } } }',
      variables: { r: [{ __typename: 'Customer', id: customerId }] },
    });
  }
  const refs = { a: { system: 'CORE_BANKING', localId: cif }, b: { system: 'CARDS', localId: cardholderId } };
  for (const name of ['unlinkSourceRecords', 'linkSourceRecords']) {
    ops.push({
      subgraph: 'identity',
      kind: name,
      mutation: true,
      query: `mutation($input: StewardDecisionInput!) { ${name}(input: $input) { decision { decidedBy } } }`,
      variables: { input: { ...refs, reason: 'forged by an attacker' } },
    });
  }
  ops.push({
    subgraph: 'call-center',
    kind: 'scheduleCallback',
    mutation: true,
    query: 'mutation($input: ScheduleCallbackInput!) { scheduleCallback(input: $input) { appointment { id } } }',
    variables: { input: { ...bookable, idempotencyKey: `forged-${randomUUID()}` } },
  });
  return ops;
}

const now = () => Math.floor(Date.now() / 1000);
const otherKey = new TextEncoder().encode('an-attacker-key-that-is-long-enough-0123');

/** A JWT shaped like the gateway's, with any part chosen by the attack. */
async function forge(body: string, audience: string, options: { secret?: Uint8Array; kid?: string; iat?: number; exp?: number } = {}): Promise<string> {
  const keys = defaultSubgraphKeys();
  const iat = options.iat ?? now();
  return new SignJWT({ bh: bodyHash(body), roles: ['data-steward', 'call-center-agent', 'auditor'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: options.kid ?? keys.current.kid })
    .setIssuer('unified-view-gateway')
    .setAudience(audience)
    .setSubject('mallory')
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 30)
    .setJti(randomUUID())
    .sign(options.secret ?? keys.current.secret);
}

/** What an attack sends: the headers and the body for one operation. */
type Attack = { name: string; prepare(op: Op, body: string): Promise<{ signature?: string; body: string }> };

const ATTACKS: Attack[] = [
  { name: 'unsigned', prepare: async (_op, body) => ({ body }) },
  { name: 'a signature that is not a JWT', prepare: async (_op, body) => ({ body, signature: 'not-a-jwt' }) },
  {
    name: 'alg none (unsigned JWT)',
    prepare: async (op, body) => {
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const claims = { iss: 'unified-view-gateway', aud: op.subgraph, sub: 'mallory', bh: bodyHash(body), iat: now(), exp: now() + 30, jti: randomUUID() };
      return { body, signature: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.` };
    },
  },
  { name: 'expired long ago', prepare: async (op, body) => ({ body, signature: await forge(body, op.subgraph, { iat: now() - 3600, exp: now() - 3570 }) }) },
  {
    // The gateway's own signature for this very body, captured and sent again once it has expired.
    name: 'replay after expiry',
    prepare: async (op, body) => ({ body, signature: await forge(body, op.subgraph, { iat: now() - 45, exp: now() - 15 }) }),
  },
  {
    name: 'a lifetime longer than the gateway ever signs',
    prepare: async (op, body) => ({ body, signature: await forge(body, op.subgraph, { iat: now(), exp: now() + 365 * 86_400 }) }),
  },
  {
    name: 'tampered body (signature of a harmless request)',
    prepare: async (op, body) => {
      const harmless = JSON.stringify({ query: '{ __typename }' });
      return { body, signature: await createCallSigner()({ audience: op.subgraph, body: harmless, principal: { subject: 'steward-sam', roles: ['data-steward'] } }) };
    },
  },
  { name: 'wrong key', prepare: async (op, body) => ({ body, signature: await forge(body, op.subgraph, { secret: otherKey, kid: 'attacker' }) }) },
  { name: 'wrong key under the real key id', prepare: async (op, body) => ({ body, signature: await forge(body, op.subgraph, { secret: otherKey }) }) },
  {
    name: 'signed for another subgraph',
    prepare: async (op, body) => ({ body, signature: await createCallSigner()({ audience: op.subgraph === 'profile' ? 'insights' : 'profile', body }) }),
  },
];

async function send(op: Op, prepared: { signature?: string; body: string }) {
  const url = stack.subgraphs[op.subgraph].url;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(prepared.signature ? { [SIGNATURE_HEADER]: prepared.signature } : {}) },
    body: prepared.body,
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

async function stewardDecisions(): Promise<unknown> {
  const response = await postGraphQL<{ stewardDecisions: unknown[] }>(stack.gateway.url, '{ stewardDecisions(first: 100) { kind decidedBy reason } }', {}, await authHeaders('data-steward'));
  return response.data?.stewardDecisions;
}

describe('subgraphs answer only calls the gateway signed', () => {
  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
    const person = dataset.truth.find((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1)!;
    [cif, cardholderId] = [person.keys.cifs[0], person.keys.cardholderIds[0]];
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: CORE_BANKING, localId: "${cif}") { id } }`);
    customerId = found.data!.customerBySourceKey.id;
    // A customer with an advisor and a free slot: a forged booking would really book it.
    const advisorOf = new Map(dataset.callCenter.map((c) => [c.contactId, c.advisorId]));
    const contact = dataset.truth.find((p) => p.keys.contactIds.length === 1 && advisorOf.get(p.keys.contactIds[0]))!;
    const booked = await postGraphQL<{ customerBySourceKey: { id: string; advisor: { freeSlots: Array<{ id: string }> } } }>(
      stack.gateway.url,
      `{ customerBySourceKey(system: CALL_CENTER, localId: "${contact.keys.contactIds[0]}") { id advisor { freeSlots(first: 1) { id } } } }`,
    );
    bookable = { customerId: booked.data!.customerBySourceKey.id, slotId: booked.data!.customerBySourceKey.advisor.freeSlots[0].id };
    stack.simulators.CALL_CENTER.stats.reset();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses every attack on every subgraph and operation with 401, and nothing changes', async () => {
    const decisionsBefore = await stewardDecisions();
    const refused: string[] = [];
    const answered: string[] = [];
    for (const op of operations()) {
      for (const attack of ATTACKS) {
        const body = JSON.stringify({ query: op.query, variables: op.variables ?? {} });
        const { status, body: answer } = await send(op, await attack.prepare(op, body));
        const row = `${op.subgraph} ${op.kind} / ${attack.name}`;
        if (status === 401 && answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && answer.data === undefined) refused.push(row);
        else answered.push(`${row}: HTTP ${status}`);
      }
    }
    expect(answered).toEqual([]);
    expect(refused).toHaveLength(operations().length * ATTACKS.length);

    // Nothing of record changed: no steward decision, no booking, the same crosswalk.
    expect(await stewardDecisions()).toEqual(decisionsBefore);
    expect(stack.simulators.CALL_CENTER.stats.snapshot().byOperation.ScheduleCallback ?? 0).toBe(0);
    const after = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: CARDS, localId: "${cardholderId}") { id } }`);
    expect(after.data!.customerBySourceKey.id).toBe(customerId);
  });

  it('accepts a signature once: the same signed call sent again is refused', async () => {
    for (const op of operations().filter((o) => !o.mutation && o.valid !== false)) {
      const body = JSON.stringify({ query: op.query, variables: op.variables ?? {} });
      const signature = await createCallSigner()({ audience: op.subgraph, body, principal: { subject: 'auditor-ada', roles: ['auditor'] } });
      const first = await send(op, { signature, body });
      expect([op.subgraph, op.kind, first.status]).toEqual([op.subgraph, op.kind, 200]);
      const again = await send(op, { signature, body });
      expect([op.subgraph, op.kind, again.status]).toEqual([op.subgraph, op.kind, 401]);
    }
  });

  it('refuses GET on /graphql (no body for a signature to bind)', async () => {
    for (const { name } of SUBGRAPHS) {
      const response = await fetch(`${stack.subgraphs[name].url}?query=${encodeURIComponent('{ _service { sdl } }')}`);
      expect([name, response.status]).toEqual([name, 405]);
    }
  });

  it('records a steward decision under the signed principal only, whatever headers claim', async () => {
    const person = dataset.truth.find((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1 && p.keys.cifs[0] !== cif)!;
    const input = { a: { system: 'CORE_BANKING', localId: person.keys.cifs[0] }, b: { system: 'CARDS', localId: person.keys.cardholderIds[0] }, reason: 'attribution check' };
    const body = JSON.stringify({ query: 'mutation($input: StewardDecisionInput!) { unlinkSourceRecords(input: $input) { decision { decidedBy } } }', variables: { input } });
    const signature = await createCallSigner()({ audience: 'identity', body, principal: { subject: 'steward-sam', roles: ['data-steward'] } });
    const response = await fetch(stack.subgraphs.identity.url, {
      method: 'POST',
      // The old unsigned attribution headers are ignored.
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature, 'x-principal': 'mallory', 'x-principal-roles': 'data-steward' },
      body,
    });
    const answer = (await response.json()) as { data: { unlinkSourceRecords: { decision: { decidedBy: string } } } };
    expect(answer.data.unlinkSourceRecords.decision.decidedBy).toBe('steward-sam');
  });
});
