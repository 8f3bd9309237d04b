import type { SourceSystem } from '../adapters/canonical';

/** The fields of customer360 (schema/operations/customer360.graphql) that each legacy system serves. */
export const SYSTEM_PARTS: Partial<Record<SourceSystem, readonly string[]>> = {
  CORE_BANKING: ['coreBankingParty', 'accounts'],
  CARDS: ['cardholder', 'cards'],
  ERP: ['erpPartner', 'salesOrders'],
  CALL_CENTER: ['callCenterContact', 'interactions', 'openCases', 'advisor', 'appointments'],
  MORTGAGES: ['mortgageBorrower', 'mortgages'],
};

/**
 * How an answer compares with the reference answered with every system healthy:
 * `equal`; `lost` when something is null (or missing) where the reference has a value and
 * everything present agrees (a failed system's part, degraded as designed); `wrong` when a value
 * is present and differs (the one outcome that must never happen).
 */
export type Comparison = 'equal' | 'lost' | 'wrong';

export function compareToReference(actual: unknown, expected: unknown): Comparison {
  if (actual === undefined || actual === null) return expected === undefined || expected === null ? 'equal' : 'lost';
  if (expected === undefined || expected === null) return 'wrong';
  if (typeof actual !== 'object' || typeof expected !== 'object') return actual === expected ? 'equal' : 'wrong';
  if (Array.isArray(actual) !== Array.isArray(expected)) return 'wrong';
  if (Array.isArray(actual) && actual.length !== (expected as unknown[]).length) return 'wrong';
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  let outcome: Comparison = 'equal';
  for (const key of keys) {
    const part = compareToReference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]);
    if (part === 'wrong') return 'wrong';
    if (part === 'lost') outcome = 'lost';
  }
  return outcome;
}

/** One system's part of a customer360 answer compared with the reference. */
export function comparePart(system: SourceSystem, actual: Record<string, unknown> | null | undefined, expected: Record<string, unknown>): Comparison {
  const pick = (customer: Record<string, unknown> | null | undefined) => Object.fromEntries((SYSTEM_PARTS[system] ?? []).map((field) => [field, customer?.[field] ?? null]));
  return compareToReference(pick(actual), pick(expected));
}
