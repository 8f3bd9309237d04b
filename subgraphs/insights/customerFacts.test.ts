import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, Kind, parse, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { customerFacts, REQUIRED_PAGE_SIZES } from './customerFacts';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const orderNode = (orderId: string) => ({ node: { orderId, createdAt: '2026-10-01T00:00:00.000Z', netValue: gbp('1.00'), deliveryStatus: 'DELIVERED', billingStatus: 'BILLED' } });

describe('customerFacts (the @requires representation as rule inputs)', () => {
  it('reads money into minor units and connections into lists', () => {
    const facts = customerFacts({
      __typename: 'Customer',
      id: 'cust_1',
      accounts: [
        { type: 'SAVINGS', status: 'OPEN', openedOn: '2020-01-02', balance: { amount: '12.30', currency: 'GBP' }, transactions: { edges: [{ node: { bookedAt: '2026-10-01', amount: { amount: '-1.05', currency: 'GBP' } } }] } },
      ],
      cards: [{ status: 'ACTIVE', balance: { amount: '5.00', currency: 'GBP' }, creditLimit: { amount: '100.00', currency: 'GBP' }, transactions: null }],
      salesOrders: { edges: [{ node: { orderId: '1', createdAt: '2026-10-01T00:00:00.000Z', netValue: { amount: '9.99', currency: 'GBP' }, deliveryStatus: 'DELIVERED', billingStatus: 'BILLED' } }] },
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
    const cut = customerFacts({ salesOrders: { totalCount: 3, edges: [orderNode('1'), orderNode('2')] } });
    expect(cut.orders).toHaveLength(2);
    expect(cut.ordersComplete).toBe(false);
    expect(customerFacts({ salesOrders: { totalCount: 2, edges: [orderNode('1'), orderNode('2')] } }).ordersComplete).toBe(true);
    const cards = customerFacts({ cards: [{ status: 'ACTIVE', transactions: { edges: [], pageInfo: { hasNextPage: true } } }] }).cards!;
    expect(cards[0].transactionsComplete).toBe(false);
    // Nothing newest to read in an empty page that has more: the interactions are unknown.
    expect(customerFacts({ interactions: { edges: [], pageInfo: { hasNextPage: true } } }).interactions).toBeNull();
  });

  it('cuts a larger page the client asked for back to the required size', () => {
    const edges = Array.from({ length: REQUIRED_PAGE_SIZES.salesOrders + 5 }, (_, i) => orderNode(String(i)));
    const facts = customerFacts({ salesOrders: { totalCount: edges.length, edges } });
    expect(facts.orders).toHaveLength(REQUIRED_PAGE_SIZES.salesOrders);
    expect(facts.ordersComplete).toBe(true);
  });

  it('asks the graph for exactly the page sizes it assumes', () => {
    const sdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'insights.graphql'), 'utf8');
    const requires = [...sdl.matchAll(/@requires\(fields: "([^"]*)"\)/g)].map((m) => m[1]);
    expect(requires.length).toBe(4);
    // Every `first` argument in the field sets, by the path of the field that takes it.
    const firsts = new Map<string, Set<number>>();
    const walk = (selections: readonly SelectionNode[], at: string) => {
      for (const selection of selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const here = at ? `${at}.${selection.name.value}` : selection.name.value;
        const first = selection.arguments?.find((a) => a.name.value === 'first');
        if (first?.value.kind === Kind.INT) firsts.set(here, (firsts.get(here) ?? new Set()).add(Number(first.value.value)));
        if (selection.selectionSet) walk(selection.selectionSet.selections, here);
      }
    };
    for (const fields of requires) walk((parse(`{ ${fields} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections, '');
    expect(Object.fromEntries([...firsts].map(([k, v]) => [k, [...v]]))).toEqual({
      'accounts.transactions': [REQUIRED_PAGE_SIZES.accountTransactions],
      'cards.transactions': [REQUIRED_PAGE_SIZES.cardTransactions],
      salesOrders: [REQUIRED_PAGE_SIZES.salesOrders],
      interactions: [1],
    });
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
