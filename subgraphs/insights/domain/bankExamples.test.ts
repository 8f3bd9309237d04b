/**
 * The bank's worked examples: whole customers, and every insight the bank expects for them,
 * written by hand from the rule book (insightThresholds.ts states the rules in words). Nothing
 * here is computed by the rules under test: a wrong threshold, a wrong rule or a rule that
 * stops firing disagrees with a row. "Today" is TODAY (2026-11-01).
 */
import { account, card, dateDaysAgo, daysAgo, gbp, noFacts, order, TODAY } from './customerFactsFixtures';
import { INSIGHT_THRESHOLDS } from './insightThresholds';
import type { CustomerFacts } from './insightTypes';
import { computeLifecycleStage } from './lifecycleStage';
import { computeNextBestActions } from './nextBestActions';
import { computeRelationshipValue } from './relationshipValue';
import { computeSegment } from './segment';

interface Example {
  who: string;
  facts: CustomerFacts;
  tier: string | null;
  ageBand: string;
  /** Deposits, lending, card spend (90 days), open orders, as decimal GBP (null: unknown). */
  value: [string | null, string | null, string | null, string | null];
  stage: string | null;
  actions: string[];
}

const EXAMPLES: Example[] = [
  {
    who: 'Ada, an established saver (46), card in light use',
    facts: noFacts({
      birthDate: '1980-05-20',
      yearlyIncome: gbp('45000.00'),
      accounts: [account('CURRENT', '3200.00', { transactions: [{ bookedAt: dateDaysAgo(3), amount: gbp('-45.20') }] }), account('SAVINGS', '40000.00')],
      cards: [card('300.00', '2000.00', { transactions: [
        { postedAt: daysAgo(10), amount: gbp('120.00') },
        { postedAt: daysAgo(5), amount: gbp('-20.00') }, // a refund: not spend, not deducted
        { postedAt: daysAgo(100), amount: gbp('80.00') }, // outside the 90 days
      ] })],
    }),
    // 43,200.00 of deposits reaches SILVER (25,000.00); 45,000.00 of income stays below SILVER (50,000.00).
    tier: 'SILVER',
    ageBand: 'AGE_28_60',
    value: ['43200.00', '300.00', '120.00', '0.00'],
    stage: 'ACTIVE',
    actions: [],
  },
  {
    who: 'Ben, 17 until tomorrow, complained 20 days ago and is moving money out',
    facts: noFacts({
      birthDate: '2008-11-02',
      accounts: [account('CURRENT', '6000.00', { transactions: [{ bookedAt: dateDaysAgo(5), amount: gbp('-800.00') }] })],
      openCases: [{ openedAt: daysAgo(20) }],
    }),
    tier: 'BRONZE',
    ageBand: 'AGE_12_17',
    value: ['6000.00', '0.00', '0.00', '0.00'],
    stage: 'CHURN_RISK',
    // Callback and follow-up (priority 1), then savings: 6,000.00 idle in a current account, no savings.
    actions: ['SCHEDULE_CALLBACK', 'FOLLOW_UP_COMPLAINT', 'OFFER_SAVINGS_ACCOUNT'],
  },
  {
    who: 'Cora, joined a month ago with 150,000.00 and a delivered order',
    facts: noFacts({
      birthDate: '1990-02-28',
      yearlyIncome: gbp('120000.00'),
      accounts: [account('SAVINGS', '150000.00', { openedOn: dateDaysAgo(30) })],
      cards: [],
      orders: [order('250.00', { orderId: '1000000042', createdAt: daysAgo(4) })],
    }),
    tier: 'GOLD',
    ageBand: 'AGE_28_60',
    value: ['150000.00', '0.00', '0.00', '0.00'], // a delivered and billed order is not open
    stage: 'ONBOARDING',
    actions: ['OFFER_CREDIT_CARD', 'SEND_SATISFACTION_SURVEY'],
  },
  {
    who: 'Dev, 76, quiet for 200 days, card near its limit, an order never delivered',
    facts: noFacts({
      birthDate: '1950-01-01',
      accounts: [account('CURRENT', '10.00', { openedOn: '2010-03-01', transactions: [{ bookedAt: dateDaysAgo(200), amount: gbp('5.00') }] })],
      cards: [card('1900.00', '2000.00', { transactions: [{ postedAt: daysAgo(300), amount: gbp('60.00') }] })],
      orders: [order('99.99', { createdAt: daysAgo(250), deliveryStatus: 'NOT_DELIVERED', billingStatus: 'NOT_BILLED' })],
      interactions: [{ occurredAt: daysAgo(400) }],
    }),
    tier: 'BRONZE',
    ageBand: 'OVER_60',
    value: ['10.00', '1900.00', '0.00', '99.99'],
    stage: 'DORMANT',
    actions: ['REVIEW_CREDIT_LIMIT', 'SEND_REACTIVATION_OFFER'],
  },
  {
    who: 'Eve, a prospect with no birth date and a good income',
    facts: noFacts({ yearlyIncome: gbp('55000.00') }),
    tier: 'SILVER', // by income alone (50,000.00)
    ageBand: 'UNKNOWN',
    value: ['0.00', '0.00', '0.00', '0.00'],
    stage: 'PROSPECT',
    actions: [],
  },
  {
    who: 'Fay, born on 29 February, overdrawn, a loan, a complaint open for 200 days',
    facts: noFacts({
      birthDate: '2000-02-29',
      accounts: [account('CURRENT', '-250.00', { transactions: [{ bookedAt: dateDaysAgo(2), amount: gbp('-10.00') }] }), account('LOAN', '-12000.00')],
      openCases: [{ openedAt: daysAgo(200) }],
    }),
    tier: 'BRONZE',
    ageBand: 'AGE_18_27',
    value: ['0.00', '12250.00', '0.00', '0.00'],
    stage: 'ACTIVE', // the complaint is too old for churn risk (90 days) ...
    actions: ['FOLLOW_UP_COMPLAINT'], // ... but still open, so the call center follows it up
  },
  {
    who: 'Gus, 61 today, core banking not heard, a card and income of 100,000.00',
    facts: noFacts({ birthDate: '1965-11-01', accounts: null, yearlyIncome: gbp('100000.00'), cards: [card('950.00', '1000.00')] }),
    tier: 'GOLD', // income alone reaches the top: nothing can outrank it
    ageBand: 'OVER_60',
    value: [null, null, '0.00', '0.00'],
    stage: null, // every stage depends on the accounts
    actions: ['REVIEW_CREDIT_LIMIT'],
  },
  {
    who: 'Hal, 12 today, every system silent but core banking',
    facts: noFacts({ birthDate: '2014-11-01', accounts: [account('CURRENT', '20.00', { transactions: [{ bookedAt: dateDaysAgo(1), amount: gbp('20.00') }] })], cards: null, orders: null, openCases: null, interactions: null }),
    tier: 'BRONZE',
    ageBand: 'AGE_12_17',
    value: ['20.00', '0.00', null, null],
    stage: 'ACTIVE',
    actions: [],
  },
];

