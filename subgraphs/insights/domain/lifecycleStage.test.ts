import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import type { AccountFacts } from './insightTypes';
import { account, card, dateDaysAgo, daysAgo, gbp, noFacts, TODAY } from './customerFactsFixtures';
import { computeLifecycleStage } from './lifecycleStage';

const activeAccount = (extra: Partial<AccountFacts> = {}) =>
  account('CURRENT', '1000.00', { openedOn: '2015-01-01', transactions: [{ bookedAt: dateDaysAgo(5), amount: gbp('-10.00') }], ...extra });
const stageOf = (...args: Parameters<typeof noFacts>) => computeLifecycleStage(noFacts(...args), TODAY, T);

describe('lifecycle stage', () => {
  it('is PROSPECT with no open account and no active card', () => {
    expect(stageOf({ accounts: [account('SAVINGS', '0.00', { status: 'CLOSED' })], cards: [card('0.00', '100.00', { status: 'EXPIRED' })] })).toEqual({
      stage: 'PROSPECT',
      reasons: ['no open account and no active card'],
    });
    expect(stageOf({ accounts: [], cards: [card('0.00', '100.00', { transactions: [{ postedAt: daysAgo(1), amount: gbp('5.00') }] })] })?.stage).toBe('ACTIVE');
  });

  it('is CHURN_RISK with a recent open complaint and falling balances, before anything else', () => {
    const falling = activeAccount({ openedOn: dateDaysAgo(10), transactions: [{ bookedAt: dateDaysAgo(2), amount: gbp('-800.00') }] });
    const stage = stageOf({ accounts: [falling], openCases: [{ openedAt: daysAgo(20) }] });
    expect(stage).toEqual({
      stage: 'CHURN_RISK',
      reasons: ['open complaint opened 20 day(s) ago (<= 90 days)', 'net flow on deposit accounts over 30 days -800.00 GBP <= -500.00 GBP'],
    });
    // A complaint alone, or falling balances alone, is not churn risk.
    expect(stageOf({ accounts: [falling] })?.stage).toBe('ONBOARDING');
    expect(stageOf({ accounts: [activeAccount()], openCases: [{ openedAt: daysAgo(20) }] })?.stage).toBe('ACTIVE');
  });

  it('is ONBOARDING while the first account is younger than 90 days (89 yes, 90 no)', () => {
    expect(stageOf({ accounts: [activeAccount({ openedOn: dateDaysAgo(89) })] })).toEqual({ stage: 'ONBOARDING', reasons: ['first account opened 89 day(s) ago (< 90 days)'] });
    expect(stageOf({ accounts: [activeAccount({ openedOn: dateDaysAgo(90) })] })?.stage).toBe('ACTIVE');
    // An older account, even closed, means the customer is not new.
    expect(stageOf({ accounts: [activeAccount({ openedOn: dateDaysAgo(10) }), account('SAVINGS', '0.00', { status: 'CLOSED', openedOn: '2010-05-05' })] })?.stage).toBe('ACTIVE');
  });

  it('is DORMANT after 180 days without activity (179 active, 180 dormant) or with none on record', () => {
    const lastSeen = (days: number) => stageOf({ accounts: [activeAccount({ transactions: [] })], interactions: [{ occurredAt: daysAgo(days) }] });
    expect(lastSeen(179)).toEqual({ stage: 'ACTIVE', reasons: ['last transaction, order or contact 179 day(s) ago (< 180 days)'] });
    expect(lastSeen(180)).toEqual({ stage: 'DORMANT', reasons: ['last transaction, order or contact 180 day(s) ago (>= 180 days)'] });
    expect(stageOf({ accounts: [activeAccount({ transactions: [] })] })).toEqual({ stage: 'DORMANT', reasons: ['no transaction, order or contact on record'] });
  });

  it('has no stage without core banking, and names the other systems it did not hear', () => {
    expect(stageOf({ accounts: null })).toBeNull();
    expect(stageOf({ accounts: [activeAccount()], cards: null, interactions: null })).toEqual({
      stage: 'ACTIVE',
      reasons: ['last transaction, order or contact 5 day(s) ago (< 180 days)', 'not heard: cards, call center (decided on the rest)'],
    });
  });
});
