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
  /** E.164. */
  phones: readonly string[];
  emails: readonly string[];
  /** The address parts the matcher compares ('' when not held). */
  postcode: string;
  houseNumber: string;
  unit: string;
  /** Street words without numbers or spaces (`HIGHSTREET`): typed spaces vary (`BRENTWOOD VLGE` / `BRENTWOODVLGE`). */
  street: string;
  /** Town or suburb without spaces. */
  locality: string;
}

/** The one empty list every record without phones (emails) shares; never mutated. */
const NONE: readonly string[] = [];

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
function intern(value: string): string {
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

/**
 * Values one person's records in several systems hold alike (the phone list, the email list, the
 * postcode) kept once per batch rather than once per record: at a million persons a record's
 * phone and email lists alone are some 190 bytes, and each person's lists repeat across 2.4
 * records on average. Unlike `intern`, the table lives only as long as one batch's normaliser,
 * so a long-running process does not keep every number it ever saw.
 */
class SharedValues {
  private readonly lists = new Map<string, readonly string[]>();
  private readonly texts = new Map<string, string>();

  /** One list per distinct content (shared: never mutated); `values` is a fresh list nobody else holds. */
  list(values: string[]): readonly string[] {
    if (values.length === 0) return NONE;
    const id = values.length === 1 ? values[0] : values.join('\u0000');
    const known = this.lists.get(id);
    if (known !== undefined) return known;
    const own = values.map(detachString);
    this.lists.set(values.length === 1 ? own[0] : id, own);
    return own;
  }

  text(value: string): string {
    if (value === '') return value;
    const known = this.texts.get(value);
    if (known !== undefined) return known;
    const own = detachString(value);
    this.texts.set(own, own);
    return own;
  }
}

/** Nothing shared: each record keeps its own values (one record at a time, the incremental path). */
const UNSHARED = {
  list: (values: string[]): readonly string[] => (values.length === 0 ? NONE : values.map(detachString)),
  text: (value: string): string => value,
};

/**
 * A normaliser for one batch of records (a file read into the matcher): the same result as
 * `normaliseParty`, with the values a person's records repeat kept once (see SharedValues).
 * Drop it with the batch.
 */
export function createBatchNormaliser(): (party: SourceParty) => NormalisedParty {
  const shared = new SharedValues();
  return (party) => normaliseWith(party, shared);
}

export function normaliseParty(party: SourceParty): NormalisedParty {
  return normaliseWith(party, UNSHARED);
}

function normaliseWith(party: SourceParty, share: Pick<SharedValues, 'list' | 'text'>): NormalisedParty {
  const name = normaliseName(party.givenName, party.familyName, party.rawName);
  const address = party.address;
  const lines = address && (address.line1 || address.line2) ? normaliseStreetLines(address.line1, address.line2) : null;
  const phones = party.phones && party.phones.length > 0 ? share.list(normalisePhones(party.phones)) : NONE;
  const emails = party.emails && party.emails.length > 0 ? share.list(normaliseEmails(party.emails)) : NONE;
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
    postcode: share.text(normalisePostcode(address?.postalCode)),
    houseNumber: lines ? intern(lines.houseNumber) : '',
    unit: lines ? intern(lines.unit) : '',
    street: lines ? intern(lines.street.replace(/ /g, '')) : '',
    locality: address?.city ? intern(normaliseNameText(address.city).replace(/ /g, '')) : '',
  };
}
