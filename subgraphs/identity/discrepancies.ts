import type { SourceParty, SourceSystem } from '../../adapters/canonical';
import { candidatesOf, shownValue } from '../profile/domain/goldenProfile';
import type { GoldenFieldName } from '../profile/domain/survivorshipPolicy';

/** The profile fields an auditor can compare across systems, in the graph's enum spelling. */
export const PROFILE_FIELDS: Record<GoldenFieldName, string> = {
  fullName: 'FULL_NAME',
  birthDate: 'BIRTH_DATE',
  nationalId: 'NATIONAL_ID',
  email: 'EMAIL',
  mobilePhone: 'MOBILE_PHONE',
  address: 'ADDRESS',
};

const SYSTEM_ORDER: SourceSystem[] = ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'];

/** Two records of one customer that disagree on one field (after normalisation). */
export interface Discrepancy {
  customerId: string;
  field: string;
  systemA: SourceSystem;
  localIdA: string;
  valueA: string;
  systemB: SourceSystem;
  localIdB: string;
  valueB: string;
}

/**
 * Every disagreeing pair of records of one customer, field by field. A pair is reported once,
 * with its systems in a fixed order (core banking, cards, ERP, call center), so counts per
 * system pair are stable. Records that agree after normalisation are not discrepancies: case,
 * accents and phone formats are not what an auditor is looking for.
 */
export function discrepanciesOf(customerId: string, parties: readonly SourceParty[]): Discrepancy[] {
  const found: Discrepancy[] = [];
  const all = candidatesOf(parties);
  for (const [name, field] of Object.entries(PROFILE_FIELDS) as Array<[GoldenFieldName, string]>) {
    const candidates = [...all[name]].sort(
      (a, b) => SYSTEM_ORDER.indexOf(a.system) - SYSTEM_ORDER.indexOf(b.system) || a.localId.localeCompare(b.localId) || a.normalizedValue.localeCompare(b.normalizedValue),
    );
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i];
        const b = candidates[j];
        // Several values on one record (two emails) are not a disagreement between systems.
        if (a.system === b.system && a.localId === b.localId) continue;
        if (a.normalizedValue === b.normalizedValue) continue;
        found.push({ customerId, field, systemA: a.system, localIdA: a.localId, valueA: shownValue(a.value), systemB: b.system, localIdB: b.localId, valueB: shownValue(b.value) });
      }
    }
  }
  return found;
}

export interface DiscrepancyFilter {
  field?: string | null;
  /** One or two systems: a discrepancy matches when its pair is exactly these (or includes the one). */
  systems?: readonly SourceSystem[] | null;
}

export function matchesFilter(d: Discrepancy, filter: DiscrepancyFilter): boolean {
  if (filter.field && d.field !== filter.field) return false;
  const systems = filter.systems ?? [];
  if (systems.length === 1) return d.systemA === systems[0] || d.systemB === systems[0];
  if (systems.length === 2) {
    const [x, y] = systems;
    return (d.systemA === x && d.systemB === y) || (d.systemA === y && d.systemB === x);
  }
  return true;
}

export interface DiscrepancyCount {
  field: string;
  systemA: SourceSystem;
  systemB: SourceSystem;
  count: number;
}

/** Counts per field and system pair, in a stable order. */
export function countDiscrepancies(discrepancies: Iterable<Discrepancy>): DiscrepancyCount[] {
  const counts = new Map<string, DiscrepancyCount>();
  for (const d of discrepancies) {
    const key = `${d.field}|${d.systemA}|${d.systemB}`;
    const entry = counts.get(key) ?? { field: d.field, systemA: d.systemA, systemB: d.systemB, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.field.localeCompare(b.field) || a.systemA.localeCompare(b.systemA) || a.systemB.localeCompare(b.systemB));
}
