/**
 * The blocking rules: which keys a record is filed under, so that only records sharing a key are
 * compared. Their union decides which pairs the model ever sees, so they are chosen so that each
 * kind of corruption leaves at least one key intact: a typo in one name leaves the other name's
 * keys, a wholly replaced birth date leaves the postcode keys, names mangled on both sides leave
 * the address keys, and names that only sound alike (and moved house) meet in the phonetic key.
 *
 * Each key is one to three parts; its string form is `prefix + part1 [+ ':' + part2 [+ ':' + part3]]`.
 *
 * The phonetic-names key grows less selective as the population grows: at a million persons its
 * blocks pass `maxBlockSize` and are skipped. Its refined companions (+ birth year, + town) keep
 * small blocks there. On a small population they lie inside compared phonetic blocks and add no
 * pair. At scale they matter less for the true pairs they find than for the different persons
 * who sound alike: those are what EM learns the non-matches from; without them the candidates
 * of a million persons are half matches and EM learned that a stale address outweighs a shared
 * phone, email and birth date (recall 0.9841; BENCHMARK_NOTES.md). Being there for training, they
 * compare a sample of the pairs they add (`sampleOneIn`), each sampled pair counted for the ones
 * left out: at a million persons they add 10.5 M pairs, which found no true pair the other rules
 * missed (recall 0.9986 scoring without them) and were a third of the run's time.
 */
import { forEachValue, type NormalisedParty } from './normalisedParty';

/** Receives one key of a record, as its parts. */
export type KeySink = (part1: string, part2?: string, part3?: string) => void;

export interface BlockingRule {
  name: BlockingRuleName;
  /** Distinct per rule, so keys of two rules never collide. */
  prefix: string;
  description: string;
  keysOf(p: NormalisedParty, emit: KeySink): void;
  /**
   * Compare only one in this many of the pairs this rule adds (pairs an earlier rule produced
   * are not affected), chosen by the two records' keys so that every run over the same records
   * picks the same ones; training counts each compared one this many times. Absent: every pair.
   */
  sampleOneIn?: number;
}

/** One in this many of the pairs a training rule adds is compared (see BlockingRule.sampleOneIn). */
const TRAINING_SAMPLE = 4;

export const BLOCKING_RULE_NAMES = [
  'nationalId',
  'email',
  'phone',
  'birthDateName',
  'postcodeName',
  'postcodeHouse',
  'birthDatePostcode',
  'phoneticNames',
  'localityStreet',
  'phoneticNamesYear',
  'phoneticNamesTown',
] as const;
export type BlockingRuleName = (typeof BLOCKING_RULE_NAMES)[number];

/** Both names' phonetic codes in a fixed order (systems swap the two fields); nothing when a name (or a given name beyond an initial) is missing. */
function phoneticPair(p: NormalisedParty, emit: (first: string, second: string) => void): void {
  const g = p.givenFirst.length > 1 ? p.givenPhonetic : '';
  const f = p.familyPhonetic;
  if (g && f) emit(g < f ? g : f, g < f ? f : g);
}

/** Each name token a record is filed under: the first given name (not an initial) and the family name, whichever field holds them. */
function eachNameToken(p: NormalisedParty, emit: (token: string) => void): void {
  const given = p.givenFirst.length > 1 ? p.givenFirst : '';
  if (given) emit(given);
  if (p.family && p.family !== given) emit(p.family);
}

export const BLOCKING_RULES: Readonly<Record<BlockingRuleName, BlockingRule>> = {
  nationalId: {
    name: 'nationalId',
    prefix: 'n:',
    description: 'the same national id',
    keysOf: (p, emit) => {
      if (p.nationalId) emit(p.nationalId);
    },
  },
  email: {
    name: 'email',
    prefix: 'e:',
    description: 'an email address in common',
    keysOf: (p, emit) => {
      forEachValue(p.emails, (e) => emit(e));
    },
  },
  phone: {
    name: 'phone',
    prefix: 't:',
    description: 'a phone number in common',
    keysOf: (p, emit) => {
      forEachValue(p.phones, (t) => emit(t));
    },
  },
  birthDateName: {
    name: 'birthDateName',
    prefix: 'd:',
    description: 'the same birth date and a name token in common',
    keysOf: (p, emit) => {
      if (p.birthDate) eachNameToken(p, (t) => emit(p.birthDate!, t));
    },
  },
  postcodeName: {
    name: 'postcodeName',
    prefix: 'a:',
    description: 'the same postcode and a name token in common',
    keysOf: (p, emit) => {
      if (p.postcode) eachNameToken(p, (t) => emit(p.postcode, t));
    },
  },
  postcodeHouse: {
    name: 'postcodeHouse',
    prefix: 'h:',
    description: 'the same postcode and house number (a household is a small block)',
    keysOf: (p, emit) => {
      if (p.postcode && p.houseNumber) emit(p.postcode, p.houseNumber);
    },
  },
  birthDatePostcode: {
    name: 'birthDatePostcode',
    prefix: 'b:',
    description: 'the same birth date and postcode (both names mistyped or replaced)',
    keysOf: (p, emit) => {
      if (p.birthDate && p.postcode) emit(p.birthDate, p.postcode);
    },
  },
  phoneticNames: {
    name: 'phoneticNames',
    prefix: 'p:',
    description: 'both names sound alike (Double Metaphone), in either order',
    keysOf: (p, emit) => phoneticPair(p, emit),
  },
  localityStreet: {
    name: 'localityStreet',
    prefix: 's:',
    description: 'the same street in the same town (postcode and names changed)',
    keysOf: (p, emit) => {
      if (p.locality && p.street) emit(p.locality, p.street);
    },
  },
  phoneticNamesYear: {
    name: 'phoneticNamesYear',
    sampleOneIn: TRAINING_SAMPLE,
    prefix: 'y:',
    description: 'both names sound alike and the same birth year (phoneticNames, refined for large populations)',
    keysOf: (p, emit) => {
      if (p.birthDate) phoneticPair(p, (a, b) => emit(a, b, p.birthDate!.slice(0, 4)));
    },
  },
  phoneticNamesTown: {
    name: 'phoneticNamesTown',
    sampleOneIn: TRAINING_SAMPLE,
    prefix: 'w:',
    description: 'both names sound alike in the same town (phoneticNames, refined for large populations)',
    keysOf: (p, emit) => {
      if (p.locality) phoneticPair(p, (a, b) => emit(a, b, p.locality));
    },
  },
};

/** The record's keys under one rule, as strings. */
export function blockingKeysOfRule(p: NormalisedParty, rule: BlockingRule): string[] {
  const keys: string[] = [];
  rule.keysOf(p, (a, b, c) => keys.push(b === undefined ? rule.prefix + a : c === undefined ? `${rule.prefix}${a}:${b}` : `${rule.prefix}${a}:${b}:${c}`));
  return keys;
}
