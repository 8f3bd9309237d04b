import { forbiddenFields, problemAt } from './fieldProblems';

describe('problemAt', () => {
  const errors = [
    { message: 'Not authorized to read Account.balance (FINANCIAL)', path: ['customer', 'accounts', 0, 'balance'], extensions: { code: 'FORBIDDEN', field: 'Account.balance' } },
    { message: 'cards unavailable', path: ['customer', 'cards'], extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' } },
    { message: 'Not authorized to read Customer.salesOrders (FINANCIAL)', extensions: { code: 'FORBIDDEN', field: 'Customer.salesOrders' } },
  ];

  it('explains a null section by an error at or below its path', () => {
    expect(problemAt(errors, ['customer', 'accounts'])).toMatchObject({ kind: 'forbidden', label: 'hidden for your role' });
    expect(problemAt(errors, ['customer', 'cards'])).toMatchObject({ kind: 'unavailable', system: 'CARDS', label: 'Cards is unavailable' });
  });

  it('finds nothing for parts no error is about, nor above the error path', () => {
    expect(problemAt(errors, ['customer', 'openCases'])).toBeUndefined();
    expect(problemAt(errors, ['customer', 'accounts', 1])).toBeUndefined();
  });

  it('names each refused field once, with or without a path', () => {
    expect(forbiddenFields([...errors, errors[0]])).toEqual(['Account.balance', 'Customer.salesOrders']);
  });
});
