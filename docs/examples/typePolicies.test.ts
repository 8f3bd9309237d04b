import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { unifiedViewTypePolicies, VALUE_TYPES } from './typePolicies';

const clientSchema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'client.graphql'), 'utf8'));
const objectTypes = Object.values(clientSchema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__') && t.name !== 'Query' && t.name !== 'Mutation');

describe('the Apollo Client type policies of the front-end guide', () => {
  it('merges exactly the object types of the client schema that have no id', () => {
    // Read from the published schema, not from the list under test: a type gaining or losing an
    // `id` in an SDL fails here until the guide's list follows.
    const withoutId = objectTypes.filter((t) => isObjectType(t) && !('id' in t.getFields())).map((t) => t.name).sort();
    expect([...VALUE_TYPES].sort()).toEqual(withoutId);
    for (const type of VALUE_TYPES) expect(unifiedViewTypePolicies[type]).toEqual({ merge: true });
  });

  it('leaves every entity to the default `__typename:id` key, with a non-null ID', () => {
    const entities = objectTypes.filter((t) => isObjectType(t) && 'id' in t.getFields());
    expect(entities.map((t) => t.name).sort()).toEqual(
      ['Account', 'Advisor', 'AdvisorSlot', 'Appointment', 'AuditEvent', 'Card', 'CardTransaction', 'Case', 'Customer', 'IdentityEvent', 'Interaction', 'MortgageLoan', 'Party', 'SalesOrder', 'StewardDecision', 'Transaction'],
    );
    for (const type of entities) {
      if (!isObjectType(type)) continue;
      expect(String(type.getFields().id.type)).toBe('ID!');
      expect(unifiedViewTypePolicies[type.name]).toBeUndefined();
    }
  });
});
