import { buildSchema, parse } from 'graphql';
import { customerListFields } from './customerScope';

// The product's entry points to customers, in miniature.
const schema = buildSchema(`
  interface Named { name: String }
  type Query {
    customer(id: ID!): Customer
    customerBySourceKey(system: String!, localId: String!): Customer
    customers(first: Int): CustomerConnection!
    searchCustomers(text: String!): CustomerConnection!
    report: [Discrepancy!]!
    named: [Named!]!
    systems: [String!]!
  }
  type Mutation { link: LinkPayload! book(customerId: ID!): Appointment! }
  type LinkPayload { customers: [Customer!]! }
  type Appointment { id: ID! }
  type Customer implements Named { id: ID! name: String accounts: [Account!] }
  type Account { balance: Int }
  type CustomerConnection { edges: [CustomerEdge!]! totalCount: Int! }
  type CustomerEdge { node: Customer! }
  type Discrepancy { customer: Customer! field: String }
`);

const lists = (query: string, operationName?: string) => customerListFields(schema, parse(query), operationName);

describe('customerListFields', () => {
  it.each([
    ['a customer list', '{ customers(first: 20) { edges { node { name } } } }', ['Query.customers']],
    ['a list without id, aliased', '{ all: customers { edges { n: node { __typename } } } }', ['Query.customers']],
    ['search', '{ searchCustomers(text: "ann") { edges { node { id } } } }', ['Query.searchCustomers']],
    ['customers in a report row', '{ report { customer { id } } }', ['Query.report']],
    ['customers through an interface list', '{ named { name } }', ['Query.named']],
    ['a mutation payload', 'mutation { link { customers { id } } }', ['Mutation.link']],
    ['a list reached through a fragment', '{ ...F } fragment F on Query { customers { edges { node { id } } } }', ['Query.customers']],
    ['a list reached through an inline fragment', '{ ... on Query { searchCustomers(text: "x") { edges { node { id } } } } }', ['Query.searchCustomers']],
  ])('names %s', (_case, query, expected) => {
    expect(lists(query)).toEqual(expected);
  });

  it.each([
    ['one customer by id', '{ customer(id: "cust_A") { name accounts { balance } } }'],
    ['a reverse lookup (checked on what it resolves)', '{ customerBySourceKey(system: "CARDS", localId: "CH1") { name } }'],
    ['a count, no customer selected', '{ customers { totalCount } }'],
    ['a list of something else', '{ systems }'],
    ['a mutation naming the customer', 'mutation { book(customerId: "cust_A") { id } }'],
    ['a fragment used under a single customer', '{ customer(id: "cust_A") { ...C } } fragment C on Customer { accounts { balance } }'],
  ])('does not name %s', (_case, query) => {
    expect(lists(query)).toEqual([]);
  });
});
