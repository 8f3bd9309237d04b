import type { CustomerFacts, NextBestActionCode } from './insightTypes';
import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import { account, card, dateDaysAgo, daysAgo, gbp, noFacts, order, TODAY } from './customerFactsFixtures';
import { computeNextBestActions } from './nextBestActions';

const recent = [{ bookedAt: dateDaysAgo(3), amount: gbp('-20.00') }];
/** A customer no rule fires for: a savings account, an active card at half its limit, recent activity. */
const quiet = (overrides: Partial<CustomerFacts> = {}) =>
  noFacts({
    accounts: [account('CURRENT', '1000.00', { transactions: recent }), account('SAVINGS', '2000.00')],
    cards: [card('500.00', '1000.00')],
    ...overrides,
  });
const codes = (facts: CustomerFacts): NextBestActionCode[] => computeNextBestActions(facts, TODAY, T).map((a) => a.code);

describe('next best actions', () => {
  it('recommends nothing for a quiet customer', () => {
    expect(computeNextBestActions(quiet(), TODAY, T)).toEqual([]);
  });

  it('books a retention callback on a recent complaint with falling balances, and only then', () => {
    const falling = [account('CURRENT', '1000.00', { transactions: [{ bookedAt: dateDaysAgo(3), amount: gbp('-750.00') }] }), account('SAVINGS', '2000.00')];
    expect(computeNextBestActions(quiet({ accounts: falling, openCases: [{ openedAt: daysAgo(12) }] }), TODAY, T)[0]).toEqual({
      code: 'SCHEDULE_CALLBACK',
      title: 'Book a retention call with the relationship manager (a slot from advisor.freeSlots, then scheduleCallback)',
      reason: 'open complaint opened 12 day(s) ago (<= 90 days); net flow on deposit accounts over 30 days -750.00 GBP <= -500.00 GBP',
      channel: 'ADVISOR_CALLBACK',
      priority: 1,
    });
    expect(codes(quiet({ accounts: falling }))).toEqual([]);
    expect(codes(quiet({ openCases: [{ openedAt: daysAgo(12) }] }))).not.toContain('SCHEDULE_CALLBACK');
    expect(codes(quiet({ accounts: falling, openCases: [{ openedAt: daysAgo(91) }] }))).not.toContain('SCHEDULE_CALLBACK');
  });

  it('follows up an open complaint whatever its age, naming the oldest', () => {
    const followUp = (reason: string) => ({ code: 'FOLLOW_UP_COMPLAINT', title: 'Follow up the open complaint with the customer', reason, channel: 'CALL_CENTER', priority: 1 });
    // Six months old: the case the retention rule (90 days) does not see; it must not read "nothing to do".
    expect(computeNextBestActions(quiet({ openCases: [{ openedAt: daysAgo(182) }] }), TODAY, T)).toEqual([followUp('a complaint is open, the oldest opened 182 day(s) ago')]);
    expect(computeNextBestActions(quiet({ openCases: [{ openedAt: daysAgo(3) }] }), TODAY, T)).toEqual([followUp('a complaint is open, the oldest opened 3 day(s) ago')]);
    expect(computeNextBestActions(quiet({ openCases: [{ openedAt: daysAgo(2000) }, { openedAt: daysAgo(40) }] }), TODAY, T)).toEqual([followUp('2 complaints are open, the oldest opened 2000 day(s) ago')]);
    // Stamped after today (clocks of two systems disagree): open now, counted as opened today.
    expect(computeNextBestActions(quiet({ openCases: [{ openedAt: daysAgo(-2) }] }), TODAY, T)).toEqual([followUp('a complaint is open, the oldest opened 0 day(s) ago')]);
    expect(computeNextBestActions(quiet({ openCases: [{ openedAt: 'not a date' }] }), TODAY, T)).toEqual([followUp('a complaint is open (opening date unreadable)')]);
    // No open case, or the call center not heard: no follow-up on a guess.
    expect(codes(quiet({ openCases: [] }))).toEqual([]);
    expect(codes(quiet({ openCases: null }))).toEqual([]);
  });

  it('offers a card at 10000.00 of deposits and no active card, not below, not with a card, not on a guess', () => {
    const rich = (amount: string) => [account('CURRENT', '0.00', { transactions: recent }), account('SAVINGS', amount)];
    const offer = computeNextBestActions(quiet({ accounts: rich('10000.00'), cards: [card('0.00', '100.00', { status: 'EXPIRED' })] }), TODAY, T);
    expect(offer).toEqual([
      { code: 'OFFER_CREDIT_CARD', title: 'Offer a credit card', reason: 'deposits 10000.00 GBP >= 10000.00 GBP and no active card', channel: 'MOBILE_APP', priority: 2 },
    ]);
    expect(codes(quiet({ accounts: rich('9999.99'), cards: [] }))).toEqual([]);
    expect(codes(quiet({ accounts: rich('50000.00') }))).toEqual([]);
    expect(codes(quiet({ accounts: rich('50000.00'), cards: null }))).toEqual([]);
  });

  it('reviews the credit limit of an active card used to 90% or more', () => {
    const actions = computeNextBestActions(quiet({ cards: [card('900.00', '1000.00'), card('950.00', '1000.00')] }), TODAY, T);
    expect(actions).toEqual([
      { code: 'REVIEW_CREDIT_LIMIT', title: 'Review the credit limit of the card with the customer', reason: 'an active card is used to 95% of its limit (>= 90%)', channel: 'CALL_CENTER', priority: 2 },
    ]);
    expect(codes(quiet({ cards: [card('899.99', '1000.00')] }))).toEqual([]);
    expect(codes(quiet({ cards: [card('1000.00', '1000.00', { status: 'BLOCKED' })] }))).toEqual([]);
    expect(codes(quiet({ cards: [card('0.00', '0.00')] }))).toEqual([]);
  });

  it('offers savings for 5000.00 idle in current accounts and no savings or term deposit', () => {
    const current = (amount: string, ...more: ReturnType<typeof account>[]) => [account('CURRENT', amount, { transactions: recent }), ...more];
    expect(codes(quiet({ accounts: current('5000.00') }))).toEqual(['OFFER_SAVINGS_ACCOUNT']);
    expect(computeNextBestActions(quiet({ accounts: current('5000.00') }), TODAY, T)[0].reason).toBe('current accounts hold 5000.00 GBP >= 5000.00 GBP and no savings or term deposit');
    expect(codes(quiet({ accounts: current('4999.99') }))).toEqual([]);
    expect(codes(quiet({ accounts: current('9000.00', account('TERM_DEPOSIT', '100.00')) }))).toEqual([]);
    expect(codes(quiet({ accounts: current('9000.00', account('SAVINGS', '0.00', { status: 'CLOSED' })) }))).toEqual(['OFFER_SAVINGS_ACCOUNT']);
  });

  it('follows up an order delivered within 30 days, naming the newest', () => {
    const orders = [order('10.00', { orderId: '1000000007', createdAt: daysAgo(30) }), order('10.00', { orderId: '1000000008', createdAt: daysAgo(4) })];
    expect(computeNextBestActions(quiet({ orders }), TODAY, T)).toEqual([
      {
        code: 'SEND_SATISFACTION_SURVEY',
        title: 'Ask how the delivered order went (satisfaction follow-up)',
        reason: 'order 1000000008 delivered, placed 4 day(s) ago (<= 30 days)',
        channel: 'EMAIL',
        priority: 3,
      },
    ]);
    expect(codes(quiet({ orders: [order('10.00', { createdAt: daysAgo(31) })] }))).toEqual([]);
    // A page of orders cut short by the operation: enough when it reaches past 30 days, else no guess.
    expect(codes(quiet({ orders: [order('10.00', { createdAt: daysAgo(4) }), order('1.00', { createdAt: daysAgo(31) })], ordersComplete: false }))).toEqual(['SEND_SATISFACTION_SURVEY']);
    expect(codes(quiet({ orders: [order('10.00', { createdAt: daysAgo(4) })], ordersComplete: false }))).toEqual([]);
    expect(codes(quiet({ orders: [order('10.00', { createdAt: daysAgo(2), deliveryStatus: 'PARTIALLY_DELIVERED', billingStatus: 'NOT_BILLED' })] }))).toEqual([]);
  });

  it('sends a reactivation offer to a dormant customer only', () => {
    const dormant = quiet({ accounts: [account('CURRENT', '10.00'), account('SAVINGS', '10.00')], cards: [card('0.00', '100.00')] });
    expect(computeNextBestActions(dormant, TODAY, T)).toEqual([
      { code: 'SEND_REACTIVATION_OFFER', title: 'Send a reactivation offer to the dormant customer', reason: 'lifecycle stage DORMANT: no transaction, order or contact on record', channel: 'EMAIL', priority: 3 },
    ]);
  });

  it('flags a mortgage loan in arrears, naming the worst one, and not a closed or up-to-date loan, nor loans not heard', () => {
    const loan = (loanId: string, status: 'OPEN' | 'CLOSED', arrearsStatus: 'UP_TO_DATE' | 'ARREARS_1_2' | 'ARREARS_3_5' | 'ARREARS_6_PLUS') => ({ loanId, status, balance: gbp('1000.00'), arrearsStatus });
    const base = { accounts: [account('CURRENT', '10.00', { transactions: [{ bookedAt: dateDaysAgo(1), amount: gbp('-1.00') }] })] };
    const arrears = noFacts({ ...base, mortgages: [loan('ML00000001', 'OPEN', 'ARREARS_1_2'), loan('ML00000002', 'OPEN', 'ARREARS_6_PLUS'), loan('ML00000003', 'CLOSED', 'ARREARS_6_PLUS')] });
    expect(computeNextBestActions(arrears, TODAY, T).filter((a) => a.code === 'DISCUSS_MORTGAGE_ARREARS')).toEqual([
      { code: 'DISCUSS_MORTGAGE_ARREARS', title: 'Contact the customer about the mortgage payments in arrears', reason: 'mortgage loan ML00000002 is in arrears (ARREARS_6_PLUS)', channel: 'CALL_CENTER', priority: 1 },
    ]);
    for (const mortgages of [[loan('ML00000001', 'OPEN', 'UP_TO_DATE')], [loan('ML00000003', 'CLOSED', 'ARREARS_3_5')], null, []]) {
      expect(computeNextBestActions(noFacts({ ...base, mortgages }), TODAY, T).map((a) => a.code)).not.toContain('DISCUSS_MORTGAGE_ARREARS');
    }
  });

  it('lists the most urgent first, then in the order the actions are declared', () => {
    const everything = noFacts({
      accounts: [account('CURRENT', '20000.00', { transactions: [{ bookedAt: dateDaysAgo(1), amount: gbp('-600.00') }] })],
      cards: [],
      openCases: [{ openedAt: daysAgo(1) }],
      orders: [order('1.00', { createdAt: daysAgo(1) })],
    });
    expect(codes(everything)).toEqual(['SCHEDULE_CALLBACK', 'FOLLOW_UP_COMPLAINT', 'OFFER_CREDIT_CARD', 'OFFER_SAVINGS_ACCOUNT', 'SEND_SATISFACTION_SURVEY']);
  });
});
