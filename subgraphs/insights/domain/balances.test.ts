import { balanceOfTypes, depositsTotal, lendingTotal } from './balances';
import { account, card } from './customerFactsFixtures';

describe('balances', () => {
  const accounts = [
    account('CURRENT', '100.00'),
    account('CURRENT', '-30.00'),
    account('SAVINGS', '50.00'),
    account('TERM_DEPOSIT', '25.00', { status: 'CLOSED' }),
    account('LOAN', '-1000.00'),
  ];

  it('counts deposits as the positive balances of open non-loan accounts', () => {
    expect(depositsTotal(accounts, 'GBP').total.amountMinor).toBe(15_000);
    expect(balanceOfTypes(accounts, ['CURRENT'], 'GBP').total.amountMinor).toBe(7_000);
  });

  it('counts lending as loans, overdrafts and card balances owed; without cards, accounts only', () => {
    expect(lendingTotal(accounts, [card('40.00', '500.00'), card('0.00', '500.00')], 'GBP').total.amountMinor).toBe(107_000);
    expect(lendingTotal(accounts, null, 'GBP').total.amountMinor).toBe(103_000);
  });
});
