/**
 * Builders for the rules' unit tests: a customer with nothing, and terse constructors for the
 * facts a test adds. Money is written as decimal text, as in the thresholds file.
 */
import type { Money } from '../../../adapters/canonical';
import { fromDecimalString } from '../../../adapters/money';
import type { AccountFacts, CardFacts, CustomerFacts, OrderFacts } from './insightTypes';

/** "Today" in every rule test: a fixed instant, never the wall clock. */
export const TODAY = '2026-11-01T09:00:00.000Z';

export const gbp = (amount: string): Money => fromDecimalString(amount, 'GBP');

/** The instant `days` whole days before TODAY (same time of day). */
export const daysAgo = (days: number): string => new Date(Date.parse(TODAY) - days * 86_400_000).toISOString();

/** The date `days` days before TODAY, `YYYY-MM-DD`. */
export const dateDaysAgo = (days: number): string => daysAgo(days).slice(0, 10);

/** A customer every system answered for, holding nothing. */
export function noFacts(overrides: Partial<CustomerFacts> = {}): CustomerFacts {
  return { accounts: [], cards: [], orders: [], openCases: [], interactions: [], birthDate: null, yearlyIncome: null, ...overrides };
}

export function account(type: AccountFacts['type'], balance: string, extra: Partial<AccountFacts> = {}): AccountFacts {
  return { type, status: 'OPEN', balance: gbp(balance), openedOn: '2015-01-01', transactions: [], ...extra };
}

export function card(balance: string, limit: string, extra: Partial<CardFacts> = {}): CardFacts {
  return { status: 'ACTIVE', balance: gbp(balance), creditLimit: gbp(limit), transactions: [], ...extra };
}

export function order(net: string, extra: Partial<OrderFacts> = {}): OrderFacts {
  return { orderId: '1000000001', createdAt: daysAgo(100), netValue: gbp(net), deliveryStatus: 'DELIVERED', billingStatus: 'BILLED', ...extra };
}
