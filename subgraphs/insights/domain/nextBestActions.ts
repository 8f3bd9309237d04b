/**
 * Next best actions: rule-based triggers, each saying what to do, where and why. At most one
 * action per code (the most telling instance: the newest order, the fullest card), most urgent
 * first. A rule whose inputs were not heard does not fire: no offer on a guess.
 */
import { balanceOfTypes, depositsTotal } from './balances';
import { daysBefore } from './calendar';
import { fallingBalances, recentOpenComplaint } from './customerSignals';
import type { CustomerFacts, InsightThresholds, NextBestAction, NextBestActionCode } from './insightTypes';
import { computeLifecycleStage } from './lifecycleStage';
import { showMoney, thresholdMinor } from './moneyTotals';
import { coversLastDays } from './pageCoverage';

/** What each action asks the agent or advisor to do. */
export const ACTION_TITLES: Record<NextBestActionCode, string> = {
  SCHEDULE_CALLBACK: 'Book a retention call with the relationship manager (a slot from advisor.freeSlots, then scheduleCallback)',
  FOLLOW_UP_COMPLAINT: 'Follow up the open complaint with the customer',
  OFFER_CREDIT_CARD: 'Offer a credit card',
  REVIEW_CREDIT_LIMIT: 'Review the credit limit of the card with the customer',
  OFFER_SAVINGS_ACCOUNT: 'Offer a savings account for the money idle in current accounts',
  SEND_SATISFACTION_SURVEY: 'Ask how the delivered order went (satisfaction follow-up)',
  SEND_REACTIVATION_OFFER: 'Send a reactivation offer to the dormant customer',
  DISCUSS_MORTGAGE_ARREARS: 'Contact the customer about the mortgage payments in arrears',
};

const CODE_ORDER = Object.keys(ACTION_TITLES) as NextBestActionCode[];

type Trigger = (facts: CustomerFacts, asOf: string, thresholds: InsightThresholds) => string | null;

