import type { Money } from '../../adapters/canonical';
import { toDecimalString } from '../../adapters/money';

/** The graph's `Money { amount currency }` over the canonical minor-unit Money. */
export const moneyResolvers = {
  Money: {
    amount: (money: Money) => toDecimalString(money),
    currency: (money: Money) => money.currency,
  },
};
