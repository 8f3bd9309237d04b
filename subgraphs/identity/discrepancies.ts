import type { SourceParty, SourceSystem } from '../../adapters/canonical';
import { registryRank } from '../../systems/registry';
import { comparedValuesOf, computeGoldenProfile, shownValue, type ComparedValue, type ServedRule } from '../profile/domain/goldenProfile';
import { formatAddress } from '../profile/domain/fieldNormalisation';
import type { GoldenFieldName } from '../profile/domain/survivorshipPolicy';

/** The profile fields an auditor can compare across systems, in the graph's enum spelling. */
export const PROFILE_FIELDS = {
  fullName: 'FULL_NAME',
  birthDate: 'BIRTH_DATE',
  nationalId: 'NATIONAL_ID',
  email: 'EMAIL',
  mobilePhone: 'MOBILE_PHONE',
  address: 'ADDRESS',
} as const satisfies Record<GoldenFieldName, string>;

/** A field of the discrepancy report (the graph's `ProfileField`). */
export type ProfileFieldName = (typeof PROFILE_FIELDS)[GoldenFieldName];

/** Two records of one customer that disagree on one field (after normalisation). */
export interface Discrepancy {
  customerId: string;
  field: ProfileFieldName;
  systemA: SourceSystem;
  localIdA: string;
  valueA: string;
  systemB: SourceSystem;
  localIdB: string;
  valueB: string;
}

/**
 * Every disagreeing pair of records of one customer, field by field. A pair is reported once,
 * with its systems in a fixed order (the registry's: core banking, cards, ...), so counts per
 * system pair are stable. Records that agree after normalisation are not discrepancies: case,
 * accents and phone formats are not what an auditor is looking for.
 */
export function discrepanciesOf(customerId: string, parties: readonly SourceParty[]): Discrepancy[] {
  const found: Discrepancy[] = [];
  const all = comparedValuesByField(parties);
  for (const [name, field] of Object.entries(PROFILE_FIELDS) as Array<[GoldenFieldName, ProfileFieldName]>) {
    const candidates = all[name].sort(
      (a, b) => registryRank(a.system) - registryRank(b.system) || a.localId.localeCompare(b.localId) || a.normalizedValue.localeCompare(b.normalizedValue),
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

/** A record's value for one field, as the report compares it. */
interface HeldValue {
  system: SourceSystem;
  localId: string;
  value: ComparedValue['value'];
  normalizedValue: string;
}

function comparedValuesByField(parties: readonly SourceParty[]): Record<GoldenFieldName, HeldValue[]> {
  const all: Record<GoldenFieldName, HeldValue[]> = { fullName: [], birthDate: [], nationalId: [], email: [], mobilePhone: [], address: [] };
  for (const party of parties) {
    for (const { field, value, normalizedValue } of comparedValuesOf(party)) all[field].push({ system: party.system, localId: party.localId, value, normalizedValue });
  }
  return all;
}

export interface DiscrepancyFilter {
  field?: ProfileFieldName | null;
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
  field: ProfileFieldName;
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

/**
 * What an auditor needs beside the two raw values to act on a discrepancy: who the customer is
 * (their name in display form), each side's normalised value (what was compared) and when each
 * side's record last changed (null when its system does not say), and the value the graph serves
 * for the field with the rule that chose it. Computed from the customer's records as identity
 * holds them (the same records the discrepancy was found in), with the profile's survivorship.
 */
export interface DiscrepancyDetails {
  customerName: string | null;
  normalizedValueA: string | null;
  changedAtA: string | null;
  normalizedValueB: string | null;
  changedAtB: string | null;
  servedValue: string | null;
  servedRule: ServedRule;
}

const FIELD_OF_ENUM = new Map(Object.entries(PROFILE_FIELDS).map(([name, value]) => [value, name as GoldenFieldName]));

/** The details of one discrepancy among its customer's records. Pure. */
export function discrepancyDetails(d: Discrepancy, parties: readonly SourceParty[]): DiscrepancyDetails {
  const name = FIELD_OF_ENUM.get(d.field);
  const profile = computeGoldenProfile(parties);
  const none = { customerName: profile.fullName.value, normalizedValueA: null, changedAtA: null, normalizedValueB: null, changedAtB: null, servedValue: null, servedRule: null };
  if (!name) return none;
  const golden = profile[name];
  const side = (system: SourceSystem, localId: string, value: string) =>
    golden.candidates.find((c) => c.system === system && c.localId === localId && c.value === value) ??
    golden.candidates.find((c) => c.system === system && c.localId === localId);
  const a = side(d.systemA, d.localIdA, d.valueA);
  const b = side(d.systemB, d.localIdB, d.valueB);
  const served = golden.value === null ? null : typeof golden.value === 'string' ? golden.value : formatAddress(golden.value);
  return {
    customerName: profile.fullName.value,
    normalizedValueA: a?.normalizedValue ?? null,
    changedAtA: a?.asOf ?? null,
    normalizedValueB: b?.normalizedValue ?? null,
    changedAtB: b?.asOf ?? null,
    servedValue: served,
    servedRule: golden.rule,
  };
}
