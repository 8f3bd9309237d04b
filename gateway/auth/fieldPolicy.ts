/**
 * THE access policy of the graph: which sensitivity classes each role may read, which roles
 * may call each mutation, and which roles act for one customer only. This file is the one
 * place to change who sees what (docs/security.md explains it).
 *
 * Fields carry their class in the schema (`@sensitive(class: PII | FINANCIAL | AUDIT |
 * AUDIT_TRAIL | INSIGHT)`, see schema/*.graphql); fields without it are readable by every authenticated
 * caller. A caller holding several roles gets the union. A role not listed here grants nothing.
 *
 * Out of scope: row-level rules (which customers a teller's branch may see) and channel-based
 * rules (`channel` is recorded, not enforced).
 */

/**
 * - PII: personal data of a customer (names, birth date, national id, contacts, addresses).
 * - FINANCIAL: a customer's money (balances, transactions, cards, orders, income, relationship
 *   value, and the reasons of derived insights, which state amounts).
 * - AUDIT: the source-record view (every system's records as held, steward decisions, the
 *   discrepancy report) data stewards need to fix identity.
 * - AUDIT_TRAIL: who looked at which customer (the audit trail itself), for auditors only.
 * - INSIGHT: what is derived from a customer's money without stating amounts (lifecycle stage,
 *   next best actions): call-center agents serve with it though they may not read balances.
 */
export const SENSITIVITY_CLASSES = ['PII', 'FINANCIAL', 'AUDIT', 'AUDIT_TRAIL', 'INSIGHT'] as const;
export type SensitivityClass = (typeof SENSITIVITY_CLASSES)[number];

export interface FieldPolicy {
  /** role -> classes of @sensitive fields it may read. */
  readonly roles: Readonly<Record<string, readonly SensitivityClass[]>>;
  /**
   * Mutation field -> roles that may call it. A mutation not listed is refused for everyone
   * (fail closed: a new mutation needs a decision here before anyone can call it).
   */
  readonly mutations: Readonly<Record<string, readonly string[]>>;
  /**
   * Roles that act for one customer only (self-service channels). Their tokens must carry the
   * customer's id (`customer_id` claim, gateway/auth/principal.ts); the gateway refuses them
   * every other customer (gateway/auth/customerScope.ts).
   */
  readonly customerBoundRoles: readonly string[];
}

export const FIELD_POLICY: FieldPolicy = {
  roles: {
    teller: ['PII', 'FINANCIAL', 'INSIGHT'],
    // The customer's own data only: mobile-app is a customer-bound role (below). The bank's
    // sales prompts (INSIGHT) are for staff, not for the customer's own app.
    'mobile-app': ['PII', 'FINANCIAL'],
    'call-center-agent': ['PII', 'INSIGHT'],
    'relationship-manager': ['PII', 'FINANCIAL', 'INSIGHT'],
    auditor: ['PII', 'FINANCIAL', 'AUDIT', 'AUDIT_TRAIL', 'INSIGHT'],
    // Stewards fix identity from the source records; who looked at a customer is not theirs to read.
    'data-steward': ['PII', 'AUDIT'],
    // System-to-system callers get ids, keys, statuses: nothing sensitive unless granted here.
    integration: [],
  },
  mutations: {
    // mobile-app: a customer books a callback for themself (customer-bound: their own id only).
    scheduleCallback: ['call-center-agent', 'relationship-manager', 'mobile-app'],
    linkSourceRecords: ['data-steward'],
    unlinkSourceRecords: ['data-steward'],
    // Retraining re-scores everyone and may merge or split customers: the stewards own the model's
    // outcome (they work its review queue), so they decide when it is retrained.
    retrainMatchModel: ['data-steward'],
  },
  customerBoundRoles: ['mobile-app'],
};

/** Whether a principal holding `roles` acts for one customer only. */
export function isCustomerBound(roles: readonly string[], policy: FieldPolicy = FIELD_POLICY): boolean {
  return roles.some((role) => policy.customerBoundRoles.includes(role));
}

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
