import path from 'node:path';
import { loadSafelist } from '../gateway/operationSafelist';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { startTestStack, testDataset } from './support/testStack';
import { callAs } from './support/testAuth';

// A teller's scenario: the counter's customer list, through the safelist.
callAs('teller');

describe('safelist mode for production channels', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    const { dataset } = await testDataset();
    stack = await startTestStack(dataset, { safelist: loadSafelist([path.join(__dirname, '..', 'schema', 'operations')]) });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('runs the registered operations, whatever their layout', async () => {
    const list = await postGraphQL<{ customers: { edges: unknown[] } }>(stack.gateway.url, `# reformatted\n${operation('customerList').replace(/\n/g, '\n    ')}`, { first: 3 });
    expect(list.errors).toBeUndefined();
    expect(list.data!.customers.edges).toHaveLength(3);
  });

  it('refuses any other operation before it reaches a subgraph', async () => {
    stack.identity.stopFollowing(); // its change-feed polling is not the request's doing
    for (const sim of Object.values(stack.simulators)) if (typeof sim === 'object') sim.stats.reset();
    const adHoc = await postGraphQL(stack.gateway.url, '{ customers(first: 1) { edges { node { id accounts { balance { amount } } } } } }');
    expect(adHoc.status).toBe(403);
    expect(adHoc.errors?.[0].extensions?.code).toBe('OPERATION_NOT_SAFELISTED');
    expect(stack.simulators.CORE_BANKING.stats.snapshot().total).toBe(0);
  });
});
