/**
 * A hand-written model for tests: every comparison's first level has m = 0.9, u = 0.01, the
 * last ("else") m = 0.02, u = 0.9, levels between share the rest evenly; the prior is 1/1000.
 * Weights are then known by hand (log2(0.9/0.01) for an exact level, and so on).
 */
import { COMPARISONS } from './comparisons';
import { MODEL_FORMAT, MODEL_VERSION, type MatchModel, type TermFrequencies } from './matchModel';

export function handModel(termFrequencies: Partial<Record<'givenName' | 'familyName', TermFrequencies>> = {}): MatchModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    probabilityTwoRandomRecordsMatch: 0.001,
    comparisons: COMPARISONS.map((c) => {
      const n = c.levels.length;
      const levels = c.levels.map((level, l) => {
        if (l === 0) return { label: level.label, m: 0.9, u: 0.01 };
        if (l === n - 1) return { label: level.label, m: 0.02, u: 0.9 };
        return { label: level.label, m: 0.04, u: 0.02 };
      });
      const tf = c.name === 'givenName' || c.name === 'familyName' ? termFrequencies[c.name] ?? { values: {}, floor: 0.001, minCount: 1 } : undefined;
      return tf ? { name: c.name, levels, termFrequencies: tf } : { name: c.name, levels };
    }),
    training: { records: 0, candidatePairs: 0, randomPairs: 0, emIterations: 0, converged: true, matchShareOfCandidates: 0 },
  };
}
