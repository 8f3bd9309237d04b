import { buildSchema, parse } from 'graphql';
import { fieldClassesTouched, STATIC_FIELD_CLASSES } from './fieldClasses';

const schema = buildSchema(`
  type Query { customer(id: ID!): Customer auditTrail(customerId: ID!): [String] }
  type Customer { id: ID! accounts: [Account!] profile: Profile sourceKeys: [String!]! }
  type Account { accountNumber: String balance: String }
  type Profile { email: String }
`);

describe('fieldClassesTouched', () => {
  it('classes the fields an operation selects, through fragments', () => {
    const document = parse(`
      query Q($id: ID!) { customer(id: $id) { id ...Money } }
      fragment Money on Customer { accounts { balance } }
    `);
    expect(fieldClassesTouched(document, schema, STATIC_FIELD_CLASSES)).toEqual(['FINANCIAL']);
  });

  it('orders classes PII, FINANCIAL, AUDIT and finds none for an unclassified selection', () => {
    const all = parse('{ auditTrail(customerId: "c") customer(id: "c") { profile { email } accounts { accountNumber } } }');
    expect(fieldClassesTouched(all, schema, STATIC_FIELD_CLASSES)).toEqual(['PII', 'FINANCIAL', 'AUDIT']);
    expect(fieldClassesTouched(parse('{ customer(id: "c") { id sourceKeys } }'), schema, STATIC_FIELD_CLASSES)).toEqual([]);
  });

  it('uses the index it is given', () => {
    const index = new Map([['Customer.sourceKeys', 'AUDIT' as const]]);
    expect(fieldClassesTouched(parse('{ customer(id: "c") { sourceKeys } }'), schema, index)).toEqual(['AUDIT']);
  });
});
