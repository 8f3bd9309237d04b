/**
 * The bank's access decisions written out by hand, as the security owner states them (docs/security.md):
 * which role reads which sensitivity class, who may call each mutation, and which roles act for
 * one customer only. Tests compare the policy (gateway/auth/fieldPolicy.ts) and the running
 * gateway to THIS table, never to the policy itself, so a wrong grant in the policy fails them.
 *
 * Changing who sees what is a change in two places on purpose: the policy, and this table.
 */
import type { SensitivityClass } from '../fieldPolicy';

type Grid = Record<string, Record<SensitivityClass, boolean>>;

/** Role × class: true = the role reads fields of that class. Every known role, every class. */
export const EXPECTED_ROLE_GRID: Readonly<Grid> = {
  //                       PII    FINANCIAL  AUDIT  AUDIT_TRAIL  INSIGHT
  teller:                 { PII: true,  FINANCIAL: true,  AUDIT: false, AUDIT_TRAIL: false, INSIGHT: true },
  'mobile-app':           { PII: true,  FINANCIAL: true,  AUDIT: false, AUDIT_TRAIL: false, INSIGHT: false },
  'call-center-agent':    { PII: true,  FINANCIAL: false, AUDIT: false, AUDIT_TRAIL: false, INSIGHT: true },
  'relationship-manager': { PII: true,  FINANCIAL: true,  AUDIT: false, AUDIT_TRAIL: false, INSIGHT: true },
  auditor:                { PII: true,  FINANCIAL: true,  AUDIT: true,  AUDIT_TRAIL: true,  INSIGHT: true },
  'data-steward':         { PII: true,  FINANCIAL: false, AUDIT: true,  AUDIT_TRAIL: false, INSIGHT: false },
  integration:            { PII: false, FINANCIAL: false, AUDIT: false, AUDIT_TRAIL: false, INSIGHT: false },
};

/** Mutation -> the roles that may call it (every other role is refused). */
export const EXPECTED_MUTATION_GRANTS: Readonly<Record<string, readonly string[]>> = {
  scheduleCallback: ['call-center-agent', 'mobile-app', 'relationship-manager'],
  linkSourceRecords: ['data-steward'],
  unlinkSourceRecords: ['data-steward'],
  retrainMatchModel: ['data-steward'],
};

/** Roles whose tokens act for one customer only. */
export const EXPECTED_CUSTOMER_BOUND_ROLES: readonly string[] = ['mobile-app'];

/** The classes `role` reads according to the table, in the table's column order. */
export function expectedClasses(role: string): SensitivityClass[] {
  const row = EXPECTED_ROLE_GRID[role];
  return row ? (Object.keys(row) as SensitivityClass[]).filter((cls) => row[cls]) : [];
}
