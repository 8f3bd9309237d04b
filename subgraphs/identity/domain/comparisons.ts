/**
 * The comparisons of the Fellegi-Sunter model: for each field, graded levels of agreement from
 * the strongest to "else". What a level is worth is not here: each level's m and u (and so its
 * weight log2(m/u)) are learned from the data (trainModel.ts) and kept in the model file.
 *
 * A pair's comparison vector (gamma) holds one level per comparison: 0 when either record lacks
 * the field (no evidence either way), else 1..levels.length in the order listed below (the first
 * level whose condition holds). The vector is packed into one unsigned 32-bit number so that
 * millions of candidate pairs cost four bytes each, and so that identical vectors can be counted
 * as one pattern during training.
 */
import { editsUpTo, jaroWinklerAtLeast } from './stringSimilarity';
import { shareAValue, type NormalisedParty, type ValueList } from './normalisedParty';

export interface ComparisonLevel {
  /** Stable name of the level, used in the model file and in explanations. */
  label: string;
  description: string;
}

export interface ComparisonDefinition {
  name: ComparisonName;
  description: string;
  /** Levels from the strongest agreement to the weakest; the last one is "everything else". */
  levels: readonly ComparisonLevel[];
  /**
   * Whether the exact level is adjusted for how common the value is (term frequency): two
   * records agreeing on a rare surname are stronger evidence than two agreeing on SMITH.
   */
  termFrequency: boolean;
}

export const COMPARISON_NAMES = ['givenName', 'familyName', 'birthDate', 'nationalId', 'postcode', 'street', 'locality', 'phone', 'email'] as const;
export type ComparisonName = (typeof COMPARISON_NAMES)[number];

/** Jaro-Winkler bands of the name and address levels. */
export const SIMILARITY = { high: 0.9, low: 0.8, street: 0.88 } as const;

const lvl = (label: string, description: string): ComparisonLevel => ({ label, description });

export const COMPARISONS: readonly ComparisonDefinition[] = [
  {
    name: 'givenName',
    description: 'first given name (given and family names read crosswise when that fits better)',
    termFrequency: true,
    levels: [
      lvl('exact', 'the same name'),
      lvl('nickname', 'one is a nickname of the other (nickname table)'),
      lvl('oneEdit', 'one keying error apart'),
      lvl('jaroWinkler90', `Jaro-Winkler similarity at least ${SIMILARITY.high}`),
      lvl('phonetic', 'the same Double Metaphone code'),
      lvl('jaroWinkler80', `Jaro-Winkler similarity at least ${SIMILARITY.low}`),
      lvl('initial', 'one side holds an initial that fits'),
      lvl('else', 'different names'),
    ],
  },
  {
    name: 'familyName',
    description: 'family name, spaces removed',
    termFrequency: true,
    levels: [
      lvl('exact', 'the same name'),
      lvl('oneEdit', 'one keying error apart'),
      lvl('jaroWinkler90', `Jaro-Winkler similarity at least ${SIMILARITY.high}`),
      lvl('phonetic', 'the same Double Metaphone code'),
      lvl('jaroWinkler80', `Jaro-Winkler similarity at least ${SIMILARITY.low}`),
      lvl('else', 'different names'),
    ],
  },
  {
    name: 'birthDate',
    description: 'date of birth',
    termFrequency: false,
    levels: [
      lvl('exact', 'the same date'),
      lvl('oneTypo', 'one digit differs, or two neighbouring digits swapped'),
      lvl('dayMonthSwapped', 'day and month swapped'),
      lvl('sameYear', 'the same year only'),
      lvl('else', 'different dates'),
    ],
  },
  {
    name: 'nationalId',
    description: 'national identifier, spaces and case removed',
    termFrequency: false,
    levels: [lvl('exact', 'the same identifier'), lvl('oneEdit', 'one keying error apart'), lvl('twoEdits', 'two keying errors apart'), lvl('else', 'different identifiers')],
  },
  {
    name: 'postcode',
    description: 'postcode, spaces removed',
    termFrequency: false,
    levels: [lvl('exact', 'the same postcode'), lvl('oneEdit', 'one keying error apart'), lvl('else', 'different postcodes')],
  },
  {
    name: 'street',
    description: 'house number and street (flat or unit when both hold one)',
    termFrequency: false,
    levels: [
      lvl('exact', 'the same number and street'),
      lvl('numberAndSimilarStreet', `the same number, street Jaro-Winkler at least ${SIMILARITY.street}`),
      lvl('similarStreet', 'a similar street, the number differs or is missing'),
      lvl('numberOnly', 'the same number on another street'),
      lvl('else', 'different street addresses'),
    ],
  },
  {
    name: 'locality',
    description: 'town or suburb, spaces removed',
    termFrequency: false,
    levels: [lvl('exact', 'the same town'), lvl('similar', `Jaro-Winkler similarity at least ${SIMILARITY.high}`), lvl('else', 'different towns')],
  },
  {
    name: 'phone',
    description: 'phone numbers (E.164); any shared number counts',
    termFrequency: false,
    levels: [lvl('shared', 'a number in common'), lvl('else', 'no number in common')],
  },
  {
    name: 'email',
    description: 'email addresses; any shared address counts',
    termFrequency: false,
    levels: [lvl('shared', 'an address in common'), lvl('else', 'no address in common')],
  },
];

