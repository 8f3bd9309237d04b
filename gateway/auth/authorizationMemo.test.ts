import { buildSchema, parse } from 'graphql';
import { createAuthorizationMemo } from './authorizationMemo';
import { authorizeOperation, type AuthorizeOperationInput } from './operationAuthorization';
import type { SensitiveFieldIndex } from './sensitiveFieldIndex';

const schema = buildSchema(`
  type Query { customer(id: ID!): Customer }
  type Customer { id: ID! name: String accounts: [Account!] }
  type Account { id: ID! balance: Int }
`);
const index: SensitiveFieldIndex = new Map([
  ['Customer.name', 'PII'],
  ['Customer.accounts', 'FINANCIAL'],
]);
const document = parse(`
  query Names { customer(id: "1") { id name } }
  query Money { customer(id: "1") { id accounts { id balance } } }
`);

/** A memo over the real authorizeOperation that counts how often it really decided. */
function countingMemo() {
  let decided = 0;
  const memo = createAuthorizationMemo((input: AuthorizeOperationInput) => {
    decided += 1;
    return authorizeOperation(input);
  });
  return { memo, decided: () => decided };
}
const refused = (decision: ReturnType<typeof authorizeOperation>) => [...decision.forbiddenCoordinates.keys()].sort();

describe('createAuthorizationMemo', () => {
  it('decides a document once for the same operation and roles, whatever their order', () => {
    const { memo, decided } = countingMemo();
    const first = memo({ schema, document, operationName: 'Names', index, roles: ['teller', 'integration'] });
    const again = memo({ schema, document, operationName: 'Names', index, roles: ['integration', 'teller'] });
    expect(again).toBe(first);
    expect(decided()).toBe(1);
  });

  // Each row asks again with one input changed: each must be decided anew, with its own answer.
  it.each([
    ['other roles', { roles: ['integration'] }, ['Customer.name']],
    ['no roles', { roles: [] }, ['Customer.name']],
    ['another operation of the document', { operationName: 'Money' }, []],
    ['another document with the same text', { document: parse('query Names { customer(id: "1") { id name } } query Money { customer(id: "1") { id accounts { id balance } } }') }, []],
    ['a new field index (new supergraph)', { index: new Map(index).set('Customer.name', 'AUDIT') as SensitiveFieldIndex }, ['Customer.name']],
    ['a new schema', { schema: buildSchema('type Query { customer(id: ID!): Customer } type Customer { id: ID! name: String accounts: [Account!] } type Account { id: ID! balance: Int }') }, []],
  ])('decides again for %s', (_, change, expectedRefused) => {
    const { memo, decided } = countingMemo();
    const base: AuthorizeOperationInput = { schema, document, operationName: 'Names', index, roles: ['teller'] };
    expect(refused(memo(base))).toEqual([]);
    const decision = memo({ ...base, ...change });
    expect(decided()).toBe(2);
    expect(refused(decision)).toEqual(expectedRefused);
    // ...and the first answer is still the first one's.
    expect(refused(memo(base))).toEqual([]);
  });

  it('a role the policy grants nothing never gets the decision made for a role it grants', () => {
    const memo = createAuthorizationMemo();
    expect(refused(memo({ schema, document, operationName: 'Money', index, roles: ['auditor'] }))).toEqual([]);
    expect(refused(memo({ schema, document, operationName: 'Money', index, roles: ['auditor '] }))).toEqual(['Customer.accounts']);
    expect(refused(memo({ schema, document, operationName: 'Money', index, roles: ['auditor', 'x'] }))).toEqual([]);
    expect(refused(memo({ schema, document, operationName: 'Money', index, roles: ['auditorx'] }))).toEqual(['Customer.accounts']);
    // Role names that would run together in a joined key.
    expect(refused(memo({ schema, document, operationName: 'Money', index, roles: ['auditor\u0000x'] }))).toEqual(['Customer.accounts']);
    expect(refused(memo({ schema, document, operationName: 'Money', index, roles: ['auditor","x'] }))).toEqual(['Customer.accounts']);
  });

  it('remembers a bounded number of role sets per document, and still decides right past it', () => {
    const { memo, decided } = countingMemo();
    for (let i = 0; i < 100; i += 1) memo({ schema, document, operationName: 'Names', index, roles: [`role-${i}`] });
    expect(decided()).toBe(100);
    expect(refused(memo({ schema, document, operationName: 'Names', index, roles: ['teller'] }))).toEqual([]);
    expect(refused(memo({ schema, document, operationName: 'Names', index, roles: ['role-1'] }))).toEqual(['Customer.name']);
  });
});
