import { buildSchema, execute, parse, print, type DocumentNode } from 'graphql';
import { CUSTOMER_ID_ALIAS, takeCustomerIds, usesReservedAlias, withCustomerIdAlias } from './customerIdAlias';

// A schema shaped like the product's: single lookups, a connection, search, a payload listing
// customers, a type that embeds one (Discrepancy.customer), and an interface a customer implements.
const schema = buildSchema(`
  interface Named { name: String }
  type Query {
    customer(id: ID!): Customer
    customers(first: Int): CustomerConnection!
    node(id: ID!): Named
    report: [Discrepancy!]!
  }
  type Mutation { link: LinkPayload! }
  type LinkPayload { customers: [Customer!]! }
  type Customer implements Named { id: ID! name: String accounts: [Account!] }
  type Account implements Named { name: String balance: Int }
  type CustomerConnection { edges: [CustomerEdge!]! totalCount: Int! }
  type CustomerEdge { node: Customer! }
  type Discrepancy { customer: Customer! field: String }
`);

const people = [
  { id: 'cust_A', name: 'Ann', accounts: [{ name: 'acc', balance: 1 }] },
  { id: 'cust_B', name: 'Bob', accounts: [] },
];
const rootValue = {
  customer: ({ id }: { id: string }) => people.find((p) => p.id === id) ?? null,
  customers: () => ({ edges: people.map((node) => ({ node })), totalCount: people.length }),
  node: ({ id }: { id: string }) => ({ ...people.find((p) => p.id === id), __typename: 'Customer' }),
  report: () => [{ customer: people[1], field: 'EMAIL' }],
  link: () => ({ customers: people }),
};
const Named = { __resolveType: (value: { __typename?: string }) => value.__typename ?? 'Account' };
Object.assign(schema.getType('Named')!, { resolveType: Named.__resolveType });

/** Runs the rewritten document the way the gateway would, then takes the ids out as the gateway does. */
async function resolvedIds(query: string, variables: Record<string, unknown> = {}): Promise<{ ids: string[]; data: unknown; plain: unknown }> {
  const document: DocumentNode = parse(query);
  const rewritten = withCustomerIdAlias(document, schema);
  const result = await execute({ schema, document: rewritten, rootValue, variableValues: variables });
  expect(result.errors).toBeUndefined();
  const ids = takeCustomerIds(result.data);
  const plain = (await execute({ schema, document, rootValue, variableValues: variables })).data;
  return { ids, data: result.data, plain };
}

describe('withCustomerIdAlias + takeCustomerIds', () => {
  it.each([
    ['id selected', '{ customer(id: "cust_A") { id name } }', ['cust_A']],
    ['no id selected', '{ customer(id: "cust_A") { name accounts { balance } } }', ['cust_A']],
    ['id under another alias', '{ c: customer(id: "cust_A") { cid: id } }', ['cust_A']],
    ['a field aliased as id', '{ customer(id: "cust_A") { id: name } }', ['cust_A']],
    ['a list, no id', '{ customers(first: 2) { edges { node { name } } } }', ['cust_A', 'cust_B']],
    ['a named fragment', '{ customers { edges { node { ...F } } } } fragment F on Customer { name }', ['cust_A', 'cust_B']],
    ['an inline fragment', '{ customer(id: "cust_B") { ... on Customer { name } } }', ['cust_B']],
    ['an interface', '{ node(id: "cust_B") { name } }', ['cust_B']],
    ['a nested customer', '{ report { field customer { name } } }', ['cust_B']],
    ['a mutation payload', 'mutation { link { customers { name } } }', ['cust_A', 'cust_B']],
    ['a customer selected only for __typename', '{ customer(id: "cust_A") { __typename } }', ['cust_A']],
    ['two aliases of the same customer, once', '{ a: customer(id: "cust_A") { name } b: customer(id: "cust_A") { id } }', ['cust_A']],
  ])('records the customer for %s, and the client gets exactly what it asked for', async (_case, query, expected) => {
    const { ids, data, plain } = await resolvedIds(query);
    expect(ids).toEqual(expected);
    expect(data).toEqual(plain);
    expect(JSON.stringify(data)).not.toContain(CUSTOMER_ID_ALIAS);
  });

  it('records nobody when no customer was resolved', async () => {
    expect((await resolvedIds('{ customer(id: "cust_NONE") { name } customers { totalCount } }')).ids).toEqual([]);
  });

  it('leaves the original document alone and skips documents over a schema without the type', () => {
    const document = parse('{ customer(id: "cust_A") { name } }');
    const before = print(document);
    withCustomerIdAlias(document, schema);
    expect(print(document)).toBe(before);
    const other = buildSchema('type Query { a: String }');
    const plain = parse('{ a }');
    expect(withCustomerIdAlias(plain, other)).toBe(plain);
  });

  it('returns the ids in the order a reader of the answer meets them, each once, and strips every key', () => {
    const A = CUSTOMER_ID_ALIAS;
    const data = {
      first: [{ [A]: 'c1', name: 'x', nested: { [A]: 'c2', more: [{ [A]: 'c3' }] } }, { [A]: 'c4' }],
      second: { [A]: 'c1', leaf: 'y', list: [null, 3, { [A]: 'c5' }] },
      third: { [A]: 'c6' },
    };
    expect(takeCustomerIds(data)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(JSON.stringify(data)).toBe('{"first":[{"name":"x","nested":{"more":[{}]}},{}],"second":{"leaf":"y","list":[null,3,{}]},"third":{}}');
  });

  it('walks very deep results without overflowing the stack', () => {
    let deep: Record<string, unknown> = { [CUSTOMER_ID_ALIAS]: 'cust_DEEP' };
    for (let i = 0; i < 50_000; i += 1) deep = { child: deep };
    expect(takeCustomerIds(deep)).toEqual(['cust_DEEP']);
  });

  it.each([
    ['as an alias', `{ customer(id: "x") { ${CUSTOMER_ID_ALIAS}: name } }`, true],
    ['as a field name', `{ ${CUSTOMER_ID_ALIAS} }`, true],
    ['in a fragment', `{ ...F } fragment F on Query { customer(id: "x") { ${CUSTOMER_ID_ALIAS}: id } }`, true],
    ['not at all', '{ customer(id: "x") { id } }', false],
  ])('tells whether a client document uses the reserved key %s', (_case, query, expected) => {
    expect(usesReservedAlias(parse(query))).toBe(expected);
  });
});
