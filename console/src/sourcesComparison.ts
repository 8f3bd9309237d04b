/**
 * The "Sources" comparison: for each golden profile field, what each system of
 * record says (every linked record, duplicates included), which record won and whether the
 * systems disagree. Pure over the profile as the graph returns it.
 */
import { SYSTEM_NAMES, type SourceSystemName } from '../../systems/registry';

/** The systems of record, one column each, in registry order (systems/registry.ts). */
export const SOURCE_SYSTEMS = SYSTEM_NAMES;
export type SourceSystem = SourceSystemName;

export interface Candidate {
  system: string;
  localId: string;
  value: string | null;
  normalizedValue: string | null;
  asOf: string | null;
}

export interface GoldenFieldValue<V = string | null> {
  value: V;
  source: { system: string; localId: string; changedAt: string | null } | null;
  asOf: string | null;
  rule: string | null;
  conflict: boolean;
  /** False when a system holding records of the customer could not be read (older gateways: absent). */
  complete?: boolean;
  unavailableSystems?: string[];
  candidates: Candidate[];
}

export interface AddressValue {
  line1: string | null;
  line2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface GoldenProfileValue {
  fullName?: GoldenFieldValue | null;
  birthDate?: GoldenFieldValue | null;
  nationalId?: GoldenFieldValue | null;
  email?: GoldenFieldValue | null;
  mobilePhone?: GoldenFieldValue | null;
  address?: GoldenFieldValue<AddressValue | null> | null;
}

export interface CandidateCell {
  localId: string;
  value: string | null;
  asOf: string | null;
  /** This record's value is the one the graph serves. */
  winner: boolean;
  /** Its normalised value differs from the winner's. */
  differs: boolean;
}

/**
 * What a system's column says for one field: its records' values; or why there are none — the
 * system could not be read for this request (`unavailable`), the customer has no record there
 * (`no-record`), or the records there do not hold this field (`no-field`).
 */
export type CellState = 'values' | 'unavailable' | 'no-record' | 'no-field';

export const CELL_STATE_LABELS: Record<Exclude<CellState, 'values'>, string> = {
  unavailable: 'unavailable',
  'no-record': 'no record',
  'no-field': 'record without this field',
};

export interface ComparisonRow {
  field: keyof GoldenProfileValue;
  label: string;
  /** The value served, as one line; null when no system holds one. */
  served: string | null;
  rule: string | null;
  conflict: boolean;
  winner: { system: string; localId: string } | null;
  /** False when a system holding records of the customer could not be read. */
  complete: boolean;
  unavailableSystems: string[];
  cells: Record<SourceSystem, CandidateCell[]>;
  states: Record<SourceSystem, CellState>;
}

/** A source record's key, as the crosswalk (`Customer.sourceKeys`) lists it. */
export interface SourceKeyValue {
  system: string;
  localId: string;
}

export const PROFILE_FIELD_LABELS: ReadonlyArray<[keyof GoldenProfileValue, string]> = [
  ['fullName', 'Full name'],
  ['birthDate', 'Birth date'],
  ['nationalId', 'National id'],
  ['email', 'Email'],
  ['mobilePhone', 'Mobile phone'],
  ['address', 'Address'],
];

/**
 * One row per profile field present in the answer (a field refused for the role is left out).
 * `sourceKeys` (the crosswalk) tells "no record" from "record without this field".
 */
export function compareSources(profile: GoldenProfileValue, sourceKeys: readonly SourceKeyValue[] = []): ComparisonRow[] {
  const linked = new Set(sourceKeys.map((k) => k.system));
  const rows: ComparisonRow[] = [];
  for (const [field, label] of PROFILE_FIELD_LABELS) {
    const golden = profile[field];
    if (!golden) continue;
    const winner = golden.source ? { system: golden.source.system, localId: golden.source.localId } : null;
    const winning = golden.candidates.find((c) => winner && c.system === winner.system && c.localId === winner.localId);
    const cells = Object.fromEntries(SOURCE_SYSTEMS.map((s) => [s, [] as CandidateCell[]])) as Record<SourceSystem, CandidateCell[]>;
    for (const candidate of golden.candidates) {
      const column = cells[candidate.system as SourceSystem];
      if (!column) continue;
      const isWinner = winning === candidate;
      column.push({
        localId: candidate.localId,
        value: candidate.value,
        asOf: candidate.asOf,
        winner: isWinner,
        differs: !isWinner && winning !== undefined && candidate.normalizedValue !== null && candidate.normalizedValue !== winning.normalizedValue,
      });
    }
    const served = field === 'address' ? formatAddress(golden.value as AddressValue | null) : (golden.value as string | null);
    const unavailableSystems = golden.unavailableSystems ?? [];
    const states = Object.fromEntries(
      SOURCE_SYSTEMS.map((s): [SourceSystem, CellState] => [
        s,
        cells[s].length > 0 ? 'values' : unavailableSystems.includes(s) ? 'unavailable' : linked.has(s) ? 'no-field' : 'no-record',
      ]),
    ) as Record<SourceSystem, CellState>;
    rows.push({ field, label, served, rule: golden.rule, conflict: golden.conflict, winner, complete: golden.complete ?? unavailableSystems.length === 0, unavailableSystems, cells, states });
  }
  return rows;
}

export function formatAddress(address: AddressValue | null): string | null {
  if (!address) return null;
  const line = [address.line1, address.line2, address.city, address.postalCode, address.country].filter((p) => p).join(', ');
  return line === '' ? null : line;
}
