/**
 * Why the model scores a pair as it does: the prior and each comparison's contribution (its
 * level's weight log2(m/u), plus the term-frequency adjustment of an exact name), which add up
 * to the pair's match weight. Shown to stewards and auditors as a waterfall (as Splink does),
 * and by `npm run match -- --explain`. Levels and weights only: never the compared values.
 */
import { COMPARISONS, COMPARISON_COUNT, compareRecords, levelOf, namesSwapped, type ComparisonName } from './comparisons';
import type { MatchConfig } from './matchConfig';
import { matchWeight, probabilityOfWeight, termFrequencyAdjustment, type CompiledModel } from './matchModel';
import type { NormalisedParty } from './normalisedParty';
import { shareVerifiedEmail } from './pairLinking';
import { bandOf, type Band } from './reviewQueue';

export interface ExplanationStep {
  comparison: ComparisonName;
  /** The level's label, or `missing` when either record lacks the field (weight 0). */
  level: string;
  m: number | null;
  u: number | null;
  /** log2(m/u) of the level. */
  levelWeight: number;
  termFrequencyAdjustment: number;
  /** levelWeight + termFrequencyAdjustment. */
  weight: number;
}

export interface PairExplanation {
  /** The prior's log2 odds: where every pair starts. */
  priorWeight: number;
  steps: ExplanationStep[];
  /** Whether names were compared crosswise (given against family). */
  namesSwapped: boolean;
  /** The match weight: priorWeight plus every step's weight. */
  matchWeight: number;
  probability: number;
  band: Band;
  /** A deterministic rule that links the pair whatever the weights say. */
  rule: 'SAME_VERIFIED_EMAIL' | null;
}

export function explainPair(a: NormalisedParty, b: NormalisedParty, compiled: CompiledModel, config: MatchConfig): PairExplanation {
  const gamma = compareRecords(a, b);
  const swapped = namesSwapped(gamma);
  const steps: ExplanationStep[] = [];
  for (let c = 0; c < COMPARISON_COUNT; c++) {
    const level = levelOf(gamma, c);
    const parameters = compiled.model.comparisons[c].levels[level - 1];
    const levelWeight = level === 0 ? 0 : compiled.weights[c][level];
    const tf = level === 1 && compiled.termFrequencies[c] ? termFrequencyAdjustment(compiled, c, a, b, swapped) : 0;
    steps.push({
      comparison: COMPARISONS[c].name,
      level: level === 0 ? 'missing' : parameters.label,
      m: level === 0 ? null : parameters.m,
      u: level === 0 ? null : parameters.u,
      levelWeight,
      termFrequencyAdjustment: tf,
      weight: levelWeight + tf,
    });
  }
  const weight = matchWeight(compiled, gamma, a, b);
  const rule = shareVerifiedEmail(a, b, config) ? 'SAME_VERIFIED_EMAIL' : null;
  const probability = rule ? 1 : probabilityOfWeight(weight);
  return { priorWeight: compiled.priorWeight, steps, namesSwapped: swapped, matchWeight: weight, probability, band: bandOf(probability, config.thresholds), rule };
}

/** The explanation as a text waterfall (what `npm run match -- --explain` prints). */
export function formatExplanation(e: PairExplanation): string {
  const sign = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2);
  const lines = [`${'prior'.padEnd(12)} ${''.padEnd(24)} ${sign(e.priorWeight).padStart(8)}`];
  let running = e.priorWeight;
  for (const s of e.steps) {
    running += s.weight;
    const tf = s.termFrequencyAdjustment !== 0 ? ` (term frequency ${sign(s.termFrequencyAdjustment)})` : '';
    lines.push(`${s.comparison.padEnd(12)} ${s.level.padEnd(24)} ${sign(s.weight).padStart(8)}  = ${sign(running).padStart(8)}${tf}`);
  }
  lines.push(`match weight ${sign(e.matchWeight)}, probability ${e.probability.toFixed(6)}, band ${e.band}${e.rule ? `, rule ${e.rule}` : ''}${e.namesSwapped ? ', names read crosswise' : ''}`);
  return lines.join('\n');
}
