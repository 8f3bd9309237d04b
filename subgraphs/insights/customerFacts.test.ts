import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, Kind, parse, print, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { customerFacts, REQUIRED_PAGE_SIZES } from './customerFacts';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const orderNode = (orderId: string) => ({ node: { orderId, createdAt: '2026-10-01T00:00:00.000Z', netValue: gbp('1.00'), deliveryStatus: 'DELIVERED', billingStatus: 'BILLED' } });

describe('customerFacts (the @requires representation as rule inputs)', () => {
  it('reads money into minor units and connections into lists', () => {
    const facts = customerFacts({
      __typename: 'Customer',
      id: 'cust_1',
      accounts: [
        { type: 'SAVINGS', status: 'OPEN', openedOn: '2020-01-02', balance: { amount: '12.30', currency: 'GBP' }, recentTransactions: { edges: [{ node: { bookedAt: '2026-10-01', amount: { amount: '-1.05', currency: 'GBP' } } }] } },
      ],
      cards: [{ status: 'ACTIVE', balance: { amount: '5.00', currency: 'GBP' }, creditLimit: { amount: '100.00', currency: 'GBP' }, recentTransactions: null }],
      recentSalesOrders: { edges: [{ node: { orderId: '1', createdAt: '2026-10-01T00:00:00.000Z', netValue: { amount: '9.99', currency: 'GBP' }, deliveryStatus: 'DELIVERED', billingStatus: 'BILLED' } }] },
      openCases: [],
      interactions: { edges: [{ node: { occurredAt: '2026-10-01T00:00:00.000Z' } }] },
      profile: { birthDate: { value: '1990-05-06' } },
    });
    expect(facts).toEqual({
      accounts: [
        {
          type: 'SAVINGS', status: 'OPEN', openedOn: '2020-01-02', balance: { amountMinor: 1230, currency: 'GBP' },
          transactions: [{ bookedAt: '2026-10-01', amount: { amountMinor: -105, currency: 'GBP' } }], transactionsComplete: true,
        },
      ],
      cards: [{ status: 'ACTIVE', balance: { amountMinor: 500, currency: 'GBP' }, creditLimit: { amountMinor: 10000, currency: 'GBP' }, transactions: null, transactionsComplete: true }],
      orders: [{ orderId: '1', createdAt: '2026-10-01T00:00:00.000Z', netValue: { amountMinor: 999, currency: 'GBP' }, deliveryStatus: 'DELIVERED', billingStatus: 'BILLED' }],
      ordersComplete: true,
      openCases: [],
      interactions: [{ occurredAt: '2026-10-01T00:00:00.000Z' }],
      birthDate: '1990-05-06',
      yearlyIncome: null,
      mortgages: null,
    });
  });

  it('reads mortgage loans with their balances in minor units', () => {
    const facts = customerFacts({ mortgages: [{ loanId: 'ML00000001', status: 'OPEN', balance: { amount: '182345.67', currency: 'GBP' }, arrearsStatus: 'ARREARS_3_5' }] });
    expect(facts.mortgages).toEqual([{ loanId: 'ML00000001', status: 'OPEN', balance: { amountMinor: 18_234_567, currency: 'GBP' }, arrearsStatus: 'ARREARS_3_5' }]);
    expect(() => customerFacts({ mortgages: [{ status: 'OPEN', arrearsStatus: 'LATE' }] })).toThrow(/malformed at mortgages\.0\.arrearsStatus/);
  });

  it('reads a failed system (null) and a field not asked for (absent) as not heard', () => {
    expect(customerFacts({ id: 'cust_1', accounts: null, profile: null })).toEqual({
      accounts: null, cards: null, orders: null, ordersComplete: true, openCases: null, interactions: null, birthDate: null, yearlyIncome: null, mortgages: null,
    });
  });

  it('marks a page smaller than the one required, with more to come, as incomplete', () => {
    const cut = customerFacts({ recentSalesOrders: { totalCount: 3, edges: [orderNode('1'), orderNode('2')] } });
    expect(cut.orders).toHaveLength(2);
    expect(cut.ordersComplete).toBe(false);
    expect(customerFacts({ recentSalesOrders: { totalCount: 2, edges: [orderNode('1'), orderNode('2')] } }).ordersComplete).toBe(true);
    const cards = customerFacts({ cards: [{ status: 'ACTIVE', recentTransactions: { edges: [], pageInfo: { hasNextPage: true } } }] }).cards!;
    expect(cards[0].transactionsComplete).toBe(false);
    // Nothing newest to read in an empty page that has more: the interactions are unknown.
    expect(customerFacts({ interactions: { edges: [], pageInfo: { hasNextPage: true } } }).interactions).toBeNull();
  });

  it('cuts a longer list back to the required size', () => {
    const edges = Array.from({ length: REQUIRED_PAGE_SIZES.salesOrders + 5 }, (_, i) => orderNode(String(i)));
    const facts = customerFacts({ recentSalesOrders: { totalCount: edges.length, edges } });
    expect(facts.orders).toHaveLength(REQUIRED_PAGE_SIZES.salesOrders);
    expect(facts.ordersComplete).toBe(true);
  });

  it('requires one field set for every insights field, with no page argument but the newest interaction', () => {
    const sdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'insights.graphql'), 'utf8');
    const requires = [...sdl.matchAll(/@requires\(fields: "([^"]*)"\)/g)].map((m) => m[1]);
    expect(requires.length).toBe(4);
    // The same set for all four: the planner then asks insights once (schema/queryPlans.test.ts).
    expect(new Set(requires).size).toBe(1);
    // Every argument in the field set, by the path of the field that takes it: the lists come
    // from argument-free fields, so a client's smaller page cannot cut them.
    const argumentsAt = new Map<string, string[]>();
    const walk = (selections: readonly SelectionNode[], at: string) => {
      for (const selection of selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const here = at ? `${at}.${selection.name.value}` : selection.name.value;
        for (const argument of selection.arguments ?? []) argumentsAt.set(here, [...(argumentsAt.get(here) ?? []), `${argument.name.value}: ${print(argument.value)}`]);
        if (selection.selectionSet) walk(selection.selectionSet.selections, here);
      }
    };
    walk((parse(`{ ${requires[0]} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections, '');
    // The newest interaction is on any first page a client selects (customerFacts reads the newest).
    expect(Object.fromEntries(argumentsAt)).toEqual({ interactions: ['first: 1'] });
    expect(requires[0]).toContain('accounts { type status openedOn balance { amount currency } recentTransactions {');
    expect(requires[0]).toContain('cards { status balance { amount currency } creditLimit { amount currency } recentTransactions {');
    expect(requires[0]).toContain('recentSalesOrders { totalCount edges {');
  });

  it('refuses a malformed representation with a typed error naming the path, not the value', () => {
    const attempt = () => customerFacts({ accounts: [{ type: 'SAVINGS', status: 'OPEN', balance: { amount: '12.3456789', currency: 'GBP' } }] });
    expect(attempt).toThrow(GraphQLError);
    try {
      attempt();
    } catch (error) {
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      expect((error as GraphQLError).message).toBe('insights: the Customer representation is malformed at accounts.0.balance');
      expect((error as GraphQLError).message).not.toContain('12.34');
    }
    expect(() => customerFacts('not an object')).toThrow('malformed at Customer');
  });
});
