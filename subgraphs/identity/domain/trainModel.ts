/**
 * Training: estimates the model's parameters on the data itself, so no weight is set by hand
 * for any data set.
 *
 * - u (how often two different persons agree at each level) from record pairs drawn at random:
 *   almost every random pair is two different persons.
 * - m (how often one person's two records agree at each level) by expectation-maximisation over
 *   the candidate pairs that blocking produced (expectationMaximisation.ts), a pair of a sampled
 *   blocking rule counted for the pairs its sample left out. EM also estimates a
 *   u for those pairs, which is not the population's (blocked pairs agree on their keys by
 *   construction); it is used only to separate the two classes, and the random-pair u is kept.
 * - the prior from EM's share of matches among the candidates, spread over all pairs.
 * - term frequencies of given and family names, counted over the records.
 */
import { COMPARISONS, COMPARISON_COUNT, compareRecords, levelOf, patternOf } from './comparisons';
import type { CandidatePairStore } from './candidatePairStore';
import { expectationMaximisation, patternsOfCounts, type EmParameters } from './expectationMaximisation';
import type { MatchConfig } from './matchConfig';
import { MODEL_FORMAT, MODEL_VERSION, type ComparisonParameters, type MatchModel, type TermFrequencies } from './matchModel';
import type { NormalisedParty } from './normalisedParty';

interface PureRandGenerator {
  next(): number;
}
// pure-rand 8 publishes only subpath exports, which `moduleResolution: node` cannot type.
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as { xoroshiro128plus(seed: number): PureRandGenerator };
const { uniformInt } = require('pure-rand/distribution/uniformInt') as { uniformInt(rng: PureRandGenerator, from: number, to: number): number };

const LEVEL_COUNTS = COMPARISONS.map((c) => c.levels.length);

/** Level counts per comparison over `pairs` record pairs drawn at random (all pairs when there are fewer). */
export function randomPairLevelCounts(parties: readonly NormalisedParty[], pairs: number, seed: number): { counts: number[][]; pairs: number } {
  const counts = LEVEL_COUNTS.map((n) => new Array<number>(n).fill(0));
  // Identical vectors are counted once and spread over the levels at the end.
  const vectors = new Map<number, number>();
  const add = (gamma: number): void => {
    const pattern = patternOf(gamma);
    vectors.set(pattern, (vectors.get(pattern) ?? 0) + 1);
  };
  const spread = (): void => {
    for (const [gamma, count] of vectors) {
      for (let c = 0; c < COMPARISON_COUNT; c++) {
        const level = levelOf(gamma, c);
        if (level > 0) counts[c][level - 1] += count;
      }
    }
  };
  const n = parties.length;
  const all = (n * (n - 1)) / 2;
  if (all <= pairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(compareRecords(parties[i], parties[j]));
    spread();
    return { counts, pairs: all };
  }
  const rng = xoroshiro128plus(seed);
  for (let k = 0; k < pairs; k++) {
    const i = uniformInt(rng, 0, n - 1);
    let j = uniformInt(rng, 0, n - 2);
    if (j >= i) j++;
    add(compareRecords(parties[i], parties[j]));
  }
  spread();
  return { counts, pairs };
}

/** Smoothed shares of each level (a level never seen still gets a small, finite probability). */
function shares(counts: readonly number[], pseudo = 0.5): number[] {
  const total = counts.reduce((s, x) => s + x, 0);
  return counts.map((x) => (x + pseudo / counts.length) / (total + pseudo));
}

