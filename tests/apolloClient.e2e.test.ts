/**
 * @jest-environment-options {"customExportConditions": ["development", "node", "node-addons"]}
 */
/*
 * Apollo Client 4, in its development build (the `development` export condition above: the build
 * that warns), against the whole stack, set up the way docs/frontend.md tells front-end teams to
 * (docs/examples/unifiedViewClient.ts). A front end's day: a customer list, the 360 view,
 * insights, a booking, the list again; then a system down (partial data with errorPolicy 'all')
 * and a system down behind the cache (`extensions.stale` through the link).
 */
import { format } from 'node:util';
import { ApolloClient, CombinedGraphQLErrors, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { __DEV__ } from '@apollo/client/utilities/environment';
import { eventually } from '../adapters/cache/testing/redisTestkit';
import type { StaleReport } from '../docs/examples/staleLink';
import { createUnifiedViewClient } from '../docs/examples/unifiedViewClient';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { tokenFor, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A relationship manager's scenario, as the Apollo Client below (its token is a relationship manager's).
callAs('relationship-manager');

type ListData = { customers: { edges: Array<{ node: { id: string } }> } };
type Customer360Data = {
  customer: {
    id: string;
    profile: { fullName: { value: string | null } } | null;
    accounts: Array<{ id: string }> | null;
    cards: Array<{ id: string }> | null;
    salesOrders: { edges: Array<{ node: { id: string } }> } | null;
    openCases: Array<{ id: string }> | null;
    advisor: { freeSlots: Array<{ id: string }> } | null;
    appointments: Array<{ id: string; slotId: string }> | null;
  } | null;
};

const CUSTOMER_LIST: TypedDocumentNode<ListData, { first?: number }> = gql(operation('customerList'));
const CUSTOMER_360: TypedDocumentNode<Customer360Data, { id: string }> = gql(operation('customer360'));
const INSIGHTS = gql(`query CustomerInsights($id: ID!) {
  customer(id: $id) {
    id
    profile { fullName { value rule } birthDate { value } }
    segment { tier ageBand reasons }
    lifecycleStage { stage reasons }
    relationshipValue { totalDeposits { amount currency } reasons }
    nextBestActions { code title reason channel priority }
  }
}`);
const BOOK = gql(`mutation Book($input: ScheduleCallbackInput!) {
  scheduleCallback(input: $input) { appointment { id slotId advisorId start end } userErrors { code message } }
}`);

/** Everything Apollo Client says on the console while `run` runs. */
async function consoleOutput(run: () => Promise<void>): Promise<string[]> {
  const said: string[] = [];
  const record = (level: string) => (...args: unknown[]) => void said.push(`${level}: ${format(...args)}`);
  const warn = jest.spyOn(console, 'warn').mockImplementation(record('warn'));
  const error = jest.spyOn(console, 'error').mockImplementation(record('error'));
  try {
    await run();
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
  return said;
}

describe('Apollo Client 4 against the gateway (development build)', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  let token: string;
  const staleReports: StaleReport[] = [];
  let full: string[] = [];

  beforeAll(async () => {
    loadDevMessages();
    loadErrorMessages();
    ({ dataset } = await testDataset());
    // A relationship manager reads the 360 view with its money and may book callbacks.
    token = await tokenFor('relationship-manager');
    // The cache on, so the stale case can happen: cards expire at once and fall back to stale
    // data when the processor is down. ERP is not cached at all: down means down.
    stack = await startTestStack(dataset, { cacheEnv: { CACHE_TTL_MS: '600000', CARDS_CACHE_TTL_MS: '1', ERP_CACHE_TTL_MS: '0', CHANGE_POLL_MS: '0' } });
    // Chosen once, while every system answers: later tests take systems down, and a breaker
    // still open from one test must not make the next one's choice.
    full = await fullCustomers(2);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const client = () => createUnifiedViewClient({ uri: stack.gateway.url, getToken: () => token, onStale: (report) => staleReports.push(report) });

  /** Customers known to every system, with at least one account, card, order and open case (about 1 in 100: pages are read until enough are found). */
  async function fullCustomers(count: number): Promise<string[]> {
    const found: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
      const page: { data?: { customers: { edges: Array<{ node: { id: string; sourceKeys: Array<{ system: string }> } }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } } =
        await postGraphQL(
          stack.gateway.url,
          'query($after: String) { customers(first: 100, after: $after) { edges { node { id sourceKeys { system } } } pageInfo { endCursor hasNextPage } } }',
          { after },
        );
      const { edges, pageInfo } = page.data!.customers;
      for (const { node } of pageNumber === 0 ? edges.slice(20) : edges) {
        if (new Set(node.sourceKeys.map((k) => k.system)).size < 4) continue;
        const answer = await postGraphQL<{ customer: { accounts: unknown[]; cards: unknown[]; salesOrders: { totalCount: number }; openCases: unknown[] } }>(
          stack.gateway.url,
          'query($id: ID!) { customer(id: $id) { accounts { type } cards { status } salesOrders(first: 1) { totalCount } openCases { status } } }',
          { id: node.id },
        );
        const c = answer.data!.customer;
        if (c.accounts.length && c.cards.length && c.salesOrders.totalCount && c.openCases.length) found.push(node.id);
        if (found.length === count) return found;
      }
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    throw new Error(`the test population has fewer than ${count} customers with accounts, cards, orders and open cases`);
  }

  it('runs the development build, which does warn about a cache that cannot merge the golden profile', async () => {
    expect(__DEV__).toBe(true);
    // The control: Apollo's defaults, no type policies. The warning the guide's settings prevent.
    const plain = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: stack.gateway.url, headers: { authorization: `Bearer ${token}` } }),
      // Only the cache matters here; the error policy is declared 'all' by the guide's client module.
      defaultOptions: { query: { errorPolicy: 'all' }, watchQuery: { errorPolicy: 'all' }, mutate: { errorPolicy: 'all' } },
    });
    const said = await consoleOutput(async () => {
      const list = await plain.query({ query: CUSTOMER_LIST, variables: { first: 5 } });
      await plain.query({ query: CUSTOMER_360, variables: { id: list.data!.customers.edges[0].node.id } });
      await plain.query({ query: CUSTOMER_LIST, variables: { first: 5 }, fetchPolicy: 'network-only' });
    });
    expect(said.join('\n')).toMatch(/Cache data may be lost when replacing the profile field of a Customer object/);
  });

  it('normalises a customer360 by the entities ids, with no cache warning, through a front end day', async () => {
    const [id] = full;
    const apollo = client();
    let view: Customer360Data['customer'] = null;
    const said = await consoleOutput(async () => {
      await apollo.query({ query: CUSTOMER_LIST, variables: { first: 10 } });
      view = (await apollo.query({ query: CUSTOMER_360, variables: { id } })).data!.customer;
      await apollo.query({ query: INSIGHTS, variables: { id } });
      await apollo.query({ query: CUSTOMER_LIST, variables: { first: 10 }, fetchPolicy: 'network-only' });
      const slot = view!.advisor?.freeSlots[0];
      if (slot) {
        const booked = await apollo.mutate({ mutation: BOOK, variables: { input: { customerId: id, slotId: slot.id, idempotencyKey: `apollo-test-${id}` } } });
        expect(booked.data).toMatchObject({ scheduleCallback: { userErrors: [], appointment: { slotId: slot.id } } });
      }
      // The booking shows in the 360 view once it is asked again (docs/frontend.md: refetch after a mutation).
      await apollo.query({ query: CUSTOMER_360, variables: { id }, fetchPolicy: 'network-only' });
      await apollo.query({ query: INSIGHTS, variables: { id }, fetchPolicy: 'network-only' });
    });
    expect(said).toEqual([]);

    // Each entity is stored once under its own key, and the customer refers to it.
    const store = apollo.cache.extract() as Record<string, Record<string, unknown>>;
    const customer = view!;
    const keys = [
      ...customer.accounts!.map((a) => `Account:${a.id}`),
      ...customer.cards!.map((c) => `Card:${c.id}`),
      ...customer.salesOrders!.edges.map((e) => `SalesOrder:${e.node.id}`),
      ...customer.openCases!.map((c) => `Case:${c.id}`),
    ];
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(store[key]).toBeDefined();
    expect(JSON.stringify(store[`Customer:${id}`])).toContain(`"__ref":"Account:${customer.accounts![0].id}"`);
    // The refetched 360 view holds the booking.
    if (customer.advisor?.freeSlots[0]) {
      const after = apollo.readQuery({ query: CUSTOMER_360, variables: { id } });
      expect(after?.customer?.appointments?.map((a) => a.slotId)).toContain(customer.advisor.freeSlots[0].id);
    }
  });

  it("keeps the rest of the customer when one system is down (errorPolicy 'all'), where Apollo's default drops it all", async () => {
    const [, id] = full;
    stack.simulators.ERP.setFaults({ down: true });
    try {
      const partial = await client().query({ query: CUSTOMER_360, variables: { id } });
      expect(partial.data?.customer?.id).toBe(id);
      expect(partial.data?.customer?.salesOrders).toBeNull();
      expect(partial.data?.customer?.accounts?.length).toBeGreaterThan(0);
      expect(partial.data?.customer?.profile?.fullName.value).toBeTruthy();
      expect(CombinedGraphQLErrors.is(partial.error)).toBe(true);
      const errors = CombinedGraphQLErrors.is(partial.error) ? partial.error.errors : [];
      expect(errors.some((e) => e.extensions?.code === 'UPSTREAM_UNAVAILABLE' && e.extensions?.system === 'ERP')).toBe(true);

      // Apollo's default ('none'): the same answer becomes an error and no data at all.
      const strict = client().query({ query: CUSTOMER_360, variables: { id }, errorPolicy: 'none' as 'all' });
      await expect(strict).rejects.toThrow(/ERP|unavailable/i);
    } finally {
      stack.simulators.ERP.setFaults({ down: false });
    }
  });

  it('hands extensions.stale to the application through the stale link', async () => {
    const [id] = full;
    const apollo = client();
    await apollo.query({ query: CUSTOMER_360, variables: { id }, fetchPolicy: 'network-only' });
    expect(staleReports.at(-1)).toEqual({ operationName: 'Customer360', stale: [] });
    stack.simulators.CARDS.setFaults({ down: true });
    try {
      await eventually(
        async () => {
          await apollo.query({ query: CUSTOMER_360, variables: { id }, fetchPolicy: 'network-only' });
          return (staleReports.at(-1)?.stale.length ?? 0) > 0;
        },
        'a stale report',
        10_000,
        50,
      );
      const report = staleReports.at(-1)!;
      expect(report.operationName).toBe('Customer360');
      expect(report.stale.map((s) => s.system)).toContain('CARDS');
      for (const marker of report.stale) expect(marker.ageMs).toBeGreaterThanOrEqual(0);
    } finally {
      stack.simulators.CARDS.setFaults({ down: false });
    }
  });
});
