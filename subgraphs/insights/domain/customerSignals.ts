/**
 * Signals several rules share (lifecycle stage and next best actions): a recent open complaint,
 * falling balances, and the last sign of activity. Each says why, with its threshold.
 */
import type { Money } from '../../../adapters/canonical';
import { daysBefore, withinLastDays } from './calendar';
import type { CustomerFacts, InsightThresholds } from './insightTypes';
import { showMoney, sumInCurrency, thresholdMinor } from './moneyTotals';
import { coversLastDays, partialPageReason } from './pageCoverage';

export interface Signal {
  fired: boolean;
  reason: string;
}

/** An open complaint opened at most `recentComplaintDays` days ago. */
export function recentOpenComplaint(facts: Pick<CustomerFacts, 'openCases'>, asOf: string, thresholds: InsightThresholds): Signal {
  const days = thresholds.churn.recentComplaintDays;
  if (!facts.openCases) return { fired: false, reason: 'complaints unknown: call center not heard' };
  const ages = facts.openCases.map((c) => daysBefore(c.openedAt, asOf)).filter((age) => age >= 0 && age <= days);
  if (ages.length === 0) return { fired: false, reason: `no open complaint opened in the last ${days} days` };
  return { fired: true, reason: `open complaint opened ${Math.min(...ages)} day(s) ago (<= ${days} days)` };
}

/**
 * Balances are falling when the deposit accounts' transactions over the last `balanceTrendDays`
 * days add up to an outflow of at least `minNetOutflow`.
 */
export function fallingBalances(facts: Pick<CustomerFacts, 'accounts'>, asOf: string, thresholds: InsightThresholds): Signal {
  const { balanceTrendDays: days, minNetOutflow } = thresholds.churn;
  const currency = thresholds.reportingCurrency;
  if (!facts.accounts) return { fired: false, reason: 'balance trend unknown: core banking not heard' };
  const flows: Money[] = [];
  for (const account of facts.accounts) {
    if (account.status !== 'OPEN' || account.type === 'LOAN') continue;
    if (!coversLastDays(account.transactions, account.transactionsComplete, (t) => t.bookedAt, asOf, days)) {
      return { fired: false, reason: account.transactions ? partialPageReason('balance trend', 'account transactions') : 'balance trend unknown: the transactions of an account could not be read' };
    }
    for (const txn of account.transactions ?? []) if (withinLastDays(txn.bookedAt, asOf, days)) flows.push(txn.amount);
  }
  const net = sumInCurrency(flows, currency).total;
  const limit = { amountMinor: -thresholdMinor(minNetOutflow, currency), currency };
  if (net.amountMinor <= limit.amountMinor) return { fired: true, reason: `net flow on deposit accounts over ${days} days ${showMoney(net)} <= ${showMoney(limit)}` };
  return { fired: false, reason: `net flow on deposit accounts over ${days} days ${showMoney(net)} > ${showMoney(limit)}` };
}

/** The latest instant or date of any account or card transaction, order or interaction; null if none. */
export function lastActivity(facts: CustomerFacts): string | null {
  const stamps: string[] = [];
  for (const account of facts.accounts ?? []) for (const txn of account.transactions ?? []) stamps.push(txn.bookedAt);
  for (const card of facts.cards ?? []) for (const txn of card.transactions ?? []) stamps.push(txn.postedAt);
  for (const order of facts.orders ?? []) stamps.push(order.createdAt);
  for (const interaction of facts.interactions ?? []) stamps.push(interaction.occurredAt);
  let latest: string | null = null;
  let latestMs = -Infinity;
  for (const stamp of stamps) {
    // Dates and instants mix here: compare them as instants (a date is its midnight UTC).
    const ms = Date.parse(stamp.length === 10 ? `${stamp}T00:00:00.000Z` : stamp);
    if (ms > latestMs) {
      latestMs = ms;
      latest = stamp;
    }
  }
  return latest;
}

/** The systems whose silence makes "no activity" uncertain, for the reasons. */
export function unheardSystems(facts: CustomerFacts): string[] {
  const unheard: string[] = [];
  if (!facts.accounts) unheard.push('core banking');
  if (!facts.cards) unheard.push('cards');
  if (!facts.orders) unheard.push('ERP');
  if (!facts.interactions || !facts.openCases) unheard.push('call center');
  return unheard;
}
