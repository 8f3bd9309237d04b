import { buildSchema, parse } from 'graphql';
import { nullForbiddenFields } from './forbiddenFieldNulling';
import { authorizeOperation, withoutForbiddenFields } from './operationAuthorization';

const schema = buildSchema(`
  type Query { customer: Customer list: [Customer!]! }
  type Customer { id: ID! name: String phones: [String!]! accounts: [Account!] }
  type Account { number: String! balance: Int! }
`);
const index = new Map([
  ['Customer.name', 'PII'],
  ['Customer.phones', 'PII'],
  ['Account.balance', 'FINANCIAL'],
] as const);

// What the gateway returns for the rewritten document: placeholders hold the parent's typename.
async function nulled(query: string, roles: string[], data: Record<string, unknown>) {
  const document = parse(query);
  const decision = authorizeOperation({ schema, document, index, roles });
  expect(withoutForbiddenFields(document, decision.forbiddenNodes)).toBeDefined();
  return nullForbiddenFields({ schema, document, data, ...decision });
}

describe('nullForbiddenFields', () => {
  it('nulls each refused field instance with a FORBIDDEN error at its path', async () => {
    const result = await nulled('{ list { id name } }', ['integration'], { list: [{ id: '1', name: 'Customer' }, { id: '2', name: 'Customer' }] });
    expect(result.data).toEqual({ list: [{ id: '1', name: null }, { id: '2', name: null }] });
    expect(result.errors.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([
      { path: ['list', 0, 'name'], code: 'FORBIDDEN', field: 'Customer.name', class: 'PII' },
      { path: ['list', 1, 'name'], code: 'FORBIDDEN', field: 'Customer.name', class: 'PII' },
    ]);
  });

  it('moves the null up to the nearest nullable parent for a non-null field', async () => {
    const result = await nulled('{ customer { id phones accounts { number balance } } }', ['integration'], {
      customer: { id: '1', phones: 'Customer', accounts: [{ number: 'A1', balance: 'Account' }] },
    });
    expect(result.data).toEqual({ customer: null });
    // phones nulled the customer first; Account.balance was never reached, and is still named.
    expect(result.errors.map((e) => ({ path: e.path, field: e.extensions?.field }))).toEqual([
      { path: ['customer', 'phones'], field: 'Customer.phones' },
      { path: undefined, field: 'Account.balance' },
    ]);
  });

  it('nulls a non-null list item parent up to the list field (non-null list nulls data)', async () => {
    const result = await nulled('{ list { phones } }', ['integration'], { list: [{ phones: 'Customer' }] });
    expect(result.data).toBeNull();
    expect(result.errors[0]).toMatchObject({ path: ['list', 0, 'phones'], extensions: { code: 'FORBIDDEN' } });
  });

  it('keeps allowed values untouched', async () => {
    const data = { customer: { id: '1', name: 'Ada', phones: ['+44'], accounts: [{ number: 'A1', balance: 'Account' }] } };
    const result = await nulled('{ customer { id name phones accounts { number balance } } }', ['call-center-agent'], data);
    expect(result.data).toEqual({ customer: { id: '1', name: 'Ada', phones: ['+44'], accounts: null } });
  });
});
