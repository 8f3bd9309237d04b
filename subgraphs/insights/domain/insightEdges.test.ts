/**
 * Edges of the segment and next-best-action rules that the mutation run (TESTING.md) found
 * untested, each with the answer written by hand. "Today" is TODAY (2026-11-01).
 */
import { account, card, dateDaysAgo, daysAgo, gbp, noFacts, order, TODAY } from './customerFactsFixtures';
import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import type { CustomerFacts, InsightThresholds } from './insightTypes';
import { computeNextBestActions } from './nextBestActions';
import { computeSegment, tierByIncome } from './segment';

const recent = [{ bookedAt: dateDaysAgo(3), amount: gbp('-20.00') }];
/** Active, not dormant, no rule fires: a current account with recent use and a savings account. */
const quiet = (overrides: Partial<CustomerFacts> = {}) => noFacts({ accounts: [account('CURRENT', '100.00', { transactions: recent }), account('SAVINGS', '100.00')], ...overrides });
const actions = (facts: CustomerFacts, thresholds: InsightThresholds = T) => computeNextBestActions(facts, TODAY, thresholds);
const reasonOf = (facts: CustomerFacts, code: string) => actions(facts).find((a) => a.code === code)?.reason ?? null;

describe('credit limit review at the edges', () => {
  it('fires at exactly 90% of the limit', () => {
    expect(reasonOf(quiet({ cards: [card('900.00', '1000.00')] }), 'REVIEW_CREDIT_LIMIT')).toBe('an active card is used to 90% of its limit (>= 90%)');
  });

  it('names the fullest card, whichever order the cards come in', () => {
    expect(reasonOf(quiet({ cards: [card('950.00', '1000.00'), card('920.00', '1000.00')] }), 'REVIEW_CREDIT_LIMIT')).toBe('an active card is used to 95% of its limit (>= 90%)');
    expect(reasonOf(quiet({ cards: [card('920.00', '1000.00'), card('950.00', '1000.00')] }), 'REVIEW_CREDIT_LIMIT')).toBe('an active card is used to 95% of its limit (>= 90%)');
  });

  it('ignores a card without a limit, and a card whose balance and limit are in different currencies', () => {
    expect(actions(quiet({ cards: [card('10.00', '0.00')] }))).toEqual([]);
    expect(actions(quiet({ cards: [card('950.00', '1000.00', { balance: { amountMinor: 95_000, currency: 'EUR' } })] }))).toEqual([]);
  });
});

describe('savings offer', () => {
  it('is the whole action the bank expects', () => {
    expect(actions(noFacts({ accounts: [account('CURRENT', '7500.00', { transactions: recent })] }))).toEqual([
      {
        code: 'OFFER_SAVINGS_ACCOUNT',
        title: 'Offer a savings account for the money idle in current accounts',
        reason: 'current accounts hold 7500.00 GBP >= 5000.00 GBP and no savings or term deposit',
        channel: 'MOBILE_APP',
        priority: 3,
      },
    ]);
  });

  it('is not made to a customer who already holds an open savings account, even an empty one', () => {
    expect(actions(noFacts({ accounts: [account('CURRENT', '9000.00', { transactions: recent }), account('SAVINGS', '0.00')] }))).toEqual([]);
  });
});

