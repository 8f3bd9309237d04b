import { customerIdsTouched } from './customerIdsTouched';

describe('customerIdsTouched', () => {
  it('finds customer ids at any depth of the response, once each, in order', () => {
    const data = {
      customers: {
        edges: [{ node: { id: 'cust_AAAA1111', accounts: [{ id: 'acc_1' }] } }, { node: { id: 'cust_BBBB2222' } }],
      },
      again: { id: 'cust_AAAA1111' },
    };
    expect(customerIdsTouched(data, {})).toEqual(['cust_AAAA1111', 'cust_BBBB2222']);
  });

  it('counts customer ids passed as variables even when nothing was found', () => {
    expect(customerIdsTouched({ customer: null }, { id: 'cust_CCCC3333', ids: ['cust_DDDD4444', 'x'], n: 3 })).toEqual([
      'cust_CCCC3333',
      'cust_DDDD4444',
    ]);
  });

  it('ignores ids that are not customer ids and tolerates no data', () => {
    expect(customerIdsTouched({ card: { id: 'card_1', name: 'cust_ but text with spaces' } }, undefined)).toEqual([]);
    expect(customerIdsTouched(undefined, null)).toEqual([]);
  });

  it('walks very deep results without overflowing the stack', () => {
    let deep: Record<string, unknown> = { id: 'cust_DEEP0001' };
    for (let i = 0; i < 50_000; i += 1) deep = { child: deep };
    expect(customerIdsTouched(deep, {})).toEqual(['cust_DEEP0001']);
  });
});