/** Share of records holding each value of one field (values held by fewer than `minCount` records left out). */
export function termFrequencies(values: Iterable<string>, minCount: number): TermFrequencies {
  const counts = new Map<string, number>();
  let total = 0;
  for (const v of values) {
    if (!v) continue;
    total++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const listed: Record<string, number> = {};
  for (const [v, count] of [...counts.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) if (count >= minCount) listed[v] = count / total;
  return { values: listed, floor: 1 / Math.max(2, total), minCount };
}

/**
 * The u of non-matches from the shares among random pairs: a random pair is one person with
 * probability `prior` (per comparison: among the pairs that both hold the field), so a level's
 * share among random pairs is prior·m + (1 - prior)·u. For
 * an identifier that only one person's records share (a personal mobile) the matches are most
 * of the random pairs that agree, and counting them as non-matches would make the identifier
 * look no rarer than the chance of picking two records of one person. Corrected shares are kept
 * above what the sample can resolve (half a pair in `sampled`), then normalised.
 */
export function withoutMatches(randomShares: number[][], m: number[][], prior: number | readonly number[], sampled: number): number[][] {
  return randomShares.map((row, c) => {
    const floor = 0.5 / (sampled + 1);
    const p = typeof prior === 'number' ? prior : prior[c];
    const corrected = row.map((share, l) => Math.max(floor, (share - p * m[c][l]) / (1 - p)));
    const sum = corrected.reduce((s, x) => s + x, 0);
    return corrected.map((x) => x / sum);
  });
}

/**
 * A starting point for EM that says nothing about any data set: for matches, each level half
 * as likely as the one above it and "else" rare; for non-matches, the random-pair shares.
 */
function initialParameters(u: number[][]): EmParameters {
  const m = LEVEL_COUNTS.map((n) => {
    const raw = Array.from({ length: n }, (_, l) => (l === n - 1 ? 0.05 : 2 ** -l));
    const sum = raw.reduce((s, x) => s + x, 0);
    return raw.map((x) => x / sum);
  });
  return { m, u: u.map((row) => [...row]), lambda: 0.1 };
}

export interface TrainingInput {
  /** The records, sorted and deduplicated (indexes in `candidates` refer to them). */
  parties: readonly NormalisedParty[];
  /** The candidate pairs blocking produced, compared. */
  candidates: CandidatePairStore;
}

export function trainModel({ parties, candidates }: TrainingInput, config: MatchConfig): MatchModel {
  const settings = config.training;
  const random = randomPairLevelCounts(parties, settings.randomPairs, settings.seed);
  const u = random.counts.map((row) => shares(row));
  // A pair from a sampled blocking rule counts for the pairs of its rule left out of the sample.
  const counts = new Map<number, number>();
  let weighted = 0;
  for (let k = 0; k < candidates.length; k++) {
    const pattern = patternOf(candidates.gamma[k]);
    counts.set(pattern, (counts.get(pattern) ?? 0) + candidates.weight[k]);
    weighted += candidates.weight[k];
  }
  const patterns = patternsOfCounts(counts, LEVEL_COUNTS, levelOf);
  const em = expectationMaximisation(patterns, initialParameters(u), {
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
    pseudoCount: 1,
    priorShares: { m: u },
  });
  const n = parties.length;
  const allPairs = Math.max(1, (n * (n - 1)) / 2);
  const expectedMatches = em.lambda * weighted;
  const prior = Math.min(0.5, Math.max(1 / (allPairs * 10), expectedMatches / allPairs));
  // The prior among pairs that both hold a field differs from the prior over all pairs (only
  // core banking and cards hold birth dates): scale it by how much more often matches hold it.
  const priors = random.counts.map((row, c) => {
    const present = row.reduce((s, x) => s + x, 0) / Math.max(1, random.pairs);
    return present > 0 ? Math.min(0.5, (prior * em.matchPresence[c]) / present) : prior;
  });
  const uOfNonMatches = withoutMatches(u, em.m, priors, random.pairs);
  const comparisons: ComparisonParameters[] = COMPARISONS.map((definition, c) => {
    const levels = definition.levels.map((level, l) => ({ label: level.label, m: em.m[c][l], u: uOfNonMatches[c][l] }));
    if (!definition.termFrequency) return { name: definition.name, levels };
    const values = parties.map((p) => (definition.name === 'givenName' ? p.givenFirst : p.family));
    return { name: definition.name, levels, termFrequencies: termFrequencies(values, settings.termFrequencyMinCount) };
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    probabilityTwoRandomRecordsMatch: prior,
    comparisons,
    training: {
      records: n,
      candidatePairs: candidates.length,
      randomPairs: random.pairs,
      emIterations: em.iterations,
      converged: em.converged,
      matchShareOfCandidates: em.lambda,
    },
  };
}
