import type { MortgageLoan } from '../../adapters/mortgages';
import { customerLoans } from './resolvers';

const loan = (loanId: string, status: 'OPEN' | 'CLOSED', borrowers: Array<[string, 'PRIMARY' | 'JOINT']>): MortgageLoan => ({
  loanId,
  status,
  balance: { amountMinor: 100, currency: 'GBP' },
  monthsInArrears: 0,
  nextPayment: null,
  rateType: 'FIXED',
  maturityDate: '2040-01-01',
  borrowers: borrowers.map(([borrowerId, role]) => ({ borrowerId, role })),
  asOf: '2026-12-03',
});

describe('customerLoans (a customer’s loans across their borrower records)', () => {
  const joint = loan('ML00000005', 'OPEN', [
    ['MB00000001', 'PRIMARY'],
    ['MB00000002', 'JOINT'],
  ]);

  it('gives each borrower of a joint loan their own role', () => {
    expect(customerLoans([joint], ['MB00000001']).map((l) => [l.loanId, l.borrowerRole])).toEqual([['ML00000005', 'PRIMARY']]);
    expect(customerLoans([joint], ['MB00000002']).map((l) => [l.loanId, l.borrowerRole])).toEqual([['ML00000005', 'JOINT']]);
  });

  it('lists a joint loan once for a customer holding both of its borrower records (a duplicate), as primary', () => {
    expect(customerLoans([joint, joint], ['MB00000002', 'MB00000001']).map((l) => [l.loanId, l.borrowerRole])).toEqual([['ML00000005', 'PRIMARY']]);
  });

  it('puts open loans first, then orders by loan number', () => {
    const loans = [loan('ML00000009', 'CLOSED', [['MB00000001', 'PRIMARY']]), loan('ML00000007', 'OPEN', [['MB00000001', 'PRIMARY']]), loan('ML00000003', 'OPEN', [['MB00000001', 'PRIMARY']])];
    expect(customerLoans(loans, ['MB00000001']).map((l) => l.loanId)).toEqual(['ML00000003', 'ML00000007', 'ML00000009']);
  });
});
