/**
 * The matching rules: how much evidence two source records give that they are one person, and
 * the deterministic rules that decide a pair outright.
 */
import { compareDates, type DateAgreement } from './dateNormalisation';
import type { MatchConfig } from './matchConfig';
import { compareNames, type NameComparison } from './nameComparison';
import type { NormalisedParty } from './normalisedParty';

export type IdAgreement = 'same' | 'different' | 'unknown';

export interface PairEvidence {
  nationalId: IdAgreement;
  email: IdAgreement;
  phone: IdAgreement;
  birthDate: DateAgreement;
  names: NameComparison;
  address: 'same' | 'postcode' | 'different' | 'unknown';
  score: number;
}

/**
 * STRONG: merge on this link alone. WEAK: merge only with another weak link to the same cluster.
 * CONFLICT: these two can never be one person (different national ids), whatever else links them.
 */
export type LinkStrength = 'strong' | 'weak' | 'none' | 'conflict';

function shareAny(a: readonly string[], b: readonly string[]): IdAgreement {
  if (a.length === 0 || b.length === 0) return 'unknown';
  for (const x of a) if (b.includes(x)) return 'same';
  return 'different';
}

function compareAddresses(a: NormalisedParty, b: NormalisedParty): PairEvidence['address'] {
  if (!a.postcode || !b.postcode) return 'unknown';
  if (a.postcode !== b.postcode) return 'different';
  const sameNumber = a.houseNumber !== '' && a.houseNumber === b.houseNumber;
  const unitsAgree = !a.unit || !b.unit || a.unit === b.unit;
  return sameNumber && unitsAgree ? 'same' : 'postcode';
}

export function comparePair(a: NormalisedParty, b: NormalisedParty, config: MatchConfig): PairEvidence {
  const w = config.weights;
  const nationalId: IdAgreement = !a.nationalId || !b.nationalId ? 'unknown' : a.nationalId === b.nationalId ? 'same' : 'different';
  const email = shareAny(a.emails, b.emails);
  const phone = shareAny(a.phones, b.phones);
  const birthDate = compareDates(a.birthDate, b.birthDate);
  const names = compareNames(a, b, config);
  const address = compareAddresses(a, b);
  let score = names.weight;
  if (email === 'same') score += w.emailSame;
  else if (email === 'different') score += w.emailDifferent;
  if (phone === 'same') score += w.phoneSame;
  else if (phone === 'different') score += w.phoneDifferent;
  if (birthDate === 'same') score += w.birthDateSame;
  else if (birthDate === 'near') score += w.birthDateNear;
  else if (birthDate === 'different') score += w.birthDateDifferent;
  if (address === 'same') score += w.addressSame;
  else if (address === 'postcode') score += w.addressPostcode;
  else if (address === 'different') score += w.addressDifferent;
  return { nationalId, email, phone, birthDate, names, address, score };
}

const CLOSE_GIVEN: ReadonlySet<string> = new Set(['same', 'fuzzy', 'initial']);

/**
 * The deterministic rules first, then the score:
 * 1. the same national id is the same person (KYC'd identity); different national ids never are;
 * 2. a shared email with names that do not contradict (a near name is read as a typo) and no
 *    birth-date contradiction is the same person: an email address is personal;
 * 3. a shared phone needs more: a close given name. A household shares a phone, so the same
 *    family name and phone with different given names (or MARK / MARY) are two people;
 * 4. two different (or merely near) given names are two people unless the birth date or a
 *    shared email vouches for a keying error or an unknown nickname: otherwise a household (same
 *    family name, phone and address: JOHN and JOAN SMITH) would add up to a link;
 * 5. otherwise the additive score decides, against the two thresholds; but a pair whose contact
 *    details (email, phone, address) contradict at least twice and agree nowhere is at most weak:
 *    in a million records many namesakes share a birth date, and only the contacts tell them apart.
 */
export function classifyEvidence(e: PairEvidence, config: MatchConfig): LinkStrength {
  if (e.nationalId === 'same') return 'strong';
  if (e.nationalId === 'different') return 'conflict';
  const { given, family } = e.names;
  const datesAgree = e.birthDate !== 'different';
  const someName = given !== 'unknown' || family !== 'unknown';
  if (e.email === 'same' && datesAgree && someName && given !== 'different' && family !== 'different') return 'strong';
  if (e.phone === 'same' && datesAgree && CLOSE_GIVEN.has(given) && family !== 'different') return 'strong';
  if ((given === 'different' || given === 'near') && e.birthDate !== 'same' && e.email !== 'same') return 'none';
  const contactAgrees = e.email === 'same' || e.phone === 'same' || e.address === 'same' || e.address === 'postcode';
  const contradictions = (e.email === 'different' ? 1 : 0) + (e.phone === 'different' ? 1 : 0) + (e.address === 'different' ? 1 : 0);
  if (!contactAgrees && contradictions >= 2) return e.score >= config.weakThreshold ? 'weak' : 'none';
  if (e.score >= config.strongThreshold) return 'strong';
  if (e.score >= config.weakThreshold) return 'weak';
  return 'none';
}

export function classifyPair(a: NormalisedParty, b: NormalisedParty, config: MatchConfig): { strength: LinkStrength; evidence: PairEvidence } {
  const evidence = comparePair(a, b, config);
  return { strength: classifyEvidence(evidence, config), evidence };
}
