import { buildSchema, parse } from 'graphql';
import { fieldClassesTouched, STATIC_FIELD_CLASSES, type FieldClassIndex } from './fieldClasses';

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

describe('fieldClassesTouched for the booking mutation', () => {
  const withMutation = buildSchema(`
    type Query { customer(id: ID!): Customer }
    type Customer { id: ID! appointments: [Appointment!] }
    type Appointment { id: ID! start: String }
    type UserError { code: String! message: String! }
    type Payload { appointment: Appointment userErrors: [UserError!]! }
    input BookInput { customerId: ID! slotId: ID! idempotencyKey: String! }
    type Mutation { scheduleCallback(input: BookInput!): Payload! }
  `);
  // What the supergraph's @sensitive index holds: nothing on the mutation itself.
  const supergraphIndex: FieldClassIndex = new Map([['Customer.appointments', 'PII']]);
  const book = (name: string, selection: string) => `mutation ${name}($input: BookInput!) { scheduleCallback(input: $input) { ${selection} } }`;

  // [case, operation, index, classes expected] — the classes written by hand.
  const cases: Array<[string, string, FieldClassIndex, string[]]> = [
    ['a named booking reading only its errors', book('Book', 'userErrors { code }'), supergraphIndex, ['PII']],
    ['an unnamed booking', book('', 'appointment { id start }'), supergraphIndex, ['PII']],
    ['a booking under the static index', book('Book', 'userErrors { code }'), STATIC_FIELD_CLASSES, ['PII']],
    ['a booking with an empty index', book('', 'userErrors { message }'), new Map(), ['PII']],
    ['a booking through a fragment', 'mutation { ...B } fragment B on Mutation { scheduleCallback(input: { customerId: "c", slotId: "s", idempotencyKey: "k" }) { userErrors { code } } }', new Map(), ['PII']],
    ['a query of the same customer without sensitive fields', '{ customer(id: "c") { id } }', supergraphIndex, []],
  ];
  it.each(cases)('%s', (_case, operation, index, expected) => {
    expect(fieldClassesTouched(parse(operation), withMutation, index)).toEqual(expected);
  });
});
