import { findLuhnValidCardNumbers } from '../gateway/logging/luhn';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL, seenResponses, type GraphQLResponse } from './support/graphqlClient';
import { startTestStack, testDataset } from './support/testStack';
import { callAs } from './support/testAuth';

// A teller's scenario: the role that reads cards (FINANCIAL), so the card fields are really served and scanned.
callAs('teller');

const MASKED_PAN = /"maskedPan":"\d{6}\*+\d{4}"/g;
const CUSTOMER_PAGE = `query CustomerPage($first: Int, $after: String) {
  customers(first: $first, after: $after) { edges { node { id cards { cardId maskedPan } } } pageInfo { endCursor } }
}`;
type CustomerPage = { customers: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string | null } } };

describe('PCI: no full card number in any GraphQL response', () => {
  let dataset: Dataset;
  let stack: RunningStack;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('serves customer360 for many customers and customer lists with masked PANs only', async () => {
    seenResponses.length = 0;
    const pages: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 2; page += 1) {
      const list: GraphQLResponse<CustomerPage> = await postGraphQL<CustomerPage>(stack.gateway.url, CUSTOMER_PAGE, { first: 50, after });
      pages.push(...list.data!.customers.edges.map((e) => e.node.id));
      after = list.data!.customers.pageInfo.endCursor;
    }
    await postGraphQL(stack.gateway.url, operation('customerList'), { first: 50 });
    // customer360 in batches of concurrent requests, as front ends would call it.
    const ids = pages.slice(0, 60);
    for (let i = 0; i < ids.length; i += 10) {
      await Promise.all(ids.slice(i, i + 10).map((id) => postGraphQL(stack.gateway.url, operation('customer360'), { id })));
    }

    const bodies = seenResponses.join('\n');
    expect(seenResponses.length).toBeGreaterThan(60);
    // The scan is only meaningful if card data was actually served.
    expect((bodies.match(MASKED_PAN) ?? []).length).toBeGreaterThan(30);
    expect(findLuhnValidCardNumbers(bodies)).toEqual([]);
    // 60 customer360s and three lists: well under a minute alone, but CI may share the cores.
  }, 180_000);
});
