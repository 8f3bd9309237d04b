import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import { account, dateDaysAgo, daysAgo, gbp, noFacts, TODAY } from './customerFactsFixtures';
import { fallingBalances, lastActivity, recentOpenComplaint } from './customerSignals';

const withFlows = (...flows: Array<[number, string]>) =>
  noFacts({ accounts: [account('CURRENT', '100.00', { transactions: flows.map(([days, amount]) => ({ bookedAt: dateDaysAgo(days), amount: gbp(amount) })) })] });

describe('recent open complaint', () => {
  it('fires for an open case opened at most 90 days ago', () => {
    expect(recentOpenComplaint({ openCases: [{ openedAt: daysAgo(90) }] }, TODAY, T)).toEqual({ fired: true, reason: 'open complaint opened 90 day(s) ago (<= 90 days)' });
    expect(recentOpenComplaint({ openCases: [{ openedAt: daysAgo(91) }, { openedAt: daysAgo(3) }] }, TODAY, T).reason).toBe('open complaint opened 3 day(s) ago (<= 90 days)');
  });

  it('does not fire for older cases, no cases, or an unheard call center', () => {
    expect(recentOpenComplaint({ openCases: [{ openedAt: daysAgo(91) }] }, TODAY, T).fired).toBe(false);
    expect(recentOpenComplaint({ openCases: [] }, TODAY, T).fired).toBe(false);
    expect(recentOpenComplaint({ openCases: null }, TODAY, T)).toEqual({ fired: false, reason: 'complaints unknown: call center not heard' });
  });
});

describe('falling balances', () => {
  it('fires on a net outflow of at least 500.00 over the last 30 days', () => {
    expect(fallingBalances(withFlows([1, '-600.00'], [29, '100.00']), TODAY, T)).toEqual({
      fired: true,
      reason: 'net flow on deposit accounts over 30 days -500.00 GBP <= -500.00 GBP',
    });
  });

  it('does not fire just below the threshold, outside the window, or on loans', () => {
    expect(fallingBalances(withFlows([1, '-499.99']), TODAY, T).fired).toBe(false);
    expect(fallingBalances(withFlows([30, '-5000.00']), TODAY, T).fired).toBe(false);
    const loan = noFacts({ accounts: [account('LOAN', '-100.00', { transactions: [{ bookedAt: dateDaysAgo(1), amount: gbp('-900.00') }] })] });
    expect(fallingBalances(loan, TODAY, T).fired).toBe(false);
    expect(fallingBalances({ accounts: null }, TODAY, T).fired).toBe(false);
  });

  it('decides on a page cut short by the operation only when it reaches past the 30 days', () => {
    const cut = (...flows: Array<[number, string]>) =>
      noFacts({ accounts: [account('CURRENT', '1.00', { transactionsComplete: false, transactions: flows.map(([days, amount]) => ({ bookedAt: dateDaysAgo(days), amount: gbp(amount) })) })] });
    expect(fallingBalances(cut([1, '-900.00'], [31, '5.00']), TODAY, T).fired).toBe(true);
    const unknown = fallingBalances(cut([1, '-900.00'], [20, '5.00']), TODAY, T);
    expect(unknown.fired).toBe(false);
    expect(unknown.reason).toMatch(/^balance trend unknown: only part of the latest account transactions reached the insights$/);
    const unread = noFacts({ accounts: [account('CURRENT', '1.00', { transactions: null })] });
    expect(fallingBalances(unread, TODAY, T)).toEqual({ fired: false, reason: 'balance trend unknown: the transactions of an account could not be read' });
  });
});

describe('last activity', () => {
  it('is the latest of transactions, card postings, orders and interactions, dates and instants mixed', () => {
    const facts = noFacts({
      accounts: [account('CURRENT', '1.00', { transactions: [{ bookedAt: dateDaysAgo(10), amount: gbp('1.00') }] })],
      interactions: [{ occurredAt: daysAgo(3) }],
      orders: [],
    });
    expect(lastActivity(facts)).toBe(daysAgo(3));
    expect(lastActivity(noFacts())).toBeNull();
  });
});
