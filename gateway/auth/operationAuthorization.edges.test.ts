/**
 * The edges of authorizeOperation the mutation run (TESTING.md) found untested: the policy a
 * caller passes, the audit coordinates of refused mutations, meta fields on the mutation root,
 * documents that did not pass validation (the function must not crash or loop on them: it runs
 * on every request), and the directives kept on a refused field's placeholder.
 */
import { buildSchema, Kind, parse, print, type DocumentNode, type FieldNode } from 'graphql';
import type { FieldPolicy } from './fieldPolicy';
import { authorizeOperation, withoutForbiddenFields } from './operationAuthorization';
import type { SensitiveFieldIndex } from './sensitiveFieldIndex';

const schema = buildSchema(`
  type Query { customer(id: ID!): Customer search: [Hit!] }
  type Mutation { scheduleCallback(id: ID!): Boolean }
  union Hit = Customer | Account
  type Customer { id: ID! name: String accounts: [Account!] }
  type Account { id: ID! balance: Int }
`);
const queryOnly = buildSchema('type Query { customer(id: ID!): Customer } type Customer { id: ID! name: String }');
const index: SensitiveFieldIndex = new Map([
  ['Customer.name', 'PII'],
  ['Customer.accounts', 'FINANCIAL'],
  ['Account.balance', 'FINANCIAL'],
]);

const decide = (query: string | DocumentNode, roles: string[], extra: { policy?: FieldPolicy; index?: SensitiveFieldIndex; schema?: typeof schema } = {}) =>
  authorizeOperation({ schema: extra.schema ?? schema, document: typeof query === 'string' ? parse(query) : query, index: extra.index ?? index, roles, policy: extra.policy });
const refused = (decision: ReturnType<typeof decide>) => Object.fromEntries(decision.forbiddenCoordinates);

describe('authorizeOperation: the policy it is given', () => {
  it('judges by the policy passed in, not the default one', () => {
    const clerkReadsMoney: FieldPolicy = { roles: { clerk: ['FINANCIAL'] }, mutations: { scheduleCallback: ['clerk'] }, customerBoundRoles: [] };
    expect(refused(decide('{ customer(id: "1") { name accounts { balance } } }', ['clerk'], { policy: clerkReadsMoney }))).toEqual({ 'Customer.name': 'PII' });
    // Under the default policy a teller reads both; under this one a teller is unknown and reads neither.
    expect(refused(decide('{ customer(id: "1") { name accounts { id } } }', ['teller'], { policy: clerkReadsMoney }))).toEqual({ 'Customer.name': 'PII', 'Customer.accounts': 'FINANCIAL' });
    expect(decide('mutation { scheduleCallback(id: "1") }', ['clerk'], { policy: clerkReadsMoney }).deniedMutations).toEqual([]);
    expect(decide('mutation { scheduleCallback(id: "1") }', ['call-center-agent'], { policy: clerkReadsMoney }).deniedMutations).toEqual(['scheduleCallback']);
  });
});

describe('authorizeOperation: mutations', () => {
  it('records a refused mutation under its coordinate, with the reason MUTATION', () => {
    expect(refused(decide('mutation { scheduleCallback(id: "1") }', ['teller']))).toEqual({ 'Mutation.scheduleCallback': 'MUTATION' });
  });

  it('lets __typename on the mutation root through (it is not a mutation)', () => {
    const decision = decide('mutation { __typename scheduleCallback(id: "1") }', ['call-center-agent']);
    expect({ denied: decision.deniedMutations, refused: refused(decision) }).toEqual({ denied: [], refused: {} });
    expect(decide('mutation { kind: __typename }', ['teller']).deniedMutations).toEqual([]);
  });

  it('refuses to judge a mutation against a schema that has none (a clear error, not a pass)', () => {
    expect(() => decide('mutation { scheduleCallback(id: "1") }', ['call-center-agent'], { schema: queryOnly })).toThrow('The schema has no mutation type');
  });
});

describe('authorizeOperation on documents that did not pass validation', () => {
  it('does not loop on a fragment that spreads itself', () => {
    const decision = decide('{ customer(id: "1") { ...F } } fragment F on Customer { name ...F }', ['integration']);
    expect(refused(decision)).toEqual({ 'Customer.name': 'PII' });
    expect(decision.forbiddenNodes.size).toBe(1);
  });

  it('skips a spread of a fragment the document does not define', () => {
    expect(refused(decide('{ customer(id: "1") { ...Missing name } }', ['integration']))).toEqual({ 'Customer.name': 'PII' });
  });

  it('skips fragments on types the schema does not have, inline or named', () => {
    expect(refused(decide('{ customer(id: "1") { ... on Nope { name } } }', ['integration']))).toEqual({});
    expect(refused(decide('{ customer(id: "1") { ...N } } fragment N on Nope { name }', ['integration']))).toEqual({});
  });

  it('does not walk into types that have no fields of their own (scalars, unions) or fields the schema lacks', () => {
    // An index entry on a scalar's "field": reachable only if the walk went into String.
    const scalarIndex: SensitiveFieldIndex = new Map([...index, ['String.secret', 'AUDIT']]);
    expect(refused(decide('{ customer(id: "1") { name { secret } } }', ['teller'], { index: scalarIndex }))).toEqual({});
    expect(refused(decide('{ customer(id: "1") { ... on String { secret } } }', ['teller'], { index: scalarIndex }))).toEqual({});
    expect(refused(decide('{ customer(id: "1") { ...S } } fragment S on String { secret }', ['teller'], { index: scalarIndex }))).toEqual({});
    expect(refused(decide('{ search { id { x } } }', ['teller']))).toEqual({});
    expect(refused(decide('{ customer(id: "1") { nothing { name } } }', ['integration']))).toEqual({});
  });
});

describe('withoutForbiddenFields: the placeholder keeps @skip and @include only', () => {
  it('drops any other directive of the refused field', () => {
    const document = parse('query($x: Boolean!, $y: Boolean!) { customer(id: "1") { id name @include(if: $x) @skip(if: $y) @other @skipped } }');
    const decision = decide(document, ['integration']);
    expect(print(withoutForbiddenFields(document, decision.forbiddenNodes))).toContain('name: __typename @include(if: $x) @skip(if: $y)\n');
  });

  it('copes with a field node built without a directives list', () => {
    const field: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'name' } };
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: 'query' as never, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }],
    };
    expect(print(withoutForbiddenFields(document, new Set([field]))).replace(/\s+/g, ' ').trim()).toBe('{ name: __typename }');
  });
});
