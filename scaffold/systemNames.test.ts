import { ScaffoldError } from './scaffoldErrors';
import { deriveSystemNames } from './systemNames';

describe('deriveSystemNames', () => {
  it.each([
    ['kebab case', 'loan-book', { name: 'LOAN_BOOK', slug: 'loan-book', handle: 'loanBook', pascal: 'LoanBook', label: 'Loan book', keyPrefix: 'LB' }],
    ['upper snake case', 'LOAN_BOOK', { name: 'LOAN_BOOK', slug: 'loan-book', handle: 'loanBook', pascal: 'LoanBook', label: 'Loan book', keyPrefix: 'LB' }],
    ['camel case', 'loanBook', { name: 'LOAN_BOOK', slug: 'loan-book', handle: 'loanBook', pascal: 'LoanBook', label: 'Loan book', keyPrefix: 'LB' }],
    ['one word', 'demo', { name: 'DEMO', slug: 'demo', handle: 'demo', pascal: 'Demo', label: 'Demo', keyPrefix: 'DEM' }],
    ['one upper-case word', 'MORTGAGES', { name: 'MORTGAGES', slug: 'mortgages', handle: 'mortgages', pascal: 'Mortgages', label: 'Mortgages', keyPrefix: 'MOR' }],
    ['three words with a digit', 'trade-finance-v2', { name: 'TRADE_FINANCE_V2', slug: 'trade-finance-v2', handle: 'tradeFinanceV2', pascal: 'TradeFinanceV2', label: 'Trade finance v2', keyPrefix: 'TFV' }],
    ['surrounding spaces', '  demo ', { name: 'DEMO', slug: 'demo', handle: 'demo', pascal: 'Demo', label: 'Demo', keyPrefix: 'DEM' }],
  ])('%s: %s', (_what, raw, expected) => {
    expect(deriveSystemNames(raw)).toEqual(expected);
  });

  it.each([
    ['empty', ''],
    ['one character', 'x'],
    ['too long', 'a'.repeat(33)],
    ['a space inside', 'loan book'],
    ['mixed separators', 'loan_book-x'],
    ['Pascal case', 'LoanBook'],
    ['a leading digit', '2fa'],
    ['a word starting with a digit', 'core-2b'],
    ['a trailing hyphen', 'loan-'],
    ['a double underscore', 'LOAN__BOOK'],
    ['a path', '../adapters'],
    ['a dot', 'loan.book'],
    ['a non-ASCII letter', 'prêts'],
    ['a quote (would break generated code)', "o'brien"],
    ['a reserved word', 'delete'],
    ['a reserved word in upper case', 'NEW'],
  ])('refuses %s (%j) with INVALID_NAME', (_what, raw) => {
    let caught: unknown;
    try {
      deriveSystemNames(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScaffoldError);
    expect((caught as ScaffoldError).code).toBe('INVALID_NAME');
  });
});
