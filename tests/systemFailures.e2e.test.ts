import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { startTestStack, testDataset } from './support/testStack';

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

describe('one legacy system failing', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  let customerId: string;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
    // A person known to all four systems, so every part of customer360 has data.
    const person = dataset.truth.find((p) => p.keys.cardholderIds.length && p.keys.partnerIds.length && p.keys.contactIds.length)!;
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, '{ customerBySourceKey(system: CORE_BANKING, localId: "' + person.keys.cifs[0] + '") { id } }');
    customerId = found.data!.customerBySourceKey.id;
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(() => {
    for (const sim of Object.values(stack.simulators)) if (typeof sim === 'object') sim.setFaults({ down: false, malformedRate: 0, errorRate: 0 });
  });

  const errorsOf = (response: { errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> }) =>
    (response.errors ?? []).map((e) => ({ field: e.path?.[1], code: e.extensions?.code, system: e.extensions?.system }));

  it('serves every other system and UPSTREAM_PROTOCOL_ERROR for one answering malformed payloads', async () => {
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
    const parse = await postGraphQL(stack.gateway.url, '{ customer(id: ');
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const badId = await postGraphQL(stack.gateway.url, '{ customer(id: "DROP TABLE") { id } }');
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await postGraphQL<Served>(stack.gateway.url, '{ customer(id: "cust_unknown0000") { id } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.customer).toBeNull();
  });

  // Last: the outage opens the cards breaker, which stays open for a moment afterwards.
  it('serves every other system and a typed UPSTREAM_UNAVAILABLE for the one in outage', async () => {
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
