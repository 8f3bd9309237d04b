/**
 * The model used when a run has neither a model in its config nor enough records to train one
 * (an identity service starting empty, a test with six records): the model trained on the
 * generated default population (2,000 persons, seed 42), committed as defaultMatchModel.json.
 *
 * Regenerate it after changing comparisons or the generator:
 *   npm run dataset -- --out /tmp/ds-default
 *   npm run match:train -- --dataset /tmp/ds-default --output subgraphs/identity/domain/defaultMatchModel.json
 */
import { parseModel, type MatchModel } from './matchModel';

let cached: MatchModel | null = null;

export function defaultMatchModel(): MatchModel {
  // Read at first use, checked like any model file.
  cached ??= parseModel(require('./defaultMatchModel.json'), 'defaultMatchModel.json');
  return cached;
}
