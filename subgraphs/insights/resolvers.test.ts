import { GraphQLError } from 'graphql';
import { INSIGHT_THRESHOLDS } from './domain/insightThresholds';
import { insightsResolvers, type InsightsContext } from './resolvers';

type FieldResolver = (parent: unknown, args: unknown, context: InsightsContext) => unknown;
const field = (name: string) => (insightsResolvers.Customer as unknown as Record<string, FieldResolver>)[name];
const context: InsightsContext = { asOf: '2026-11-01T09:00:00.000Z', thresholds: INSIGHT_THRESHOLDS };
const representation = {
  __typename: 'Customer',
  id: 'cust_1',
  accounts: [{ type: 'SAVINGS', status: 'OPEN', balance: { amount: '30000.00', currency: 'GBP' } }],
  profile: { birthDate: { value: '1990-01-01' } },
};

describe('insights resolvers', () => {
  it('compute from the representation with the request clock', () => {
    expect(field('segment')(representation, {}, context)).toEqual({
      tier: 'SILVER',
      ageBand: 'AGE_28_60',
      reasons: ['relationship balance 30000.00 GBP >= 25000.00 GBP: SILVER', 'yearly income unknown: tier from relationship balance only', 'age 36 on 2026-11-01 is in 28-60: AGE_28_60'],
    });
  });

  it('turn a broken thresholds file into a generic typed error, not a crash and not its text', () => {
    const broken = { ...context, thresholds: { ...INSIGHT_THRESHOLDS, tiers: { ...INSIGHT_THRESHOLDS.tiers, GOLD: { minRelationshipBalance: 'lots', minYearlyIncome: '1.00' } } } };
    const run = () => field('segment')(representation, {}, broken);
    expect(run).toThrow(GraphQLError);
    expect(run).toThrow('insights: the rule could not be computed');
  });
});
