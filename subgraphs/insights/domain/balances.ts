/**
 * What the customer holds with the bank and what they owe it, from account and card balances.
 * Shared by the tier rule, the relationship value and the next best actions so that all three
 * mean the same thing by "deposits".
 */
import type { Money } from '../../../adapters/canonical';
import type { AccountFacts, CardFacts } from './insightTypes';
import { sumInCurrency, type Total } from './moneyTotals';

const isDepositAccount = (account: AccountFacts) => account.status === 'OPEN' && account.type !== 'LOAN';

/** Sum of the positive balances of open current, savings and term-deposit accounts. */
export function depositsTotal(accounts: readonly AccountFacts[], currency: string): Total {
  return sumInCurrency(
    accounts.filter((a) => isDepositAccount(a) && a.balance.amountMinor > 0).map((a) => a.balance),
    currency,
  );
}

/** Sum of the balances of open accounts of the given types (negative balances included). */
export function balanceOfTypes(accounts: readonly AccountFacts[], types: ReadonlyArray<AccountFacts['type']>, currency: string): Total {
  return sumInCurrency(
    accounts.filter((a) => a.status === 'OPEN' && types.includes(a.type)).map((a) => a.balance),
    currency,
  );
}

/**
 * What the customer owes: open loans and overdrawn accounts (their negative balances, as positive
 * amounts) plus what is owed on cards. `cards` null means the card processor was not heard.
 */
export function lendingTotal(accounts: readonly AccountFacts[], cards: readonly CardFacts[] | null, currency: string): Total {
  const owed: Money[] = accounts
    .filter((a) => a.status === 'OPEN' && a.balance.amountMinor < 0)
    .map((a) => ({ amountMinor: -a.balance.amountMinor, currency: a.balance.currency }));
  for (const card of cards ?? []) {
    if (card.balance && card.balance.amountMinor > 0) owed.push(card.balance);
  }
  return sumInCurrency(owed, currency);
}
