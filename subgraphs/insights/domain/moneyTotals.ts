/**
 * Adding money up exactly: integer minor units in one currency. We hold no exchange rates, so an
 * amount in another currency is counted as left out rather than converted wrongly.
 */
import type { Money } from '../../../adapters/canonical';
import { fromDecimalString, toDecimalString } from '../../../adapters/money';

/** A threshold written as decimal text (`"25000.00"`) in minor units; a bad config value throws. */
export function thresholdMinor(text: string, currency: string): number {
  return fromDecimalString(text, currency).amountMinor;
}

/** `"25000.00 GBP"`: how amounts and thresholds read in reasons. */
export function showMoney(money: Money): string {
  return `${toDecimalString(money)} ${money.currency}`;
}

export interface Total {
  total: Money;
  /** How many amounts were in another currency and so left out. */
  leftOut: number;
}

/** Adds the amounts held in `currency`; refuses a total beyond exact integer range. */
export function sumInCurrency(amounts: readonly Money[], currency: string): Total {
  let sum = 0;
  let leftOut = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) {
      leftOut += 1;
      continue;
    }
    sum += amount.amountMinor;
    if (!Number.isSafeInteger(sum)) throw new RangeError('total out of exact range');
  }
  return { total: { amountMinor: sum, currency }, leftOut };
}

/** The reason line for amounts left out of a total, or none. */
export function leftOutReason(what: string, leftOut: number, currency: string): string[] {
  return leftOut > 0 ? [`${what}: ${leftOut} amount(s) not in ${currency} left out (no exchange rates)`] : [];
}