/** Bits each comparison takes in the packed vector (level 0 = missing included). */
const BITS: readonly number[] = COMPARISONS.map((c) => Math.ceil(Math.log2(c.levels.length + 1)));
const SHIFTS: readonly number[] = BITS.map((_, i) => BITS.slice(0, i).reduce((s, b) => s + b, 0));
const MASKS: readonly number[] = BITS.map((b) => (1 << b) - 1);
/** 2^shift of each comparison, so packing is a multiply-add. */
const [M0, M1, M2, M3, M4, M5, M6, M7, M8] = SHIFTS.map((s) => 2 ** s);
/** Set when the names agreed better read crosswise (given against family): term frequencies are looked up accordingly. */
export const SWAPPED_NAMES_BIT = SHIFTS[SHIFTS.length - 1] + BITS[BITS.length - 1];
if (SWAPPED_NAMES_BIT > 31) throw new Error('comparison vector does not fit 32 bits');
const SWAPPED_FLAG = 2 ** SWAPPED_NAMES_BIT;

export const COMPARISON_COUNT = COMPARISONS.length;

/** Where each comparison's level sits in a packed vector: `(gamma >>> shifts[c]) & masks[c]`. */
export const LEVEL_LAYOUT: { readonly shifts: readonly number[]; readonly masks: readonly number[] } = { shifts: SHIFTS, masks: MASKS };

/** The level of comparison `c` in a packed vector. */
export function levelOf(gamma: number, c: number): number {
  return (gamma >>> SHIFTS[c]) & MASKS[c];
}

/** Packs levels (one per comparison) into a vector; the inverse of `levelOf`. */
export function packLevels(levels: ArrayLike<number>, swappedNames = false): number {
  let gamma = 0;
  for (let c = 0; c < COMPARISON_COUNT; c++) {
    if (levels[c] < 0 || levels[c] > COMPARISONS[c].levels.length) throw new RangeError(`level ${levels[c]} out of range for ${COMPARISONS[c].name}`);
    gamma += levels[c] * 2 ** SHIFTS[c];
  }
  return swappedNames ? gamma + 2 ** SWAPPED_NAMES_BIT : gamma;
}

export function namesSwapped(gamma: number): boolean {
  return ((gamma >>> SWAPPED_NAMES_BIT) & 1) === 1;
}

/** The vector without the swapped-names flag: two pairs with the same pattern count as one. */
export function patternOf(gamma: number): number {
  return gamma % 2 ** SWAPPED_NAMES_BIT;
}

// Level numbers, as the functions below return them.
const G = { exact: 1, nickname: 2, oneEdit: 3, jw90: 4, phonetic: 5, jw80: 6, initial: 7, else: 8 } as const;
const F = { exact: 1, oneEdit: 2, jw90: 3, phonetic: 4, jw80: 5, else: 6 } as const;

function canonicalNamesMeet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Given-name level: `a` and `b` are first given names (or, crosswise, a family name). */
export function givenNameLevel(a: string, aFull: string, aCanonical: readonly string[], aPhonetic: string, b: string, bFull: string, bCanonical: readonly string[], bPhonetic: string): number {
  if (!a || !b) return 0;
  if (a === b) return G.exact;
  // `MARY ANNE` and `MARYANNE`, or a space typed into a name.
  if ((aFull !== a || bFull !== b) && aFull.replace(/ /g, '') === bFull.replace(/ /g, '')) return G.exact;
  if (canonicalNamesMeet(aCanonical, bCanonical)) return G.nickname;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? G.initial : G.else;
  if (editsUpTo(a, b, 1) <= 1) return G.oneEdit;
  const similarity = jaroWinklerAtLeast(a, b, SIMILARITY.low);
  if (similarity >= SIMILARITY.high) return G.jw90;
  if (aPhonetic !== '' && aPhonetic === bPhonetic) return G.phonetic;
  if (similarity >= SIMILARITY.low) return G.jw80;
  return G.else;
}

