import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { startTestStack, testDataset } from './support/testStack';
import { callAs } from './support/testAuth';

// A teller's scenario: the whole customer360 view at the counter while one legacy system fails.
callAs('teller');

type Served = {
  customer: {
    id: string;
    accounts: unknown[] | null;
    cards: unknown[] | null;
    salesOrders: unknown | null;
    openCases: unknown[] | null;
    profile: { fullName: { value: string | null } } | null;
  } | null;
};

/**
 * Each test starts a stack of its own: a fault one test injects (and the breaker it opens, which
 * stays open for a moment afterwards) cannot reach another, so the tests pass in any order and alone.
 */
describe('one legacy system failing', () => {
  let dataset: Dataset;
  let stack: RunningStack | undefined;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
  });
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  /** A fresh stack, and the id of a person known to all four systems (every part of customer360 has data). */
  const freshStack = async (): Promise<{ stack: RunningStack; customerId: string }> => {
    stack = await startTestStack(dataset);
    const person = dataset.truth.find((p) => p.keys.cardholderIds.length && p.keys.partnerIds.length && p.keys.contactIds.length)!;
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, '{ customerBySourceKey(system: CORE_BANKING, localId: "' + person.keys.cifs[0] + '") { id } }');
    // Healthy first: the whole view, no error (else a failure below could be the stack's, not the fault's).
    const healthy = await postGraphQL<Served>(stack.gateway.url, operation('customer360'), { id: found.data!.customerBySourceKey.id });
    expect(healthy.errors).toBeUndefined();
    return { stack, customerId: found.data!.customerBySourceKey.id };
  };

  const errorsOf = (response: { errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> }) =>
    (response.errors ?? []).map((e) => ({ field: e.path?.[1], code: e.extensions?.code, system: e.extensions?.system }));

  it('serves every other system and UPSTREAM_PROTOCOL_ERROR for one answering malformed payloads', async () => {
    const { stack, customerId } = await freshStack();
    stack.simulators.ERP.setFaults({ malformedRate: 1 });
    const response = await postGraphQL<Served>(stack.gateway.url, operation('customer360'), { id: customerId });
    const customer = response.data!.customer!;
    expect(customer.salesOrders).toBeNull();
    expect(customer.accounts).not.toBeNull();
    expect(customer.cards).not.toBeNull();
    const errors = errorsOf(response);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatchObject({ code: 'UPSTREAM_PROTOCOL_ERROR', system: 'ERP' });
  });

  it('answers malformed GraphQL and invalid ids with typed errors, not crashes', async () => {
    const { stack } = await freshStack();
    const parse = await postGraphQL(stack.gateway.url, '{ customer(id: ');
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const badId = await postGraphQL(stack.gateway.url, '{ customer(id: "DROP TABLE") { id } }');
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await postGraphQL<Served>(stack.gateway.url, '{ customer(id: "cust_unknown0000") { id } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.customer).toBeNull();
  });

  it('serves every other system and a typed UPSTREAM_UNAVAILABLE for the one in outage', async () => {
    const { stack, customerId } = await freshStack();
    stack.simulators.CARDS.setFaults({ down: true });
    const response = await postGraphQL<Served>(stack.gateway.url, operation('customer360'), { id: customerId });
    expect(response.status).toBe(200);
    const customer = response.data!.customer!;
    expect(customer.cards).toBeNull();
    expect(customer.accounts).not.toBeNull();
    expect(customer.salesOrders).not.toBeNull();
    expect(customer.openCases).not.toBeNull();
    expect(customer.profile?.fullName.value).toBeTruthy();
    const errors = errorsOf(response);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' });
    expect(errors.map((e) => e.field)).toContain('cards');
  });
});