/** Each trigger returns the reason it fires, or null. */
export const TRIGGERS: Record<NextBestActionCode, Trigger> = {
  SCHEDULE_CALLBACK: (facts, asOf, thresholds) => {
    const complaint = recentOpenComplaint(facts, asOf, thresholds);
    const falling = fallingBalances(facts, asOf, thresholds);
    return complaint.fired && falling.fired ? `${complaint.reason}; ${falling.reason}` : null;
  },

  // Every open complaint counts, whatever its age: the retention callback above needs a recent
  // one (a churn signal), but a complaint open for months is overdue, not forgotten.
  FOLLOW_UP_COMPLAINT: (facts, asOf) => {
    if (!facts.openCases || facts.openCases.length === 0) return null;
    const ages = facts.openCases.map((c) => daysBefore(c.openedAt, asOf)).filter((age) => !Number.isNaN(age));
    const count = facts.openCases.length;
    const open = count === 1 ? 'a complaint is open' : `${count} complaints are open`;
    // A case stamped later than today (clock skew between systems) is open now: age 0, not ignored.
    return ages.length === 0 ? `${open} (opening date unreadable)` : `${open}, the oldest opened ${Math.max(0, ...ages)} day(s) ago`;
  },

  OFFER_CREDIT_CARD: (facts, _asOf, thresholds) => {
    if (!facts.accounts || !facts.cards) return null;
    if (facts.cards.some((c) => c.status === 'ACTIVE')) return null;
    const currency = thresholds.reportingCurrency;
    const deposits = depositsTotal(facts.accounts, currency).total;
    const min = { amountMinor: thresholdMinor(thresholds.nextBestActions.OFFER_CREDIT_CARD.minDeposits, currency), currency };
    return deposits.amountMinor >= min.amountMinor ? `deposits ${showMoney(deposits)} >= ${showMoney(min)} and no active card` : null;
  },

  REVIEW_CREDIT_LIMIT: (facts, _asOf, thresholds) => {
    const percent = thresholds.nextBestActions.REVIEW_CREDIT_LIMIT.minUtilisationPercent;
    let fullest: number | null = null;
    for (const card of facts.cards ?? []) {
      const { balance, creditLimit } = card;
      if (card.status !== 'ACTIVE' || !balance || !creditLimit || creditLimit.amountMinor <= 0 || balance.currency !== creditLimit.currency) continue;
      // Integer percentages: balance * 100 / limit, rounded down, never a float compare on money.
      const used = Math.floor((balance.amountMinor * 100) / creditLimit.amountMinor);
      if (used >= percent && (fullest === null || used > fullest)) fullest = used;
    }
    return fullest === null ? null : `an active card is used to ${fullest}% of its limit (>= ${percent}%)`;
  },

  OFFER_SAVINGS_ACCOUNT: (facts, _asOf, thresholds) => {
    if (!facts.accounts) return null;
    const currency = thresholds.reportingCurrency;
    if (facts.accounts.some((a) => a.status === 'OPEN' && (a.type === 'SAVINGS' || a.type === 'TERM_DEPOSIT'))) return null;
    const current = balanceOfTypes(facts.accounts, ['CURRENT'], currency).total;
    const min = { amountMinor: thresholdMinor(thresholds.nextBestActions.OFFER_SAVINGS_ACCOUNT.minCurrentBalance, currency), currency };
    return current.amountMinor >= min.amountMinor ? `current accounts hold ${showMoney(current)} >= ${showMoney(min)} and no savings or term deposit` : null;
  },

  SEND_SATISFACTION_SURVEY: (facts, asOf, thresholds) => {
    const maxAge = thresholds.nextBestActions.SEND_SATISFACTION_SURVEY.maxOrderAgeDays;
    // The newest orders are all this rule reads: a cut page of them is enough when it reaches past the window.
    if (!coversLastDays(facts.orders, facts.ordersComplete, (o) => o.createdAt, asOf, maxAge + 1)) return null;
    let newest: { age: number; orderId?: string } | null = null;
    for (const order of facts.orders ?? []) {
      if (order.deliveryStatus !== 'DELIVERED') continue;
      const age = daysBefore(order.createdAt, asOf);
      if (age >= 0 && age <= maxAge && (newest === null || age < newest.age)) newest = { age, orderId: order.orderId };
    }
    if (!newest) return null;
    const which = newest.orderId ? `order ${newest.orderId}` : 'an order';
    return `${which} delivered, placed ${newest.age} day(s) ago (<= ${maxAge} days)`;
  },

  SEND_REACTIVATION_OFFER: (facts, asOf, thresholds) => {
    const stage = computeLifecycleStage(facts, asOf, thresholds);
    return stage?.stage === 'DORMANT' ? `lifecycle stage DORMANT: ${stage.reasons[0]}` : null;
  },

  // The worst band first: the reason names the loan the agent should open.
  DISCUSS_MORTGAGE_ARREARS: (facts) => {
    const bands = ['ARREARS_6_PLUS', 'ARREARS_3_5', 'ARREARS_1_2'] as const;
    for (const band of bands) {
      const loan = (facts.mortgages ?? []).find((l) => l.status === 'OPEN' && l.arrearsStatus === band);
      if (loan) return `${loan.loanId ? `mortgage loan ${loan.loanId}` : 'a mortgage loan'} is in arrears (${band})`;
    }
    return null;
  },
};

export function computeNextBestActions(facts: CustomerFacts, asOf: string, thresholds: InsightThresholds): NextBestAction[] {
  const actions: NextBestAction[] = [];
  for (const code of CODE_ORDER) {
    const reason = TRIGGERS[code](facts, asOf, thresholds);
    if (reason === null) continue;
    const { priority, channel } = thresholds.nextBestActions[code];
    actions.push({ code, title: ACTION_TITLES[code], reason, channel, priority });
  }
  // Stable sort: equal priorities keep the order the codes are declared in.
  return actions.sort((a, b) => a.priority - b.priority);
}
