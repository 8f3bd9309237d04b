/**
 * A source party in the form the matcher compares: every field normalised once, up front, so
 * that blocking and the O(candidates) comparisons never re-parse phones or re-fold names.
 */
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { normalisePostcode, normaliseStreetLines } from './addressNormalisation';
import { normaliseDate } from './dateNormalisation';
import { detachString } from './detachString';
import { normaliseEmails } from './emailNormalisation';
import { normaliseName, normaliseNameText } from './nameNormalisation';
import { normalisePhones } from './phoneNormalisation';
import { phoneticCode } from './stringSimilarity';

export interface NormalisedParty {
  /** `SYSTEM:localId`, unique across systems (the local id is not kept apart: nothing compares it). */
  key: string;
  system: SourceSystem;
  given: string;
  givenFirst: string;
  givenCanonical: readonly string[];
  family: string;
  /** Double Metaphone of `givenFirst` and of `family` ('' when the name is missing). */
  givenPhonetic: string;
  familyPhonetic: string;
  birthDate: string | null;
  nationalId: string | null;
  /** E.164 numbers, as a value list (see ValueList). */
  phones: ValueList;
  /** Normalised addresses, as a value list. */
  emails: ValueList;
  /** The address parts the matcher compares ('' when not held). */
  postcode: string;
  houseNumber: string;
  unit: string;
  /** Street words without numbers or spaces (`HIGHSTREET`): typed spaces vary (`BRENTWOOD VLGE` / `BRENTWOODVLGE`). */
  street: string;
  /** Town or suburb without spaces. */
  locality: string;
}

/**
 * Several values of one field (a record's phones, its emails) as one string, separated by single
 * spaces ('' when there is none): neither an E.164 number nor a normalised email address holds a
 * space. A record holds one phone and one email almost always, and a one-element array costs 56
 * bytes beside its string: at a million persons (2.4 million records) some 270 MB of heap, and
 * the records' size is what keeps a million-person run inside 2 GB. Read it with `valuesOf` and
 * `shareAValue`, never by splitting it by hand.
 */
export type ValueList = string;

/** The list of `values` (each detached from the text it was cut from, see detachString.ts). */
export function valueList(values: readonly string[]): ValueList {
  if (values.some((v) => v === '' || v.includes(' '))) throw new RangeError('a value list holds non-empty values without spaces');
  return values.length === 0 ? '' : values.length === 1 ? detachString(values[0]) : detachString(values.join(' '));
}

export function valuesOf(list: ValueList): string[] {
  return list === '' ? [] : list.split(' ');
}

/** `visit` for each value of the list (without building an array when it holds one). */
export function forEachValue(list: ValueList, visit: (value: string) => void): void {
  if (list === '') return;
  if (!list.includes(' ')) visit(list);
  else for (const value of list.split(' ')) visit(value);
}

/** Whether two lists hold a value in common (without splitting them when each holds one). */
export function shareAValue(a: ValueList, b: ValueList): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  if (!a.includes(' ') && !b.includes(' ')) return false;
  const bs = valuesOf(b);
  return valuesOf(a).some((v) => bs.includes(v));
}

/**
 * Values that repeat across a population (names, birth dates, house numbers, streets, towns) are
 * kept once: a million persons hold some hundred thousand distinct ones, not a million copies
 * each. At 2.4 million records that is some 250 MB less live heap, which is what keeps a
 * million-person run inside 2 GB (a lookup costs less than the collector's work on the copies).
 * Bounded so that typo-ridden input cannot grow it forever: past the bound, values are kept as
 * they come. Unique values (keys, national ids, phones, emails, postcodes) are not interned.
 */
const interned = new Map<string, string>();
const INTERN_MAX = 1_000_000;
export function intern(value: string): string {
  if (value === '') return value;
  const known = interned.get(value);
  if (known !== undefined) return known;
  // Kept strings are detached from the input they were cut from (see detachString.ts).
  const own = detachString(value);
  if (interned.size < INTERN_MAX) interned.set(own, own);
  return own;
}

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
  const phones = party.phones && party.phones.length > 0 ? valueList(normalisePhones(party.phones)) : '';
  const emails = party.emails && party.emails.length > 0 ? valueList(normaliseEmails(party.emails)) : '';
  const given = intern(name.given);
  const givenFirst = name.givenFirst === name.given ? given : intern(name.givenFirst);
  const family = intern(name.family);
  const birthDate = normaliseDate(party.birthDate);
  return {
    key: detachString(sourceKey(party.system, party.localId)),
    system: party.system,
    given,
    givenFirst,
    givenCanonical: name.givenCanonical,
    family,
    // Phonetic codes come from a cache of distinct names: already shared.
    givenPhonetic: phoneticCode(givenFirst),
    familyPhonetic: phoneticCode(family),
    birthDate: birthDate === null ? null : intern(birthDate),
    nationalId: normaliseNationalId(party.nationalId),
    phones,
    emails,
    postcode: normalisePostcode(address?.postalCode),
    houseNumber: lines ? intern(lines.houseNumber) : '',
    unit: lines ? intern(lines.unit) : '',
    street: lines ? intern(lines.street.replace(/ /g, '')) : '',
    locality: address?.city ? intern(normaliseNameText(address.city).replace(/ /g, '')) : '',
  };
}
