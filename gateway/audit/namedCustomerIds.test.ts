import { parse } from 'graphql';
import { customerIdsNamedIn } from './namedCustomerIds';

const named = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => customerIdsNamedIn(parse(query), operationName, variables);

describe('customerIdsNamedIn', () => {
  it.each([
    ['an inline argument', '{ customer(id: "cust_AAAA1111") { id } }', {}, ['cust_AAAA1111']],
    ['a variable', 'query($id: ID!) { customer(id: $id) { id } }', { id: 'cust_BBBB2222' }, ['cust_BBBB2222']],
    ['an aliased lookup', '{ c: customer(id: "cust_AAAA1111") { i: id } }', {}, ['cust_AAAA1111']],
    ['an input object field', 'mutation($in: ScheduleCallbackInput!) { scheduleCallback(input: $in) { appointment { id } } }', { in: { customerId: 'cust_CCCC3333', slotId: 's', idempotencyKey: 'k' } }, ['cust_CCCC3333']],
    ['an inline input object', 'mutation { scheduleCallback(input: { customerId: "cust_CCCC3333", slotId: "s" }) { appointment { id } } }', {}, ['cust_CCCC3333']],
    ['a nested field argument', '{ discrepancyReport { edges { node { customer { x: auditTrail(customerId: "cust_DDDD4444") } } } } }', {}, ['cust_DDDD4444']],
    ['an argument inside a fragment, once', 'query { ...F ...F } fragment F on Query { customer(id: "cust_EEEE5555") { id } }', {}, ['cust_EEEE5555']],
    ['an inline fragment', '{ ... on Query { customer(id: "cust_FFFF6666") { id } } }', {}, ['cust_FFFF6666']],
    ['several, in order, once each', '{ a: customer(id: "cust_AAAA1111") { id } b: customer(id: "cust_BBBB2222") { id } c: customer(id: "cust_AAAA1111") { id } }', {}, ['cust_AAAA1111', 'cust_BBBB2222']],
  ])('finds %s', (_case, query, variables, expected) => {
    expect(named(query, variables)).toEqual(expected);
  });

  it.each([
    ['an unused variable', 'query($id: ID) { customers(first: 1) { totalCount } }', { id: 'cust_AAAA1111' }],
    ['a value that is not a customer id', '{ customer(id: "card_1") { id } searchCustomers(text: "cust_ but words") { totalCount } }', {}],
    ['a lookup by source key', '{ customerBySourceKey(system: CARDS, localId: "CH00000001") { id } }', {}],
  ])('finds nothing in %s', (_case, query, variables) => {
    expect(named(query, variables)).toEqual([]);
  });

  it('reads only the operation that runs', () => {
    const query = 'query A { customer(id: "cust_AAAA1111") { id } } query B { customer(id: "cust_BBBB2222") { id } }';
    expect(named(query, {}, 'B')).toEqual(['cust_BBBB2222']);
  });
});
