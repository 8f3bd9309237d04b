/**
 * What a data steward asks of a resolution state, as pure functions: the review queue, and the
 * score and explanation of any two records.
 */
import { defaultMatchModel } from './defaultMatchModel';
import { explainPair, type PairExplanation } from './explainPair';
import type { ResolutionState } from './incrementalResolution';
import { compileModel, type CompiledModel, type MatchModel } from './matchModel';
import { sourceKey } from './normalisedParty';
import { reviewQueue, type ReviewItem } from './reviewQueue';
import type { SourceRef } from './stewardOverrides';

const compiledModels = new WeakMap<MatchModel, CompiledModel>();

/** The state's model, compiled once per model object. */
export function compiledModelOf(state: ResolutionState): CompiledModel {
  const model = state.config.model ?? defaultMatchModel();
  let compiled = compiledModels.get(model);
  if (!compiled) {
    compiled = compileModel(model);
    compiledModels.set(model, compiled);
  }
  return compiled;
}

/** The stewards' queue of the state: undecided review-band pairs and linked pairs kept apart. */
export function reviewQueueOf(state: ResolutionState): ReviewItem[] {
  return reviewQueue(state.reviewPairs?.values() ?? [], state.overrides, state.config.thresholds, (key) => state.clusterOf.get(key));
}

/** The explanation of two records of the state, or null when either is unknown. */
export function explainStatePair(state: ResolutionState, a: SourceRef, b: SourceRef): PairExplanation | null {
  const x = state.parties.get(sourceKey(a.system, a.localId));
  const y = state.parties.get(sourceKey(b.system, b.localId));
  if (!x || !y) return null;
  return explainPair(x, y, compiledModelOf(state), state.config);
}

/** The match probability of two records of the state, or null when either is unknown. */
export function scoreStatePair(state: ResolutionState, a: SourceRef, b: SourceRef): number | null {
  return explainStatePair(state, a, b)?.probability ?? null;
}
