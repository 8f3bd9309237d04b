/** Edges of "deposits" and "lending" the mutation run found untested (TESTING.md), answers by hand. */
import { balanceOfTypes, depositsTotal, lendingTotal } from './balances';
import { account, card, gbp } from './customerFactsFixtures';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const shown = (t: { total: { amountMinor: number; currency: string }; leftOut: number }) => ({ total: `${(t.total.amountMinor / 100).toFixed(2)} ${t.total.currency}`, leftOut: t.leftOut });

describe('deposits', () => {
  it('never count a loan, even one in credit', () => {
    expect(shown(depositsTotal([account('LOAN', '500.00'), account('SAVINGS', '100.00')], 'GBP'))).toEqual({ total: '100.00 GBP', leftOut: 0 });
  });

  it('leave out nothing for an empty account in another currency (only positive balances are deposits)', () => {
    expect(shown(depositsTotal([account('SAVINGS', '0.00', { balance: eur(0) }), account('SAVINGS', '1.00', { balance: eur(100) })], 'GBP'))).toEqual({ total: '0.00 GBP', leftOut: 1 });
  });
});

describe('balance of account types', () => {
  it('counts open accounts only', () => {
    expect(shown(balanceOfTypes([account('CURRENT', '9000.00', { status: 'CLOSED' }), account('CURRENT', '100.00')], ['CURRENT'], 'GBP'))).toEqual({ total: '100.00 GBP', leftOut: 0 });
  });
});

describe('lending', () => {
  it('counts overdrawn open accounts, not closed ones, and nothing for an empty account in another currency', () => {
    const accounts = [account('CURRENT', '-300.00', { status: 'CLOSED' }), account('CURRENT', '-40.00'), account('CURRENT', '0.00', { balance: eur(0) })];
    expect(shown(lendingTotal(accounts, [], 'GBP'))).toEqual({ total: '40.00 GBP', leftOut: 0 });
  });

  it('counts what is owed on cards, not a card in credit', () => {
    expect(shown(lendingTotal([], [card('120.00', '1000.00'), card('-50.00', '1000.00')], 'GBP'))).toEqual({ total: '120.00 GBP', leftOut: 0 });
    expect(shown(lendingTotal([], null, 'GBP'))).toEqual({ total: '0.00 GBP', leftOut: 0 });
    // A card with nothing owed in another currency: nothing owed, so nothing left out.
    expect(shown(lendingTotal([], [card('0.00', '100.00', { balance: eur(0) })], 'GBP'))).toEqual({ total: '0.00 GBP', leftOut: 0 });
  });
});

// The builders' gbp() is the only money parser used here: amounts above are literal.
it('the fixtures read "40.00" as 4000 minor units', () => expect(gbp('40.00')).toEqual({ amountMinor: 4000, currency: 'GBP' }));