describe('satisfaction survey at the edges', () => {
  const delivered = (days: number, orderId: string) => order('10.00', { orderId, createdAt: daysAgo(days) });

  it('counts an order placed today and one placed exactly 30 days ago', () => {
    expect(reasonOf(quiet({ orders: [delivered(0, '1000000100')] }), 'SEND_SATISFACTION_SURVEY')).toBe('order 1000000100 delivered, placed 0 day(s) ago (<= 30 days)');
    expect(reasonOf(quiet({ orders: [delivered(30, '1000000101')] }), 'SEND_SATISFACTION_SURVEY')).toBe('order 1000000101 delivered, placed 30 day(s) ago (<= 30 days)');
  });

  it('says "an order" when the order has no number', () => {
    expect(reasonOf(quiet({ orders: [order('10.00', { orderId: undefined, createdAt: daysAgo(6) })] }), 'SEND_SATISFACTION_SURVEY')).toBe('an order delivered, placed 6 day(s) ago (<= 30 days)');
  });

  it('ignores an order stamped after today (clock skew)', () => {
    expect(reasonOf(quiet({ orders: [delivered(-2, '1000000102')] }), 'SEND_SATISFACTION_SURVEY')).toBeNull();
  });

  it('names the newest delivered order, and the first of two equally new', () => {
    expect(reasonOf(quiet({ orders: [delivered(4, '1000000103'), delivered(10, '1000000104')] }), 'SEND_SATISFACTION_SURVEY')).toBe('order 1000000103 delivered, placed 4 day(s) ago (<= 30 days)');
    expect(reasonOf(quiet({ orders: [delivered(4, '1000000105'), delivered(4, '1000000106')] }), 'SEND_SATISFACTION_SURVEY')).toBe('order 1000000105 delivered, placed 4 day(s) ago (<= 30 days)');
  });

  it('does not guess from a cut page of orders that stops at 30 days (an order of day 30 may be missing)', () => {
    expect(reasonOf(quiet({ orders: [delivered(4, '1000000107'), delivered(30, '1000000108')], ordersComplete: false }), 'SEND_SATISFACTION_SURVEY')).toBeNull();
    expect(reasonOf(quiet({ orders: [delivered(4, '1000000107'), delivered(31, '1000000108')], ordersComplete: false }), 'SEND_SATISFACTION_SURVEY')).not.toBeNull();
  });
});

describe('order of the actions', () => {
  it('follows the priorities the thresholds give, not the order the rules are declared in', () => {
    const reordered: InsightThresholds = {
      ...T,
      nextBestActions: {
        ...T.nextBestActions,
        SEND_SATISFACTION_SURVEY: { ...T.nextBestActions.SEND_SATISFACTION_SURVEY, priority: 1 },
        REVIEW_CREDIT_LIMIT: { ...T.nextBestActions.REVIEW_CREDIT_LIMIT, priority: 2 },
        FOLLOW_UP_COMPLAINT: { ...T.nextBestActions.FOLLOW_UP_COMPLAINT, priority: 3 },
      },
    };
    const facts = quiet({ openCases: [{ openedAt: daysAgo(200) }], cards: [card('950.00', '1000.00')], orders: [order('10.00', { createdAt: daysAgo(2) })] });
    expect(actions(facts, reordered).map((a) => [a.code, a.priority])).toEqual([
      ['SEND_SATISFACTION_SURVEY', 1],
      ['REVIEW_CREDIT_LIMIT', 2],
      ['FOLLOW_UP_COMPLAINT', 3],
    ]);
  });
});

describe('segment reasons at the edges', () => {
  it('says why income left the tier at BRONZE', () => {
    expect(tierByIncome(gbp('49999.99'), T)).toEqual({ value: 'BRONZE', reason: 'yearly income below 50000.00 GBP: BRONZE' });
  });

  it('says how many balances were left out for their currency', () => {
    const accounts = [account('SAVINGS', '30000.00'), account('SAVINGS', '500.00', { balance: { amountMinor: 50_000, currency: 'EUR' } })];
    expect(computeSegment(noFacts({ accounts }), TODAY, T).reasons).toEqual([
      'relationship balance 30000.00 GBP >= 25000.00 GBP: SILVER',
      'relationship balance: 1 amount(s) not in GBP left out (no exchange rates)',
      'yearly income unknown: tier from relationship balance only',
      'no usable birth date: age band UNKNOWN',
    ]);
  });

  it('says whether a tier was still decided when core banking was not heard', () => {
    expect(computeSegment(noFacts({ accounts: null, yearlyIncome: gbp('150000.00') }), TODAY, T).reasons[0]).toBe('relationship balance unknown (core banking not heard)');
    expect(computeSegment(noFacts({ accounts: null }), TODAY, T).reasons[0]).toBe('relationship balance unknown (core banking not heard): tier not computed');
  });
});
