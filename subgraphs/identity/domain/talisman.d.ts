/**
 * Types for the parts of `talisman` the matcher uses (the package ships JavaScript only). Each
 * module's `module.exports` is the function itself.
 */
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, boost threshold 0.7). */
  function jaroWinkler(a: string, b: string): number;
  export = jaroWinkler;
}

declare module 'talisman/metrics/damerau-levenshtein' {
  /** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
  function damerauLevenshtein(a: string, b: string): number;
  namespace damerauLevenshtein {
    /** The distance when it is at most `max`, else Infinity (stops early). */
    function limited(max: number, a: string, b: string): number;
  }
  export = damerauLevenshtein;
}

declare module 'talisman/phonetics/double-metaphone' {
  /** Lawrence Philips' Double Metaphone: [primary, secondary] codes. */
  function doubleMetaphone(word: string): [string, string];
  export = doubleMetaphone;
}
