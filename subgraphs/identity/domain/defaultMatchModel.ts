/**
 * The model used when a run has neither a model in its config nor enough records to train one
 * (an identity service starting empty, a test with six records): the model trained on the
 * generated default population (2,000 persons, seed 42), committed as defaultMatchModel.json.
 *
 * Its name frequencies are those of the generated population and say nothing about the
 * records it is applied to, so they are left out: with this model an exact name counts as an
 * average name, neither rare nor common.
 *
 * Regenerate it after changing comparisons or the generator:
 *   npm run dataset -- --out /tmp/ds-default
 *   npm run match:train -- --dataset /tmp/ds-default --output subgraphs/identity/domain/defaultMatchModel.json
 */
import { parseModel, type MatchModel } from './matchModel';

let cached: MatchModel | null = null;

export function defaultMatchModel(): MatchModel {
  // Read at first use, checked like any model file.
  cached ??= withoutTermFrequencies(parseModel(require('./defaultMatchModel.json'), 'defaultMatchModel.json'));
  return cached;
}

/** The model with every term-frequency table emptied and its floor set to the exact level's u (no adjustment). */
export function withoutTermFrequencies(model: MatchModel): MatchModel {
  return {
    ...model,
    comparisons: model.comparisons.map((c) => (c.termFrequencies ? { ...c, termFrequencies: { values: {}, floor: c.levels[0].u, minCount: c.termFrequencies.minCount } } : c)),
  };
}
