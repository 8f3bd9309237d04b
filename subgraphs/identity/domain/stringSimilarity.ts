/**
 * The string measures the matcher compares names and addresses with, from one maintained
 * library (`talisman`): Jaro-Winkler for similarity, Damerau-Levenshtein (optimal string
 * alignment) for counting keying errors, Double Metaphone for "sounds like".
 */
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import jaroWinklerSimilarity from 'talisman/metrics/jaro-winkler';
import doubleMetaphone from 'talisman/phonetics/double-metaphone';

/** Jaro-Winkler similarity in [0, 1]; 1 for equal strings. */
export function jaroWinkler(a: string, b: string): number {
  return a === b ? 1 : jaroWinklerSimilarity(a, b);
}

/**
 * The number of keying errors (insert, delete, substitute, swap two neighbours) between two
 * strings when it is at most `max`; `max + 1` when it is more (computed with an early stop).
 */
export function editsUpTo(a: string, b: string, max: number): number {
  const d = damerauLevenshtein.limited(max, a, b);
  return d === Infinity ? max + 1 : d;
}

// Names repeat across a population: the phonetic code of each distinct name is computed once.
const phoneticCache = new Map<string, string>();
const PHONETIC_CACHE_MAX = 200_000;

/**
 * The Double Metaphone primary code of a name (upper-case ASCII letters; other characters are
 * ignored), '' for an empty name. `KATHERINE` and `CATHERINE` both give `K0RN`.
 */
export function phoneticCode(name: string): string {
  if (!name) return '';
  let code = phoneticCache.get(name);
  if (code === undefined) {
    code = doubleMetaphone(name)[0];
    if (phoneticCache.size < PHONETIC_CACHE_MAX) phoneticCache.set(name, code);
  }
  return code;
}
