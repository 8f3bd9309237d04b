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

const counts = new Int32Array(65536);

/** How many characters the two strings have in common, counted as multisets. */
function commonCharacters(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]++;
  let common = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (counts[c] > 0) {
      counts[c]--;
      common++;
    }
  }
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)] = 0;
  return common;
}

/**
 * The Jaro-Winkler similarity when it can reach `min`, else 0. Most pairs a matcher looks at
 * share few letters, and an upper bound from the letters they share settles those without the
 * full computation: Jaro counts at most the common letters as matches, so it is at most
 * (c/|a| + c/|b| + 1) / 3, and Winkler's prefix bonus adds at most 0.4 of the rest.
 */
export function jaroWinklerAtLeast(a: string, b: string, min: number): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const c = commonCharacters(a, b);
  const jaroBound = (c / a.length + c / b.length + 1) / 3;
  const bound = jaroBound > 0.7 ? jaroBound + 0.4 * (1 - jaroBound) : jaroBound;
  return bound < min ? 0 : jaroWinklerSimilarity(a, b);
}

/**
 * The number of keying errors (insert, delete, substitute, swap two neighbours) between two
 * strings when it is at most `max`; `max + 1` when it is more (computed with an early stop).
 */
export function editsUpTo(a: string, b: string, max: number): number {
  if (a === b) return 0;
  // Cheap necessary conditions first: most compared strings are far apart, and the library
  // allocates two arrays a call.
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (max === 1 && !mayBeOneEditApart(a, b)) return 2;
  const d = damerauLevenshtein.limited(max, a, b);
  return d === Infinity ? max + 1 : d;
}

/**
 * False when a and b are surely more than one edit apart: one edit (or one swap of neighbours)
 * leaves at most two characters of each string outside their common prefix and suffix.
 */
function mayBeOneEditApart(a: string, b: string): boolean {
  let start = 0;
  const shorter = Math.min(a.length, b.length);
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return endA - start <= 2 && endB - start <= 2;
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
