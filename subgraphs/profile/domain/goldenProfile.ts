import type { PostalAddress, SourceParty } from '../../../adapters/canonical';
import { foldText, formatAddress, normaliseAddress, normaliseEmail, normalisePhone } from './fieldNormalisation';
import { FIELD_VALIDATION, type CandidateProblem } from './fieldValidation';
import { survive, type Candidate, type SurvivorshipResult } from './survivorship';
import { DEFAULT_SURVIVORSHIP_POLICY, type GoldenFieldName, type FieldPolicy } from './survivorshipPolicy';

export interface GoldenValue<V> {
  value: V | null;
  source: { system: string; localId: string; changedAt: string | null } | null;
  asOf: string | null;
  rule: string | null;
  conflict: boolean;
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

const base = (party: SourceParty) => ({ system: party.system, localId: party.localId, changedAt: party.changedAt });

/** The name as one string, given then family; a track-1 `SURNAME/GIVEN` is turned round. */
export function displayName(party: SourceParty): string | null {
  if (party.givenName || party.familyName) return [party.givenName, party.familyName].filter(Boolean).join(' ');
  if (party.rawName) {
    const [surname, given] = party.rawName.split('/');
    return [given, surname].filter(Boolean).join(' ').trim() || null;
  }
  return null;
}

function countFilled(values: Array<string | null>): number {
  return values.filter((v) => v !== null && v.trim() !== '').length;
}

/** Every record's candidate for every golden field. Pure. */
export function candidatesOf(parties: readonly SourceParty[]): { [K in GoldenFieldName]: Candidate<K extends 'address' ? PostalAddress : string>[] } {
  const fullName: Candidate[] = [];
  const birthDate: Candidate[] = [];
  const nationalId: Candidate[] = [];
  const email: Candidate[] = [];
  const mobilePhone: Candidate[] = [];
  const address: Candidate<PostalAddress>[] = [];
  const check = FIELD_VALIDATION;
  for (const party of parties) {
    const name = displayName(party);
    if (name) {
      fullName.push({ ...base(party), value: name, normalizedValue: foldText(name), completeness: countFilled([party.givenName, party.familyName]), problem: check.fullName(name) });
    }
    if (party.birthDate) birthDate.push({ ...base(party), value: party.birthDate, normalizedValue: party.birthDate, completeness: 1, problem: check.birthDate(party.birthDate) });
    if (party.nationalId) {
      const normalizedValue = party.nationalId.replace(/\s+/g, '').toUpperCase();
      nationalId.push({ ...base(party), value: party.nationalId, normalizedValue, completeness: 1, problem: check.nationalId(party.nationalId) });
    }
    for (const raw of party.emails) email.push({ ...base(party), value: raw, normalizedValue: normaliseEmail(raw), completeness: 1, problem: check.email(raw) });
    for (const raw of party.phones) {
      // A number that does not parse is kept as a candidate (marked INVALID), not silently dropped.
      mobilePhone.push({ ...base(party), value: raw, normalizedValue: normalisePhone(raw) ?? raw.trim(), completeness: 1, problem: check.mobilePhone(raw) });
    }
    const a = party.address;
    if (a && (a.line1 || a.postalCode)) {
      address.push({ ...base(party), value: a, normalizedValue: normaliseAddress(a), completeness: countFilled([a.line1, a.line2, a.city, a.postalCode, a.country]), problem: check.address(a) });
    }
  }
  return { fullName, birthDate, nationalId, email, mobilePhone, address };
}

function golden<V>(result: SurvivorshipResult<V>, served: (winner: Candidate<V>) => V, show: (value: V) => string): GoldenValue<V> {
  const winner = result.winner;
  return {
    value: winner ? served(winner) : null,
    source: winner ? { system: winner.system, localId: winner.localId, changedAt: winner.changedAt } : null,
    asOf: winner?.changedAt ?? null,
    rule: result.rule,
    conflict: result.conflict,
    candidates: result.candidates.map((c) => ({
      system: c.system,
      localId: c.localId,
      value: show(c.value),
      normalizedValue: c.normalizedValue,
      asOf: c.changedAt,
      status: c.problem ? 'INVALID' : 'VALID',
      problem: c.problem ?? null,
    })),
  };
}

/**
 * The golden profile of one customer from all of their source records. Names, dates and the
 * address are served as the winning record holds them; email and phone in their normalised
 * form (lower-case email, E.164 phone), which is what every channel can use.
 */
export function computeGoldenProfile(
  parties: readonly SourceParty[],
  policy: Record<GoldenFieldName, FieldPolicy> = DEFAULT_SURVIVORSHIP_POLICY,
): GoldenProfile {
  const c = candidatesOf(parties);
  const raw = <V>(w: Candidate<V>) => w.value;
  const normalized = (w: Candidate) => w.normalizedValue;
  const text = (v: string) => v;
  return {
    fullName: golden(survive(c.fullName, policy.fullName), raw, text),
    birthDate: golden(survive(c.birthDate, policy.birthDate), raw, text),
    nationalId: golden(survive(c.nationalId, policy.nationalId), raw, text),
    email: golden(survive(c.email, policy.email), normalized, text),
    mobilePhone: golden(survive(c.mobilePhone, policy.mobilePhone), normalized, text),
    address: golden(survive(c.address, policy.address), raw, formatAddress),
  };
}
