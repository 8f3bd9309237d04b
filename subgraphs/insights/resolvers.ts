import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError } from 'graphql';
import { customerFacts } from './customerFacts';
import type { CustomerFacts, InsightThresholds } from './domain/insightTypes';
import { computeLifecycleStage } from './domain/lifecycleStage';
import { computeNextBestActions } from './domain/nextBestActions';
import { computeRelationshipValue } from './domain/relationshipValue';
import { computeSegment } from './domain/segment';
import { moneyResolvers } from '../runtime/moneyResolvers';

export interface InsightsContext {
  /** "Today" for this request: one instant for every field, read once from the injected clock. */
  asOf: string;
  thresholds: InsightThresholds;
}

// The four fields of one customer share one representation object: read it once.
const parsed = new WeakMap<object, CustomerFacts>();
function factsOf(customer: unknown): CustomerFacts {
  if (typeof customer !== 'object' || customer === null) return customerFacts(customer);
  let facts = parsed.get(customer);
  if (!facts) {
    facts = customerFacts(customer);
    parsed.set(customer, facts);
  }
  return facts;
}

type Rule<T> = (facts: CustomerFacts, asOf: string, thresholds: InsightThresholds) => T;

/**
 * Runs a pure rule over the customer's facts. The rules only throw on a total beyond exact
 * integer range or a bad threshold in the config: that becomes a generic error, not a crash.
 */
function derive<T>(rule: Rule<T>) {
  return (customer: unknown, _args: unknown, { asOf, thresholds }: InsightsContext): T => {
    const facts = factsOf(customer);
    try {
      return rule(facts, asOf, thresholds);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError('insights: the rule could not be computed', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  };
}

export const insightsResolvers: GraphQLResolverMap<InsightsContext> = {
  ...moneyResolvers,
  Customer: {
    // The representation already holds everything the rules need (@requires): nothing to load.
    __resolveReference: (ref: object) => ref,
    segment: derive(computeSegment),
    relationshipValue: derive(computeRelationshipValue),
    lifecycleStage: derive(computeLifecycleStage),
    nextBestActions: derive(computeNextBestActions),
  },
};

