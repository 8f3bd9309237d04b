import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSensitiveFieldIndex } from './sensitiveFieldIndex';
import { allowedClasses, FIELD_POLICY, mayCallMutation } from './fieldPolicy';

describe('buildSensitiveFieldIndex', () => {
  it('indexes the product supergraph: PII, FINANCIAL and AUDIT fields of every subgraph that applies them', () => {
    const index = buildSensitiveFieldIndex(readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8'));
    expect(index.get('Party.givenName')).toBe('PII');
    expect(index.get('GoldenProfile.fullName')).toBe('PII');
    expect(index.get('Customer.accounts')).toBe('FINANCIAL');
    expect(index.get('Customer.cards')).toBe('FINANCIAL');
    expect(index.get('Customer.salesOrders')).toBe('FINANCIAL');
    expect(index.get('Customer.coreBankingRecords')).toBe('AUDIT');
    expect(index.has('Customer.id')).toBe(false);
    expect(index.has('Party.localId')).toBe(false);
  });

  it('follows an import alias and refuses an unknown class', () => {
    const sdl = (cls: string) => `
      schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://unifiedview.example/sensitive/v1.0", import: [{ name: "@sensitive", as: "@classified" }]) { query: Query }
      type Query { a: String @classified(class: ${cls}) b: String @sensitive(class: PII) }`;
    expect([...buildSensitiveFieldIndex(sdl('AUDIT'))]).toEqual([['Query.a', 'AUDIT']]);
    expect(() => buildSensitiveFieldIndex(sdl('SECRET'))).toThrow(/unknown class "SECRET"/);
  });
});

describe('field policy', () => {
  it('grants the documented classes', () => {
    // Agents serve with the stage and the actions (INSIGHT) but read no amounts (FINANCIAL).
    expect([...allowedClasses(['call-center-agent'])].sort()).toEqual(['INSIGHT', 'PII']);
    expect([...allowedClasses(['auditor'])].sort()).toEqual(['AUDIT', 'AUDIT_TRAIL', 'FINANCIAL', 'INSIGHT', 'PII']);
    // The customer's own app gets no internal sales prompts.
    expect([...allowedClasses(['mobile-app'])].sort()).toEqual(['FINANCIAL', 'PII']);
    expect([...allowedClasses(['integration'])]).toEqual([]);
    // Stewards work from the source records (AUDIT) but do not read who looked at whom (AUDIT_TRAIL).
    expect([...allowedClasses(['data-steward'])].sort()).toEqual(['AUDIT', 'PII']);
    expect([...allowedClasses(['data-steward', 'teller'])].sort()).toEqual(['AUDIT', 'FINANCIAL', 'INSIGHT', 'PII']);
    expect([...allowedClasses(['toString', '__proto__'])]).toEqual([]);
  });

  it('lists the mutations and who may call them', () => {
    expect(mayCallMutation('scheduleCallback', ['relationship-manager'])).toBe(true);
    expect(mayCallMutation('scheduleCallback', ['auditor'])).toBe(false);
    // A customer books their own callback in the app (customer-bound: useCustomerScope keeps it to their own id).
    expect(mayCallMutation('scheduleCallback', ['mobile-app'])).toBe(true);
    expect(FIELD_POLICY.customerBoundRoles).toEqual(['mobile-app']);
    expect(mayCallMutation('unlinkSourceRecords', ['data-steward'])).toBe(true);
    expect(mayCallMutation('constructor', ['auditor'])).toBe(false);
    expect(Object.keys(FIELD_POLICY.mutations).sort()).toEqual(['linkSourceRecords', 'retrainMatchModel', 'scheduleCallback', 'unlinkSourceRecords']);
  });
});
