import { readFileSync } from 'node:fs';
import path from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';

/**
 * The plans the gateway's own planner (the version @apollo/gateway runs) makes over the committed
 * supergraph for the operations the channels run: how many fetches go to each subgraph and how
 * many waves (fetches that must wait for an earlier one) follow identity's.
 */
const supergraph = Supergraph.build(readFileSync(path.join(__dirname, 'supergraph.graphql'), 'utf8'));
const planner = new QueryPlanner(supergraph);
const customer360 = readFileSync(path.join(__dirname, 'operations', 'customer360.graphql'), 'utf8');
const INSIGHTS = `
    segment { tier ageBand reasons }
    relationshipValue { totalDeposits { amount currency } totalLending { amount currency } cardSpend90Days { amount currency } openOrdersValue { amount currency } mortgageBalances { amount currency } reasons }
    lifecycleStage { stage reasons }
    nextBestActions { code title reason channel priority }`;

interface PlanShape {
  fetches: Record<string, number>;
  /** Fetches one after another, the longest chain: identity's is the first. */
  waves: number;
}

function shapeOf(node: PlanNode | SubscriptionNode | undefined): PlanShape {
  const fetches: Record<string, number> = {};
  const depth = (n: PlanNode | SubscriptionNode | undefined): number => {
    if (!n) return 0;
    switch (n.kind) {
      case 'Fetch':
        fetches[n.serviceName] = (fetches[n.serviceName] ?? 0) + 1;
        return 1;
      case 'Flatten':
        return depth(n.node);
      case 'Sequence':
        return n.nodes.reduce((sum, child) => sum + depth(child), 0);
      case 'Parallel':
        return Math.max(0, ...n.nodes.map(depth));
      default:
        throw new Error(`a plan node this test does not read: ${n.kind}`);
    }
  };
  const waves = depth(node);
  return { fetches, waves };
}

function planOf(operation: string): PlanShape {
  const document = operationFromDocument(supergraph.apiSchema(), parse(operation), {});
  return shapeOf(planner.buildQueryPlan(document).node);
}

describe('query plans over the committed supergraph', () => {
  it('asks insights once for all four insights fields, after the systems and profile', () => {
    const plan = planOf(`query Insights($id: ID!) { customer(id: $id) { id ${INSIGHTS} } }`);
    expect(plan.fetches).toEqual({ identity: 1, 'core-banking': 1, cards: 1, erp: 1, 'call-center': 1, mortgages: 1, profile: 1, insights: 1 });
    // identity, the systems, profile, insights.
    expect(plan.waves).toBe(4);
  });

  it('customer360 with the insights: one fetch per subgraph, at most three waves after identity', () => {
    const operation = customer360.replace('    mortgageBorrower { id localId }', `    mortgageBorrower { id localId }${INSIGHTS}`);
    expect(operation).not.toBe(customer360);
    const plan = planOf(operation);
    expect(plan.fetches).toEqual({ identity: 1, 'core-banking': 1, cards: 1, erp: 1, 'call-center': 1, mortgages: 1, profile: 1, insights: 1 });
    expect(plan.waves - 1).toBeLessThanOrEqual(3);
  });

  it('customer360 as the channels run it: no insights fetch, two waves after identity', () => {
    const plan = planOf(customer360);
    expect(plan.fetches.insights).toBeUndefined();
    expect(plan.waves).toBe(3);
  });
});
