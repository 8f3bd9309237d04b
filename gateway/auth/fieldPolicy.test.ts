import { allowedClasses, FIELD_POLICY, isCustomerBound, mayCallMutation, SENSITIVITY_CLASSES, type FieldPolicy, type SensitivityClass } from './fieldPolicy';
import { EXPECTED_CUSTOMER_BOUND_ROLES, EXPECTED_MUTATION_GRANTS, EXPECTED_ROLE_GRID, expectedClasses } from './testing/expectedAccessGrid';

const ROLES = Object.keys(EXPECTED_ROLE_GRID);
const MUTATIONS = Object.keys(EXPECTED_MUTATION_GRANTS);
const cells = ROLES.flatMap((role) => SENSITIVITY_CLASSES.map((cls) => [role, cls, EXPECTED_ROLE_GRID[role][cls]] as const));

describe('the field policy against the hand-written role × class grid', () => {
  it('knows exactly the roles and classes of the grid (a new role or class needs a row or column there)', () => {
    expect(Object.keys(FIELD_POLICY.roles).sort()).toEqual([...ROLES].sort());
    expect([...SENSITIVITY_CLASSES].sort()).toEqual(['AUDIT', 'AUDIT_TRAIL', 'FINANCIAL', 'INSIGHT', 'PII']);
  });

  it.each(cells)('%s reads %s: %s', (role, cls, granted) => {
    expect(allowedClasses([role]).has(cls)).toBe(granted);
  });

  it('gives a holder of several roles the union of their rows', () => {
    expect([...allowedClasses(['call-center-agent', 'data-steward'])].sort()).toEqual(['AUDIT', 'INSIGHT', 'PII']);
    expect([...allowedClasses(['mobile-app', 'integration'])].sort()).toEqual(['FINANCIAL', 'PII']);
    expect([...allowedClasses(['integration'])]).toEqual([]);
  });

  it('grants nothing to an unknown role, an inherited property name, or no role', () => {
    for (const roles of [['customer'], ['toString'], ['__proto__'], ['constructor'], ['Teller'], []]) expect([...allowedClasses(roles)]).toEqual([]);
    expect([...allowedClasses(['nobody', 'call-center-agent'])].sort()).toEqual(['INSIGHT', 'PII']);
  });

  it('reads its grants from the policy it is given, not only the default one', () => {
    const policy: FieldPolicy = { roles: { clerk: ['AUDIT'] }, mutations: { doIt: ['clerk'] }, customerBoundRoles: ['clerk'] };
    expect([...allowedClasses(['clerk'], policy)]).toEqual(['AUDIT']);
    expect([...allowedClasses(['teller'], policy)]).toEqual([]);
    expect(mayCallMutation('doIt', ['clerk'], policy)).toBe(true);
    expect(mayCallMutation('scheduleCallback', ['call-center-agent'], policy)).toBe(false);
    expect(isCustomerBound(['clerk'], policy)).toBe(true);
    expect(isCustomerBound(['mobile-app'], policy)).toBe(false);
  });

  it('matches the grid row by row (the whole table at once, for a readable diff)', () => {
    const rows = Object.fromEntries(ROLES.map((role) => [role, [...allowedClasses([role])].sort()]));
    expect(rows).toEqual(Object.fromEntries(ROLES.map((role) => [role, expectedClasses(role).sort()])));
  });
});

describe('mutation grants against the hand-written list', () => {
  it('lists exactly the mutations of the grid (an unlisted mutation is refused to everyone)', () => {
    expect(Object.keys(FIELD_POLICY.mutations).sort()).toEqual([...MUTATIONS].sort());
  });

  const calls = MUTATIONS.flatMap((mutation) => ROLES.map((role) => [mutation, role, EXPECTED_MUTATION_GRANTS[mutation].includes(role)] as const));
  it.each(calls)('%s by %s: %s', (mutation, role, granted) => {
    expect(mayCallMutation(mutation, [role])).toBe(granted);
  });

  it('lets a holder of several roles call what any of them may', () => {
    expect(mayCallMutation('linkSourceRecords', ['teller', 'data-steward'])).toBe(true);
    expect(mayCallMutation('linkSourceRecords', ['teller', 'auditor'])).toBe(false);
    expect(mayCallMutation('linkSourceRecords', [])).toBe(false);
  });

  it('refuses a mutation not in the policy, and inherited property names, to every role', () => {
    for (const name of ['deleteCustomer', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      for (const role of ROLES) expect({ name, role, may: mayCallMutation(name, [role]) }).toEqual({ name, role, may: false });
    }
  });
});

describe('customer-bound roles against the hand-written list', () => {
  it.each(ROLES.map((role) => [role, EXPECTED_CUSTOMER_BOUND_ROLES.includes(role)] as const))('%s acts for one customer only: %s', (role, bound) => {
    expect(isCustomerBound([role])).toBe(bound);
  });

  it('binds a principal holding a customer-bound role among others', () => {
    expect(isCustomerBound(['teller', 'mobile-app'])).toBe(true);
    expect(isCustomerBound([])).toBe(false);
    expect([...FIELD_POLICY.customerBoundRoles].sort()).toEqual([...EXPECTED_CUSTOMER_BOUND_ROLES].sort());
  });
});

// The grid's own shape: every role row has every class (a missing cell would read as "not granted").
it('the hand-written grid has a cell for every role and class', () => {
  for (const role of ROLES) expect(Object.keys(EXPECTED_ROLE_GRID[role]).sort()).toEqual([...SENSITIVITY_CLASSES].sort() as SensitivityClass[]);
});
