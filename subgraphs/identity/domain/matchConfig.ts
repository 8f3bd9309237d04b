/**
 * The matcher's settings: everything that is a decision rather than a learned parameter. The
 * weights are not here: each comparison level's m and u are learned from the data by
 * trainModel.ts and carried in `model` (a readable JSON file, see matchModel.ts). One
 * configuration serves every data set; only the model differs.
 */
import type { SourceSystem } from '../../../adapters/canonical';
import type { BlockingRuleName } from './blockingRules';
import type { MatchModel } from './matchModel';

export interface MatchThresholds {
  /** A pair at or above this match probability is linked. */
  link: number;
  /** Between this and `link` a pair goes to the data stewards' review queue; below it, not linked. */
  review: number;
}

export interface TrainingSettings {
  /** Random record pairs drawn to estimate u (how often two different persons agree by chance). */
  randomPairs: number;
  /** Seed of that draw, so training the same data twice gives the same model. */
  seed: number;
  maxIterations: number;
  /** EM stops when no m or u moves by more than this between two iterations. */
  tolerance: number;
  /**
   * Term frequencies are kept in the model only for values held by at least this many records;
   * rarer values count as unique. The model file thus lists no name that only a handful of
   * customers carry.
   */
  termFrequencyMinCount: number;
  /**
   * Fewer records than this are too few to learn from: without a model in the config, such a
   * run uses the default model (defaultMatchModel.ts) instead of training.
   */
  minRecords: number;
}

export interface MatchConfig {
  thresholds: MatchThresholds;
  /** The blocking rules, in order (a pair is produced by the first rule it shares a key of). */
  blockingRules: readonly BlockingRuleName[];
  /** Blocks with more records than this are skipped (the key is too common to discriminate). */
  maxBlockSize: number;
  /** No cluster grows beyond this many source records (a guard against runaway chaining). */
  maxClusterSize: number;
  training: TrainingSettings;
  /**
   * Systems whose emails are verified (the customer confirmed the address): two records of these
   * systems sharing an email are one person as a matter of fact, whatever the model says.
   */
  verifiedEmailSystems: readonly SourceSystem[];
  /** The trained model; absent, the matcher trains one on the records it resolves. */
  model?: MatchModel;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  thresholds: { link: 0.9, review: 0.5 },
  blockingRules: ['nationalId', 'email', 'phone', 'birthDateName', 'postcodeName', 'postcodeHouse', 'birthDatePostcode', 'phoneticNames', 'localityStreet', 'phoneticNamesYear', 'phoneticNamesTown'],
  maxBlockSize: 64,
  maxClusterSize: 16,
  training: { randomPairs: 1_000_000, seed: 1, maxIterations: 100, tolerance: 1e-5, termFrequencyMinCount: 5, minRecords: 500 },
  verifiedEmailSystems: [],
};
