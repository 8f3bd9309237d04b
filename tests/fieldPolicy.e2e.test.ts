import type { SensitivityClass } from '../gateway/auth/fieldPolicy';
import { EXPECTED_CUSTOMER_BOUND_ROLES, EXPECTED_MUTATION_GRANTS, EXPECTED_ROLE_GRID } from '../gateway/auth/testing/expectedAccessGrid';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { authHeaders } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// One field per row, at least one of each class: where it sits in the response, its schema
// coordinate, and its class. Which role reads which class comes from the hand-written grid
// (gateway/auth/testing/expectedAccessGrid.ts), never from the policy under test.
const SENSITIVE_FIELDS: Array<{ path: string[]; coordinate: string; cls: SensitivityClass }> = [
  { path: ['customer', 'coreBankingParty', 'givenName'], coordinate: 'Party.givenName', cls: 'PII' },
  { path: ['customer', 'profile', 'fullName'], coordinate: 'GoldenProfile.fullName', cls: 'PII' },
  { path: ['customer', 'accounts'], coordinate: 'Customer.accounts', cls: 'FINANCIAL' },
  { path: ['customer', 'cards'], coordinate: 'Customer.cards', cls: 'FINANCIAL' },
  { path: ['customer', 'coreBankingRecords'], coordinate: 'Customer.coreBankingRecords', cls: 'AUDIT' },
  { path: ['customer', 'lifecycleStage'], coordinate: 'Customer.lifecycleStage', cls: 'INSIGHT' },
  { path: ['auditTrail'], coordinate: 'Query.auditTrail', cls: 'AUDIT_TRAIL' },
];
const QUERY = `query Policy($id: ID!) {
  customer(id: $id) {
    id
    sourceKeys { system localId }
    coreBankingParty { localId givenName }
    profile { fullName { value } }
    accounts { accountNumber }
    cards { cardId }
    coreBankingRecords { localId }
    lifecycleStage { stage }
    openCases { caseId }
  }
  auditTrail(customerId: $id, first: 1) { __typename }
}`;

type Json = Record<string, unknown> | null | undefined;
const at = (data: Json, path: string[]): unknown => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], data);

describe('field policy end to end (every role, every class)', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  let customerId: string;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
    const person = dataset.truth.find((p) => p.keys.cifs.length && p.keys.cardholderIds.length)!;
    // Ids and source keys are not sensitive: the least-privileged caller may look them up.
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, 'query($l: String!){ customerBySourceKey(system: CORE_BANKING, localId: $l){ id } }', { l: person.keys.cifs[0] }, await authHeaders('integration'));
    customerId = found.data!.customerBySourceKey.id;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it.each(Object.keys(EXPECTED_ROLE_GRID))('serves %s exactly the classes the grid grants, and the rest of the response', async (role) => {
    const allowed = new Set((Object.keys(EXPECTED_ROLE_GRID[role]) as SensitivityClass[]).filter((cls) => EXPECTED_ROLE_GRID[role][cls]));
    // A customer-bound role (mobile-app) reads its own customer: the token names it.
    const bound = EXPECTED_CUSTOMER_BOUND_ROLES.includes(role) ? { customerId } : {};
    const response = await postGraphQL(stack.gateway.url, QUERY, { id: customerId }, await authHeaders(role, bound));
    expect(response.status).toBe(200);
    const data = response.data as Json;
    const forbidden = (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
    expect((response.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);

    for (const field of SENSITIVE_FIELDS) {
      const value = at(data, field.path);
      const errors = forbidden.filter((e) => e.extensions?.field === field.coordinate);
      if (allowed.has(field.cls)) {
        expect({ field: field.coordinate, served: value !== null && value !== undefined, errors: errors.length }).toEqual({ field: field.coordinate, served: true, errors: 0 });
      } else {
        expect({ field: field.coordinate, value, errors: errors.map((e) => ({ path: e.path, code: e.extensions?.code, cls: e.extensions?.class })) }).toEqual({
          field: field.coordinate,
          value: null,
          errors: [{ path: field.path, code: 'FORBIDDEN', cls: field.cls }],
        });
      }
    }
    // Not sensitive: served to every role.
    expect(at(data, ['customer', 'id'])).toBe(customerId);
    expect((at(data, ['customer', 'sourceKeys']) as unknown[]).length).toBeGreaterThan(0);
    expect(at(data, ['customer', 'coreBankingParty', 'localId'])).toEqual(expect.any(String));
    expect(at(data, ['customer', 'openCases'])).toEqual(expect.any(Array));
    // Exactly one FORBIDDEN error per refused field.
    expect(forbidden).toHaveLength(SENSITIVE_FIELDS.filter((f) => !allowed.has(f.cls)).length);
  });

  it.each(Object.keys(EXPECTED_ROLE_GRID))('lets %s call scheduleCallback only if the grid says so; others get 403 FORBIDDEN and nothing runs', async (role) => {
    const mutation = 'mutation($input: ScheduleCallbackInput!) { scheduleCallback(input: $input) { userErrors { code } appointment { id } } }';
    const input = { customerId, slotId: 'no-such-slot', idempotencyKey: `policy-test-${role}` };
    const bound = EXPECTED_CUSTOMER_BOUND_ROLES.includes(role) ? { customerId } : {};
    const response = await postGraphQL(stack.gateway.url, mutation, { input }, await authHeaders(role, bound));
    if (EXPECTED_MUTATION_GRANTS.scheduleCallback.includes(role)) {
      expect({ role, status: response.status }).toEqual({ role, status: 200 });
      expect((response.errors ?? []).map((e) => e.extensions?.code)).not.toContain('FORBIDDEN');
    } else {
      expect({ role, status: response.status, data: response.data }).toEqual({ role, status: 403, data: undefined });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.scheduleCallback' });
    }
  });

  it('serves the reference operation whole to a teller, and without the money parts to a call-center agent', async () => {
    const teller = await postGraphQL(stack.gateway.url, operation('customer360'), { id: customerId }, await authHeaders('teller'));
    expect(teller.status).toBe(200);
    expect(teller.errors).toBeUndefined();

    const agent = await postGraphQL<{ customer: Record<string, unknown> }>(stack.gateway.url, operation('customer360'), { id: customerId }, await authHeaders('call-center-agent'));
    expect(agent.status).toBe(200);
    expect((agent.errors ?? []).map((e) => e.extensions?.field).sort()).toEqual(['Customer.accounts', 'Customer.cards', 'Customer.mortgages', 'Customer.salesOrders']);
    const customer = agent.data!.customer;
    expect({ accounts: customer.accounts, cards: customer.cards, salesOrders: customer.salesOrders, mortgages: customer.mortgages }).toEqual({ accounts: null, cards: null, salesOrders: null, mortgages: null });
    expect(customer.profile).toEqual(expect.objectContaining({ fullName: expect.objectContaining({ value: expect.any(String) }) }));
    expect(customer.openCases).toEqual(expect.any(Array));
  });

  it('refuses a request without a token with 401 UNAUTHENTICATED', async () => {
    const response = await postGraphQL(stack.gateway.url, QUERY, { id: customerId }, { authorization: '' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
