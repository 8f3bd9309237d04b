/**
 * What the relationship is worth: deposits, lending, recent card spend, open orders and mortgages, each in
 * the reporting currency. A figure is null when the system behind it was not heard: an unknown
 * is not a zero.
 */
import type { Money } from '../../../adapters/canonical';
import { depositsTotal, lendingTotal } from './balances';
import { withinLastDays } from './calendar';
import type { CardFacts, CustomerFacts, InsightThresholds, OrderFacts, RelationshipValue } from './insightTypes';
import { leftOutReason, sumInCurrency, type Total } from './moneyTotals';
import { coversLastDays, partialPageReason } from './pageCoverage';

/**
 * Purchases (positive amounts) posted in the last `days` days on any card; null when some card's
 * transactions could not be read or were cut short before the window's start.
 */
export function cardSpend(cards: readonly CardFacts[], asOf: string, days: number, currency: string): Total | null {
  const purchases: Money[] = [];
  for (const card of cards) {
    if (!coversLastDays(card.transactions, card.transactionsComplete, (t) => t.postedAt, asOf, days)) return null;
    for (const txn of card.transactions ?? []) {
      if (txn.amount.amountMinor > 0 && withinLastDays(txn.postedAt, asOf, days)) purchases.push(txn.amount);
    }
  }
  return sumInCurrency(purchases, currency);
}

/** An order is open until it is both fully delivered and fully billed. */
export function isOpenOrder(order: OrderFacts): boolean {
  return order.deliveryStatus !== 'DELIVERED' || order.billingStatus !== 'BILLED';
}

export function computeRelationshipValue(facts: CustomerFacts, asOf: string, thresholds: InsightThresholds): RelationshipValue {
  const currency = thresholds.reportingCurrency;
  const reasons: string[] = [];
  const result: RelationshipValue = { totalDeposits: null, totalLending: null, cardSpend90Days: null, openOrdersValue: null, mortgageBalances: null, reasons };

  if (facts.accounts) {
    const deposits = depositsTotal(facts.accounts, currency);
    const lending = lendingTotal(facts.accounts, facts.cards, currency);
    result.totalDeposits = deposits.total;
    result.totalLending = lending.total;
    reasons.push('deposits: positive balances of open current, savings and term-deposit accounts');
    reasons.push(facts.cards ? 'lending: open loans, overdrawn accounts and card balances owed' : 'lending: open loans and overdrawn accounts only (cards not heard)');
    reasons.push(...leftOutReason('deposits', deposits.leftOut, currency), ...leftOutReason('lending', lending.leftOut, currency));
  } else {
    reasons.push('deposits and lending unknown: core banking not heard');
  }

  if (facts.cards) {
    const spend = cardSpend(facts.cards, asOf, thresholds.cardSpendDays, currency);
    if (spend) {
      result.cardSpend90Days = spend.total;
      reasons.push(`card spend: purchases posted in the last ${thresholds.cardSpendDays} days, refunds and payments not deducted`);
      reasons.push(...leftOutReason('card spend', spend.leftOut, currency));
    } else if (facts.cards.some((c) => c.transactions === null)) {
      reasons.push('card spend unknown: the transactions of a card could not be read');
    } else {
      reasons.push(partialPageReason('card spend', 'card transactions'));
    }
  } else {
    reasons.push('card spend unknown: card processor not heard');
  }

  if (facts.orders && facts.ordersComplete !== false) {
    const open = sumInCurrency(facts.orders.filter(isOpenOrder).map((o) => o.netValue), currency);
    result.openOrdersValue = open.total;
    reasons.push('open orders: net value of orders not yet fully delivered or fully billed');
    reasons.push(...leftOutReason('open orders', open.leftOut, currency));
  } else if (facts.orders) {
    reasons.push(partialPageReason('open orders', 'sales orders'));
  } else {
    reasons.push('open orders unknown: ERP not heard');
  }

  if (facts.mortgages) {
    const open = sumInCurrency(facts.mortgages.filter((loan) => loan.status === 'OPEN' && loan.balance).map((loan) => loan.balance!), currency);
    result.mortgageBalances = open.total;
    reasons.push('mortgages: outstanding balances of open mortgage loans, a joint loan counted whole');
    reasons.push(...leftOutReason('mortgages', open.leftOut, currency));
  } else {
    reasons.push('mortgages unknown: mortgage servicing not heard');
  }
  return result;
}
