import { SOURCE_SYSTEMS, type PostalAddress, type SourceParty, type SourceSystem } from '../../../adapters/canonical';
import { foldText, formatAddress, normaliseAddress, normaliseEmail, normalisePhone } from './fieldNormalisation';
import { FIELD_VALIDATION, type CandidateProblem } from './fieldValidation';
import { nicknameFlags } from './legalName';
import { displayFormOfAddress } from './addressDisplay';
import { displayFormOfName } from './nameDisplay';
import { survive, type Candidate, type SurvivorshipResult } from './survivorship';
import { DEFAULT_SURVIVORSHIP_POLICY, type GoldenFieldName, type FieldPolicy } from './survivorshipPolicy';

/**
 * The rule a golden field names when every record heard agrees but a system that holds records
 * of the customer could not be asked: agreement among those heard, not unanimity.
 */
export const AGREED_AMONG_AVAILABLE = 'AGREED_AMONG_AVAILABLE' as const;

/** The rule a golden field was served by (the graph's `SurvivorshipRule`), null when no record holds a value. */
export type ServedRule = SurvivorshipResult<unknown>['rule'] | typeof AGREED_AMONG_AVAILABLE;

export interface GoldenValue<V> {
  value: V | null;
  source: { system: string; localId: string; changedAt: string | null } | null;
  asOf: string | null;
  rule: ServedRule;
  conflict: boolean;
  /** False when a system holding records of the customer was unavailable for this request. */
  complete: boolean;
  /** The systems that could not be asked (outage), in the registry's order. */
  unavailableSystems: SourceSystem[];
  candidates: Array<{
    system: string;
    localId: string;
    value: string | null;
    normalizedValue: string;
    asOf: string | null;
    /** INVALID: fails the field's validation, shown but never served. */
    status: 'VALID' | 'INVALID';
    problem: CandidateProblem | null;
  }>;
}

export interface GoldenProfile {
  fullName: GoldenValue<string>;
  birthDate: GoldenValue<string>;
  nationalId: GoldenValue<string>;
  email: GoldenValue<string>;
  mobilePhone: GoldenValue<string>;
  address: GoldenValue<PostalAddress>;
}

/**
 * A record's name: the text as the system holds it (what the candidates show), and its parts
 * given name first (what is compared, validated and, for the winner, served in display form).
 */
export interface NameValue {
  raw: string;
  given: string | null;
  family: string | null;
  givenFirst: string;
}

const base = (party: SourceParty) => ({ system: party.system, localId: party.localId, changedAt: party.changedAt });

/** A record's name, given then family; a track-1 `SURNAME/GIVEN` is turned round. Null without a name. */
export function nameOf(party: SourceParty): NameValue | null {
  if (party.givenName || party.familyName) {
    const raw = [party.givenName, party.familyName].filter(Boolean).join(' ');
    return { raw, given: party.givenName || null, family: party.familyName || null, givenFirst: raw };
  }
  if (party.rawName && party.rawName.trim() !== '') {
    const [surname, given] = party.rawName.split('/').map((part) => part.trim() || null);
    // Text that is not `SURNAME/GIVEN` stays a candidate as it is (validation then judges it).
    const givenFirst = [given, surname].filter(Boolean).join(' ') || party.rawName.trim();
    return { raw: party.rawName, given: given ?? null, family: surname ?? null, givenFirst };
  }
  return null;
}

/** The name as one string, given then family, as the record holds it (no recasing). */
export function displayName(party: SourceParty): string | null {
  return nameOf(party)?.givenFirst ?? null;
}

function countFilled(values: Array<string | null>): number {
  return values.filter((v) => v !== null && v.trim() !== '').length;
}

type FieldCandidates = {
  [K in GoldenFieldName]: Candidate<K extends 'address' ? PostalAddress : K extends 'fullName' ? NameValue : string>[];
};

/** One value a record holds for a golden field: as held, and as compared (two values agree when these are equal). */
export type ComparedValue =
  | { field: 'fullName'; value: NameValue; normalizedValue: string }
  | { field: 'address'; value: PostalAddress; normalizedValue: string }
  | { field: 'birthDate' | 'nationalId' | 'email' | 'mobilePhone'; value: string; normalizedValue: string };

/**
 * Every value a record holds for the golden fields, in the fields' order, normalised for
 * comparison: what the golden profile's candidates and the discrepancy report share (the report
 * needs nothing else, so it skips the candidates' validation and nickname work). Pure.
 */
export function comparedValuesOf(party: SourceParty): ComparedValue[] {
  const values: ComparedValue[] = [];
  const name = nameOf(party);
  if (name) values.push({ field: 'fullName', value: name, normalizedValue: foldText(name.givenFirst) });
  if (party.birthDate) values.push({ field: 'birthDate', value: party.birthDate, normalizedValue: party.birthDate });
  if (party.nationalId) values.push({ field: 'nationalId', value: party.nationalId, normalizedValue: party.nationalId.replace(/\s+/g, '').toUpperCase() });
  for (const raw of party.emails) values.push({ field: 'email', value: raw, normalizedValue: normaliseEmail(raw) });
  // A number that does not parse is kept as a candidate (marked INVALID), not silently dropped.
  for (const raw of party.phones) values.push({ field: 'mobilePhone', value: raw, normalizedValue: normalisePhone(raw) ?? raw.trim() });
  const a = party.address;
  if (a && (a.line1 || a.postalCode)) values.push({ field: 'address', value: a, normalizedValue: normaliseAddress(a) });
  return values;
}

