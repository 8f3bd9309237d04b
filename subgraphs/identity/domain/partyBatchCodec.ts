/**
 * Normalised records as a flat list of their values, to pass a batch between threads.
 *
 * A structured clone of the records themselves cost the receiving thread some 12 µs a record
 * (each object rebuilt property by property, into a slower shape); a list of strings is cloned
 * string by string, each a fresh copy that holds on to nothing else.
 *
 * Decoding builds each record with the same object literal shape as normaliseParty's and shares
 * the repeated values this thread keeps (see `intern`): records from another thread cost no more
 * memory and compare no slower than this thread's own.
 */
import { SOURCE_SYSTEMS, type SourceSystem } from '../../../adapters/canonical';
import { intern, type NormalisedParty } from './normalisedParty';
import { canonicalGivenNames } from './nicknames';

/** The records' fields in FIELDS order, one record after another. */
export type PartyBatch = Array<string | null>;

/** The fields sent, in order; the nickname forms are derived on arrival. */
const FIELDS = ['key', 'system', 'given', 'givenFirst', 'family', 'givenPhonetic', 'familyPhonetic', 'birthDate', 'nationalId', 'phones', 'emails', 'postcode', 'houseNumber', 'unit', 'street', 'locality'] as const;

export function encodePartyBatch(records: readonly NormalisedParty[]): PartyBatch {
  const values: PartyBatch = new Array<string | null>(records.length * FIELDS.length);
  let k = 0;
  for (const record of records) for (const field of FIELDS) values[k++] = record[field];
  return values;
}

const SYSTEMS: ReadonlyMap<string, SourceSystem> = new Map(SOURCE_SYSTEMS.map((s) => [s, s]));

/** `visit` for each record of the batch, in order. Throws RangeError on a batch that is not one. */
export function decodePartyBatch(batch: PartyBatch, visit: (record: NormalisedParty) => void): void {
  if (batch.length % FIELDS.length !== 0) throw new RangeError('a party batch has the wrong number of fields');
  let k = 0;
  const text = (): string => {
    const value = batch[k++];
    if (typeof value !== 'string') throw new RangeError('a party batch has a value that is not text');
    return value;
  };
  const textOrNull = (): string | null => {
    const value = batch[k++];
    if (value !== null && typeof value !== 'string') throw new RangeError('a party batch has a value that is not text');
    return value;
  };
  const shared = (): string => intern(text());
  while (k < batch.length) {
    const key = text();
    const system = SYSTEMS.get(text());
    if (system === undefined) throw new RangeError('a party batch names an unknown system');
    const given = shared();
    const givenFirst = shared();
    const family = shared();
    const givenPhonetic = shared();
    const familyPhonetic = shared();
    const birthDate = textOrNull();
    // The literal lists the fields in normaliseParty's order: the same shape, the same speed.
    visit({
      key,
      system,
      given,
      givenFirst,
      givenCanonical: canonicalGivenNames(givenFirst),
      family,
      givenPhonetic,
      familyPhonetic,
      birthDate: birthDate === null ? null : intern(birthDate),
      nationalId: textOrNull(),
      phones: text(),
      emails: text(),
      postcode: text(),
      houseNumber: shared(),
      unit: shared(),
      street: shared(),
      locality: shared(),
    });
  }
}