export function familyNameLevel(a: string, aPhonetic: string, b: string, bPhonetic: string): number {
  if (!a || !b) return 0;
  if (a === b) return F.exact;
  if (editsUpTo(a, b, 1) <= 1) return F.oneEdit;
  const similarity = jaroWinklerAtLeast(a, b, SIMILARITY.low);
  if (similarity >= SIMILARITY.high) return F.jw90;
  if (aPhonetic !== '' && aPhonetic === bPhonetic) return F.phonetic;
  if (similarity >= SIMILARITY.low) return F.jw80;
  return F.else;
}

/** Levels of ISO dates (`YYYY-MM-DD`). */
export function birthDateLevel(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  let diffs = 0;
  let first = -1;
  let second = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      diffs++;
      if (first < 0) first = i;
      else second = i;
    }
  }
  if (diffs === 1) return 2;
  // Two neighbouring digits swapped (1987 / 1978); the dash between fields is never swapped.
  if (diffs === 2 && second === first + 1 && a[first] === b[second] && a[second] === b[first]) return 2;
  const sameYear = a.slice(0, 4) === b.slice(0, 4);
  if (sameYear && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) return 3;
  if (sameYear) return 4;
  return 5;
}

export function nationalIdLevel(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const edits = editsUpTo(a, b, 2);
  return edits === 1 ? 2 : edits === 2 ? 3 : 4;
}

export function postcodeLevel(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  return editsUpTo(a, b, 1) <= 1 ? 2 : 3;
}

export function streetLevel(a: NormalisedParty, b: NormalisedParty): number {
  if ((!a.street && !a.houseNumber) || (!b.street && !b.houseNumber)) return 0;
  const sameNumber = a.houseNumber !== '' && a.houseNumber === b.houseNumber && (!a.unit || !b.unit || a.unit === b.unit);
  const sameStreet = a.street !== '' && a.street === b.street;
  if (sameNumber && (sameStreet || (!a.street && !b.street))) return 1;
  const similarStreet = sameStreet || (a.street !== '' && b.street !== '' && jaroWinklerAtLeast(a.street, b.street, SIMILARITY.street) >= SIMILARITY.street);
  if (sameNumber && similarStreet) return 2;
  if (similarStreet) return 3;
  if (sameNumber) return 4;
  return 5;
}

export function localityLevel(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  return jaroWinklerAtLeast(a, b, SIMILARITY.high) >= SIMILARITY.high ? 2 : 3;
}

function sharedValueLevel(a: ValueList, b: ValueList): number {
  if (a === '' || b === '') return 0;
  return shareAValue(a, b) ? 1 : 2;
}

/** A name level's rank for choosing the better reading (lower is stronger; missing counts as weakest). */
const rank = (level: number, levels: number): number => (level === 0 ? levels + 1 : level);

/**
 * The comparison vector of two records, packed (see `levelOf`). Names are compared as given,
 * and crosswise (a's given name against b's family name and the reverse) when both records hold
 * both names and the crosswise reading agrees strictly better: systems swap the two fields.
 */
export function compareRecords(a: NormalisedParty, b: NormalisedParty): number {
  let given = givenNameLevel(a.givenFirst, a.given, a.givenCanonical, a.givenPhonetic, b.givenFirst, b.given, b.givenCanonical, b.givenPhonetic);
  let family = familyNameLevel(a.family, a.familyPhonetic, b.family, b.familyPhonetic);
  let swapped = false;
  if (
    a.givenFirst && a.family && b.givenFirst && b.family &&
    !(given === G.exact && family === F.exact) &&
    (a.givenFirst[0] === b.family[0] || a.family[0] === b.givenFirst[0])
  ) {
    const crossGiven = givenNameLevel(a.givenFirst, a.given, a.givenCanonical, a.givenPhonetic, b.family, b.family, [], b.familyPhonetic);
    const crossFamily = familyNameLevel(a.family, a.familyPhonetic, b.givenFirst, b.givenPhonetic);
    if (rank(crossGiven, 8) + rank(crossFamily, 6) < rank(given, 8) + rank(family, 6)) {
      given = crossGiven;
      family = crossFamily;
      swapped = true;
    }
  }
  let gamma =
    given * M0 +
    family * M1 +
    birthDateLevel(a.birthDate, b.birthDate) * M2 +
    nationalIdLevel(a.nationalId, b.nationalId) * M3 +
    postcodeLevel(a.postcode, b.postcode) * M4 +
    streetLevel(a, b) * M5 +
    localityLevel(a.locality, b.locality) * M6 +
    sharedValueLevel(a.phones, b.phones) * M7 +
    sharedValueLevel(a.emails, b.emails) * M8;
  if (swapped) gamma += SWAPPED_FLAG;
  return gamma;
}

/** The levels of a packed vector, one per comparison. */
export function levelsOf(gamma: number): number[] {
  return COMPARISONS.map((_, c) => levelOf(gamma, c));
}
