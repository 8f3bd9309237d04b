/**
 * Every threshold and weight the matcher uses, in one documented place.
 *
 * Scoring is additive evidence in the spirit of Fellegi-Sunter: each field comparison adds a
 * weight (positive when the values agree, negative when they clearly disagree, zero when one is
 * missing). Rare identifiers weigh more than common ones; disagreement on values that go stale
 * (email, phone, address) costs little, disagreement on values that do not (birth date, name)
 * costs a lot. A pair is a STRONG link at `strongThreshold`, a WEAK one at `weakThreshold`.
 *
 * Tuned on the generated population (simulators/dataset, seed 42): see BENCHMARK_NOTES.md.
 */
export interface MatchConfig {
  weights: {
    /** The same normalised email address. Emails are personal; families rarely share one. */
    emailSame: number;
    /** Both hold emails and none is shared: often just an out-of-date address. */
    emailDifferent: number;
    /** The same E.164 phone. Less than email: a household may share a landline or mobile. */
    phoneSame: number;
    phoneDifferent: number;
    birthDateSame: number;
    /** One digit differs or day/month swapped: a keying error, weak evidence for. */
    birthDateNear: number;
    /** Birth dates do not change: a real difference is strong evidence against. */
    birthDateDifferent: number;
    givenSame: number;
    /** Jaro-Winkler above `givenFuzzy`, or one name truncated to the other's prefix. */
    givenFuzzy: number;
    /** One side holds an initial only (long names on cards shrink to `SMITH/J`). */
    givenInitial: number;
    givenDifferent: number;
    familySame: number;
    familyFuzzy: number;
    familyDifferent: number;
    /** Same postcode and house number (and flat, when both hold one). */
    addressSame: number;
    /** Same postcode, different or missing house number. */
    addressPostcode: number;
    /** Both hold a postcode and they differ: people move, so this costs little. */
    addressDifferent: number;
  };
  similarity: {
    /**
     * Jaro-Winkler (as computed by @skyra/jaro-winkler, which scores lower than the textbook
     * variant) at or above which two given names count as the same name mistyped ('fuzzy').
     */
    givenFuzzy: number;
    /** Below fuzzy but at or above this: 'near', a typo or another name (MARK / MARY score 0.88). */
    givenNear: number;
    familyFuzzy: number;
    familyNear: number;
    /** A truncated name (cards cut at 26 characters) counts as fuzzy when the shared prefix is this long. */
    minPrefix: number;
  };
  /** A pair scoring this much is merged on its own. */
  strongThreshold: number;
  /** A pair scoring this much (but under strong) needs a second weak link to the same cluster. */
  weakThreshold: number;
  /** Number of weak links between two clusters that together justify a merge. */
  weakLinksToMerge: number;
  /** Blocks with more records than this are skipped (the key is too common to discriminate). */
  maxBlockSize: number;
  /** No cluster grows beyond this many source records (a guard against runaway chaining). */
  maxClusterSize: number;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  weights: {
    emailSame: 7,
    emailDifferent: -0.5,
    phoneSame: 5,
    phoneDifferent: -0.5,
    birthDateSame: 5,
    birthDateNear: 1,
    birthDateDifferent: -6,
    givenSame: 3,
    givenFuzzy: 2,
    givenInitial: 1,
    givenDifferent: -4,
    familySame: 3,
    familyFuzzy: 2,
    familyDifferent: -4,
    addressSame: 3,
    addressPostcode: 1,
    addressDifferent: -0.5,
  },
  similarity: {
    givenFuzzy: 0.9,
    givenNear: 0.8,
    familyFuzzy: 0.88,
    familyNear: 0.8,
    minPrefix: 4,
  },
  strongThreshold: 8,
  weakThreshold: 6,
  weakLinksToMerge: 2,
  maxBlockSize: 64,
  maxClusterSize: 16,
};
