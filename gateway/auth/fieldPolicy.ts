/**
 * THE access policy of the graph: which sensitivity classes each role may read, and which
 * roles may call each mutation. This file is the one place to change who sees what.
 *
 * Fields carry their class in the schema (`@sensitive(class: PII | FINANCIAL | AUDIT)`, see
 * schema/*.graphql); fields without it are readable by every authenticated caller. A caller
 * holding several roles gets the union. A role not listed here grants nothing.
 *
 * Out of scope (enforced elsewhere or not yet): "own data only" for mobile-app tokens (the
 * gateway does not know which customer a token's subject is), row-level rules (which
 * customers a teller's branch may see), and channel-based rules (`channel` is recorded, not
 * enforced).
 */

export const SENSITIVITY_CLASSES = ['PII', 'FINANCIAL', 'AUDIT'] as const;
export type SensitivityClass = (typeof SENSITIVITY_CLASSES)[number];

export interface FieldPolicy {
  /** role -> classes of @sensitive fields it may read. */
  readonly roles: Readonly<Record<string, readonly SensitivityClass[]>>;
  /**
   * Mutation field -> roles that may call it. A mutation not listed is refused for everyone
   * (fail closed: a new mutation needs a decision here before anyone can call it).
   */
  readonly mutations: Readonly<Record<string, readonly string[]>>;
}

export const FIELD_POLICY: FieldPolicy = {
  roles: {
    teller: ['PII', 'FINANCIAL'],
    // The mobile app reads a customer's own data; restricting it to the token's own customer is out of scope (see above).
    'mobile-app': ['PII', 'FINANCIAL'],
    'call-center-agent': ['PII'],
    'relationship-manager': ['PII', 'FINANCIAL'],
    auditor: ['PII', 'FINANCIAL', 'AUDIT'],
    'data-steward': ['PII', 'AUDIT'],
    // System-to-system callers get ids, keys, statuses: nothing sensitive unless granted here.
    integration: [],
  },
  mutations: {
    scheduleCallback: ['call-center-agent', 'relationship-manager'],
    linkSourceRecords: ['data-steward'],
    unlinkSourceRecords: ['data-steward'],
  },
};

/** The classes a set of roles may read (union over roles; unknown roles grant nothing). */
export function allowedClasses(roles: readonly string[], policy: FieldPolicy = FIELD_POLICY): Set<SensitivityClass> {
  const allowed = new Set<SensitivityClass>();
  for (const role of roles) {
    if (!Object.prototype.hasOwnProperty.call(policy.roles, role)) continue;
    for (const cls of policy.roles[role]) allowed.add(cls);
  }
  return allowed;
}

/** Whether any of `roles` may call the mutation field `name`. */
export function mayCallMutation(name: string, roles: readonly string[], policy: FieldPolicy = FIELD_POLICY): boolean {
  if (!Object.prototype.hasOwnProperty.call(policy.mutations, name)) return false;
  return roles.some((role) => policy.mutations[name].includes(role));
}
