import fc from 'fast-check';
import { toDecimalString } from '../../../adapters/money';
import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import { account, card, daysAgo, gbp, noFacts, order, TODAY } from './customerFactsFixtures';
import { computeRelationshipValue, isOpenOrder } from './relationshipValue';

const amount = (money: { amountMinor: number; currency: string } | null) => (money ? toDecimalString(money) : null);

describe('relationship value', () => {
  it('adds deposits and lending exactly, loans and overdrafts and card balances as owed', () => {
    const value = computeRelationshipValue(
      noFacts({
        accounts: [
          account('CURRENT', '1200.10'),
          account('CURRENT', '-20.00'),
          account('SAVINGS', '300.05'),
          account('LOAN', '-5000.00'),
          account('SAVINGS', '999.99', { status: 'CLOSED' }),
        ],
        cards: [card('150.00', '2000.00'), card('0.00', '1000.00', { status: 'BLOCKED' })],
      }),
      TODAY,
      T,
    );
    expect(amount(value.totalDeposits)).toBe('1500.15');
    expect(amount(value.totalLending)).toBe('5170.00');
    expect(value.totalDeposits?.currency).toBe('GBP');
  });

  it('counts card purchases of the last 90 days only: day 89 in, day 90 out, refunds not deducted, later postings out', () => {
    const transactions = [
      { postedAt: daysAgo(0), amount: gbp('10.00') },
      { postedAt: daysAgo(89), amount: gbp('20.00') },
      { postedAt: daysAgo(90), amount: gbp('40.00') },
      { postedAt: daysAgo(5), amount: gbp('-7.00') },
      { postedAt: daysAgo(-1), amount: gbp('80.00') },
    ];
    const value = computeRelationshipValue(noFacts({ cards: [card('0.00', '500.00', { transactions }), card('0.00', '500.00')] }), TODAY, T);
    expect(amount(value.cardSpend90Days)).toBe('30.00');
  });

  it('gives no card spend when the transactions of a card could not be read', () => {
    const value = computeRelationshipValue(noFacts({ cards: [card('0.00', '500.00', { transactions: null })] }), TODAY, T);
    expect(value.cardSpend90Days).toBeNull();
    expect(value.reasons).toContain('card spend unknown: the transactions of a card could not be read');
  });

  it('uses a page cut short by the operation only when it reaches past the window, never a partial total', () => {
    const cut = (oldestDaysAgo: number) =>
      computeRelationshipValue(
        noFacts({ cards: [card('0.00', '500.00', { transactionsComplete: false, transactions: [{ postedAt: daysAgo(1), amount: gbp('5.00') }, { postedAt: daysAgo(oldestDaysAgo), amount: gbp('7.00') }] })] }),
        TODAY,
        T,
      );
    expect(amount(cut(120).cardSpend90Days)).toBe('5.00');
    expect(cut(60).cardSpend90Days).toBeNull();
    expect(cut(60).reasons.join(' ')).toContain('card spend unknown: only part of the latest card transactions reached the insights');

    const orders = computeRelationshipValue(noFacts({ orders: [order('1.00', { deliveryStatus: 'NOT_DELIVERED', billingStatus: 'NOT_BILLED' })], ordersComplete: false }), TODAY, T);
    expect(orders.openOrdersValue).toBeNull();
    expect(orders.reasons.join(' ')).toContain('open orders unknown: only part of the latest sales orders reached the insights');
  });

  it('values the orders not yet fully delivered or fully billed', () => {
    const orders = [
      order('100.00'),
      order('20.00', { deliveryStatus: 'PARTIALLY_DELIVERED', billingStatus: 'NOT_BILLED' }),
      order('3.00', { deliveryStatus: 'DELIVERED', billingStatus: 'PARTIALLY_BILLED' }),
      order('0.40', { deliveryStatus: 'NOT_DELIVERED', billingStatus: 'NOT_BILLED' }),
    ];
    expect(amount(computeRelationshipValue(noFacts({ orders }), TODAY, T).openOrdersValue)).toBe('23.40');
    expect(isOpenOrder(order('1.00'))).toBe(false);
  });

  it('answers null, not zero, for a system not heard, and says so', () => {
    const value = computeRelationshipValue(noFacts({ accounts: null, cards: null, orders: null }), TODAY, T);
    expect(value).toMatchObject({ totalDeposits: null, totalLending: null, cardSpend90Days: null, openOrdersValue: null });
    expect(value.reasons).toEqual([
      'deposits and lending unknown: core banking not heard',
      'card spend unknown: card processor not heard',
      'open orders unknown: ERP not heard',
      'mortgages unknown: mortgage servicing not heard',
    ]);
    const noCards = computeRelationshipValue(noFacts({ accounts: [account('LOAN', '-10.00')], cards: null }), TODAY, T);
    expect(amount(noCards.totalLending)).toBe('10.00');
    expect(noCards.reasons).toContain('lending: open loans and overdrawn accounts only (cards not heard)');
  });

  it('counts the outstanding balances of open mortgage loans, not closed ones, and none when servicing was not heard', () => {
    const loans = [
      { loanId: 'ML00000001', status: 'OPEN' as const, balance: gbp('182345.67'), arrearsStatus: 'UP_TO_DATE' as const },
      { loanId: 'ML00000002', status: 'OPEN' as const, balance: gbp('10000.33'), arrearsStatus: 'ARREARS_1_2' as const },
      { loanId: 'ML00000003', status: 'CLOSED' as const, balance: gbp('0.00'), arrearsStatus: 'UP_TO_DATE' as const },
    ];
    const value = computeRelationshipValue(noFacts({ mortgages: loans }), TODAY, T);
    expect(amount(value.mortgageBalances)).toBe('192346.00');
    expect(value.reasons).toContain('mortgages: outstanding balances of open mortgage loans, a joint loan counted whole');
    expect(computeRelationshipValue(noFacts({ mortgages: [] }), TODAY, T).mortgageBalances).toEqual({ amountMinor: 0, currency: 'GBP' });
    expect(computeRelationshipValue(noFacts({ mortgages: null }), TODAY, T).mortgageBalances).toBeNull();
  });

  it('leaves amounts in other currencies out and says how many', () => {
    const value = computeRelationshipValue(noFacts({ accounts: [account('SAVINGS', '10.00'), { ...account('SAVINGS', '0'), balance: { amountMinor: 5000, currency: 'EUR' } }] }), TODAY, T);
    expect(amount(value.totalDeposits)).toBe('10.00');
    expect(value.reasons).toContain('deposits: 1 amount(s) not in GBP left out (no exchange rates)');
  });

  it('adds any number of pennies exactly (no floating point)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 40 }), (pennies) => {
        const accounts = pennies.map((p) => ({ type: 'SAVINGS' as const, status: 'OPEN' as const, balance: { amountMinor: p, currency: 'GBP' } }));
        const value = computeRelationshipValue(noFacts({ accounts }), TODAY, T);
        expect(value.totalDeposits).toEqual({ amountMinor: pennies.reduce((a, b) => a + b, 0), currency: 'GBP' });
      }),
    );
  });
});
