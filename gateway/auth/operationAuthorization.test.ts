import { buildSchema, parse, print, type FieldNode } from 'graphql';
import { authorizeOperation, withoutForbiddenFields } from './operationAuthorization';
import type { SensitiveFieldIndex } from './sensitiveFieldIndex';

const schema = buildSchema(`
  type Query { customer(id: ID!): Customer node: Node }
  type Mutation { scheduleCallback(id: ID!): Boolean linkSourceRecords(id: ID!): Boolean brandNew: Boolean }
  interface Node { id: ID! }
  type Customer implements Node { id: ID! name: String accounts: [Account!] records: [String!] }
  type Account implements Node { id: ID! balance: Int number: String }
`);
const index: SensitiveFieldIndex = new Map([
  ['Customer.name', 'PII'],
  ['Customer.accounts', 'FINANCIAL'],
  ['Account.balance', 'FINANCIAL'],
  ['Customer.records', 'AUDIT'],
]);

const decide = (query: string, roles: string[], operationName?: string) => {
  const document = parse(query);
  return { document, decision: authorizeOperation({ schema, document, operationName, index, roles }) };
};
const coordinates = (d: ReturnType<typeof decide>['decision']) => [...d.forbiddenCoordinates.keys()].sort();

describe('authorizeOperation', () => {
  it('refuses exactly the classes the roles lack', () => {
    const query = '{ customer(id: "1") { id name accounts { number balance } records } }';
    expect(coordinates(decide(query, ['auditor']).decision)).toEqual([]);
    expect(coordinates(decide(query, ['call-center-agent']).decision)).toEqual(['Customer.accounts', 'Customer.records']);
    expect(coordinates(decide(query, ['integration']).decision)).toEqual(['Customer.accounts', 'Customer.name', 'Customer.records']);
    expect(coordinates(decide(query, []).decision)).toEqual(['Customer.accounts', 'Customer.name', 'Customer.records']);
    expect(coordinates(decide(query, ['no-such-role']).decision)).toEqual(['Customer.accounts', 'Customer.name', 'Customer.records']);
  });

  it('sees through aliases, named fragments (once each), inline fragments and interfaces', () => {
    const query = `
      query A { c: customer(id: "1") { ...F ...F ... on Customer { n2: name } } n: node { id ... on Account { balance } } }
      fragment F on Customer { who: name }
      query B { customer(id: "2") { accounts { number } } }`;
    const { decision } = decide(query, ['integration'], 'A');
    expect(coordinates(decision)).toEqual(['Account.balance', 'Customer.name']);
    // Only operation A is judged; B's accounts are not selected by this request.
    expect(decision.forbiddenNodes.size).toBe(3);
  });

  it('judges an interface field by every possible type', () => {
    const sensitiveId: SensitiveFieldIndex = new Map([['Account.id', 'FINANCIAL']]);
    const document = parse('{ node { id } }');
    const decision = authorizeOperation({ schema, document, index: sensitiveId, roles: ['call-center-agent'] });
    expect(coordinates(decision)).toEqual(['Account.id']);
  });

  it('refuses mutations not granted to the roles, and mutations not in the policy at all', () => {
    expect(decide('mutation { scheduleCallback(id: "1") }', ['call-center-agent']).decision.deniedMutations).toEqual([]);
    expect(decide('mutation { scheduleCallback(id: "1") }', ['teller']).decision.deniedMutations).toEqual(['scheduleCallback']);
    expect(decide('mutation { linkSourceRecords(id: "1") }', ['data-steward']).decision.deniedMutations).toEqual([]);
    expect(decide('mutation { brandNew }', ['auditor', 'data-steward']).decision.deniedMutations).toEqual(['brandNew']);
  });

  it('ignores meta fields', () => {
    expect(coordinates(decide('{ __typename __schema { queryType { name } } }', []).decision)).toEqual([]);
  });
});

describe('withoutForbiddenFields', () => {
  it('replaces refused fields by __typename under their response key, keeping @include/@skip, without touching the original', () => {
    const { document, decision } = decide('query($x: Boolean!) { customer(id: "1") { id nm: name @include(if: $x) accounts { balance } } }', ['integration']);
    const before = print(document);
    const rewritten = withoutForbiddenFields(document, decision.forbiddenNodes);
    expect(print(rewritten)).toContain('nm: __typename @include(if: $x)');
    expect(print(rewritten)).toContain('accounts: __typename');
    expect(print(rewritten)).not.toContain('balance');
    expect(print(document)).toBe(before);
  });

  it('keeps every selection set non-empty', () => {
    const { document, decision } = decide('{ customer(id: "1") { accounts { balance } } }', ['call-center-agent']);
    const rewritten = withoutForbiddenFields(document, decision.forbiddenNodes);
    expect(print(rewritten).replace(/\s+/g, ' ')).toBe('{ customer(id: "1") { accounts: __typename } }');
    expect([...decision.forbiddenNodes].map((n: FieldNode) => n.name.value)).toEqual(['accounts']);
  });
});
