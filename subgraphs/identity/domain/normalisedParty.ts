/**
 * A source party in the form the matcher compares: every field normalised once, up front, so
 * that blocking and the O(candidates) comparisons never re-parse phones or re-fold names.
 */
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { normalisePostcode, normaliseStreetLines } from './addressNormalisation';
import { normaliseDate } from './dateNormalisation';
import { detachString } from './detachString';
import { normaliseEmails } from './emailNormalisation';
import { normaliseName } from './nameNormalisation';
import { normalisePhones } from './phoneNormalisation';

export interface NormalisedParty {
  /** `SYSTEM:localId`, unique across systems. */
  key: string;
  system: SourceSystem;
  localId: string;
  given: string;
  givenFirst: string;
  givenCanonical: readonly string[];
  family: string;
  birthDate: string | null;
  nationalId: string | null;
  /** E.164. */
  phones: readonly string[];
  emails: readonly string[];
  /**
   * The address parts the matcher compares ('' when not held). Street and town are left out on
   * purpose: postcode + house number + flat identify a UK address, and a million records are
   * lighter without them.
   */
  postcode: string;
  houseNumber: string;
  unit: string;
}

const NONE: readonly string[] = Object.freeze([]);

export function sourceKey(system: SourceSystem, localId: string): string {
  return `${system}:${localId}`;
}

/** National ids are compared without spaces and case (`ab 12 34 56 c` == `AB123456C`). */
export function normaliseNationalId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length >= 5 ? compact : null;
}

export function normaliseParty(party: SourceParty): NormalisedParty {
  const name = normaliseName(party.givenName, party.familyName, party.rawName);
  const address = party.address;
  const lines = address && (address.line1 || address.line2) ? normaliseStreetLines(address.line1, address.line2) : null;
  // Kept strings are detached from the input they were cut from (see detachString.ts).
  const phones = party.phones && party.phones.length > 0 ? normalisePhones(party.phones).map(detachString) : NONE;
  const emails = party.emails && party.emails.length > 0 ? normaliseEmails(party.emails).map(detachString) : NONE;
  const given = detachString(name.given);
  return {
    key: detachString(sourceKey(party.system, party.localId)),
    system: party.system,
    localId: detachString(party.localId),
    given,
    givenFirst: name.givenFirst === name.given ? given : detachString(name.givenFirst),
    givenCanonical: name.givenCanonical,
    family: detachString(name.family),
    birthDate: normaliseDate(party.birthDate),
    nationalId: normaliseNationalId(party.nationalId),
    phones: phones.length > 0 ? phones : NONE,
    emails: emails.length > 0 ? emails : NONE,
    postcode: normalisePostcode(address?.postalCode),
    houseNumber: lines ? lines.houseNumber : '',
    unit: lines ? lines.unit : '',
  };
}