const shown = (m: { amountMinor: number } | null) => (m === null ? null : `${Math.trunc(m.amountMinor / 100)}.${String(Math.abs(m.amountMinor % 100)).padStart(2, '0')}`);

describe.each(EXAMPLES)('the bank example: $who', ({ facts, tier, ageBand, value, stage, actions }) => {
  it('has the segment the bank expects', () => {
    const segment = computeSegment(facts, TODAY, INSIGHT_THRESHOLDS);
    expect({ tier: segment.tier, ageBand: segment.ageBand }).toEqual({ tier, ageBand });
  });

  it('has the relationship value the bank expects', () => {
    const v = computeRelationshipValue(facts, TODAY, INSIGHT_THRESHOLDS);
    expect([shown(v.totalDeposits), shown(v.totalLending), shown(v.cardSpend90Days), shown(v.openOrdersValue)]).toEqual(value);
    for (const figure of [v.totalDeposits, v.totalLending, v.cardSpend90Days, v.openOrdersValue]) if (figure) expect(figure.currency).toBe('GBP');
  });

  it('is at the lifecycle stage the bank expects', () => {
    expect(computeLifecycleStage(facts, TODAY, INSIGHT_THRESHOLDS)?.stage ?? null).toBe(stage);
  });

  it('gets the next best actions the bank expects, most urgent first', () => {
    expect(computeNextBestActions(facts, TODAY, INSIGHT_THRESHOLDS).map((a) => a.code)).toEqual(actions);
  });
});