/** Every record's candidate for every golden field. Pure. */
export function candidatesOf(parties: readonly SourceParty[]): FieldCandidates {
  const fullName: Candidate<NameValue>[] = [];
  const address: Candidate<PostalAddress>[] = [];
  const plain: Record<'birthDate' | 'nationalId' | 'email' | 'mobilePhone', Candidate[]> = { birthDate: [], nationalId: [], email: [], mobilePhone: [] };
  const check = FIELD_VALIDATION;
  for (const party of parties) {
    for (const compared of comparedValuesOf(party)) {
      const { normalizedValue } = compared;
      if (compared.field === 'fullName') {
        const name = compared.value;
        fullName.push({ ...base(party), value: name, normalizedValue, completeness: countFilled([name.given, name.family]), problem: check.fullName(name.givenFirst) });
      } else if (compared.field === 'address') {
        const a = compared.value;
        address.push({ ...base(party), value: a, normalizedValue, completeness: countFilled([a.line1, a.line2, a.city, a.postalCode, a.country]), problem: check.address(a) });
      } else {
        plain[compared.field].push({ ...base(party), value: compared.value, normalizedValue, completeness: 1, problem: check[compared.field](compared.value) });
      }
    }
  }
  const { birthDate, nationalId, email, mobilePhone } = plain;
  // Only valid names count as the legal form a nickname steps aside for.
  const validNames = fullName.filter((c) => !c.problem);
  const flags = nicknameFlags(validNames.map((c) => c.value));
  validNames.forEach((c, i) => (c.nickname = flags[i]));
  return { fullName, birthDate, nationalId, email, mobilePhone, address };
}

/** What a candidate shows of its value: the text as the system holds it. */
export function shownValue(value: string | NameValue | PostalAddress): string {
  if (typeof value === 'string') return value;
  if ('givenFirst' in value) return value.raw;
  return formatAddress(value);
}

function golden<V, S>(result: SurvivorshipResult<V>, served: (winner: Candidate<V>) => S, unavailableSystems: SourceSystem[]): GoldenValue<S> {
  const winner = result.winner;
  const complete = unavailableSystems.length === 0;
  return {
    value: winner ? served(winner) : null,
    source: winner ? { system: winner.system, localId: winner.localId, changedAt: winner.changedAt } : null,
    asOf: winner?.changedAt ?? null,
    // A system not heard may well disagree: what the others agree on is not unanimity.
    rule: result.rule === 'UNANIMOUS' && !complete ? AGREED_AMONG_AVAILABLE : result.rule,
    conflict: result.conflict,
    complete,
    unavailableSystems,
    candidates: result.candidates.map((c) => ({
      system: c.system,
      localId: c.localId,
      value: shownValue(c.value as string | NameValue | PostalAddress),
      normalizedValue: c.normalizedValue,
      asOf: c.changedAt,
      status: c.problem ? 'INVALID' : 'VALID',
      problem: c.problem ?? null,
    })),
  };
}

export interface GoldenProfileOptions {
  policy?: Record<GoldenFieldName, FieldPolicy>;
  /**
   * Systems that hold records of the customer but could not be asked for this request (their
   * records came back null: an outage, not an absence). Every field then says it is incomplete.
   */
  unavailableSystems?: readonly SourceSystem[];
}

/**
 * The golden profile of one customer from all of their source records. The name is served in
 * its display form (given name first, proper case: nameDisplay.ts), email and phone in their
 * normalised form (lower-case email, E.164 phone), which is what every channel can use, the
 * address in its display form (proper case, postcode in capitals: addressDisplay.ts); birth date
 * and national id as the winning record holds them. Every candidate shows the
 * value as its system holds it.
 */
export function computeGoldenProfile(parties: readonly SourceParty[], options: GoldenProfileOptions = {}): GoldenProfile {
  const policy = options.policy ?? DEFAULT_SURVIVORSHIP_POLICY;
  const unavailable = SOURCE_SYSTEMS.filter((s) => options.unavailableSystems?.includes(s));
  const c = candidatesOf(parties);
  const raw = <V>(w: Candidate<V>) => w.value;
  const normalized = (w: Candidate) => w.normalizedValue;
  return {
    fullName: golden(survive(c.fullName, policy.fullName), (w) => displayFormOfName(w.value.givenFirst), unavailable),
    birthDate: golden(survive(c.birthDate, policy.birthDate), raw, unavailable),
    nationalId: golden(survive(c.nationalId, policy.nationalId), raw, unavailable),
    email: golden(survive(c.email, policy.email), normalized, unavailable),
    mobilePhone: golden(survive(c.mobilePhone, policy.mobilePhone), normalized, unavailable),
    address: golden(survive(c.address, policy.address), (w) => displayFormOfAddress(w.value), unavailable),
  };
}
