/**
 * The trained model: the learned parameters of the Fellegi-Sunter model, as data. Each
 * comparison level has an m (how often a true match shows this level) and a u (how often two
 * different persons do); its weight is log2(m/u). The prior is the probability that two records
 * drawn at random are the same person. A pair's match weight is the prior's log2 odds plus the
 * weights of its levels (plus term-frequency adjustments); its match probability is
 * 2^w / (1 + 2^w).
 *
 * The model file (JSON, written by `npm run match:train`) is this interface, with each level's
 * weight written beside its m and u for people reading it (the weight is recomputed on load).
 * Which condition a level stands for is defined in comparisons.ts, by the level's label.
 */
import { COMPARISONS, COMPARISON_COUNT, LEVEL_LAYOUT, SWAPPED_NAMES_BIT, levelOf, namesSwapped, type ComparisonName } from './comparisons';
import { MatchInputError } from './matchErrors';
import type { NormalisedParty } from './normalisedParty';

export const MODEL_FORMAT = 'unified-view/match-model';
export const MODEL_VERSION = 1;

export interface LevelParameters {
  label: string;
  /** P(level | the two records are one person), estimated by EM. */
  m: number;
  /** P(level | two different persons), estimated from random pairs. */
  u: number;
  /** log2(m/u): written for readers, recomputed on load. */
  weight?: number;
}

export interface TermFrequencies {
  /** Share of records holding each value, for values held by at least `minCount` records. */
  values: Record<string, number>;
  /** The share assumed for any value not listed (one record's share). */
  floor: number;
  minCount: number;
}

export interface ComparisonParameters {
  name: ComparisonName;
  levels: LevelParameters[];
  termFrequencies?: TermFrequencies;
}

export interface TrainingSummary {
  records: number;
  candidatePairs: number;
  randomPairs: number;
  emIterations: number;
  converged: boolean;
  /** Share of the candidate pairs EM judged to be matches. */
  matchShareOfCandidates: number;
}

export interface MatchModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  /** Prior: the probability that two records drawn at random are one person. */
  probabilityTwoRandomRecordsMatch: number;
  comparisons: ComparisonParameters[];
  training: TrainingSummary;
}

const log2 = Math.log2;

/** A model turned into lookup tables for scoring millions of pairs. */
export interface CompiledModel {
  readonly model: MatchModel;
  readonly priorWeight: number;
  /** weights[c][level]; level 0 (missing) weighs 0. */
  readonly weights: readonly Float64Array[];
  /** Per comparison with term frequencies: value -> share, and the u of its exact level. */
  readonly termFrequencies: ReadonlyArray<{ values: ReadonlyMap<string, number>; floor: number; uExact: number } | null>;
}

export function levelWeight(level: LevelParameters): number {
  return log2(level.m / level.u);
}

export function compileModel(model: MatchModel): CompiledModel {
  const p = model.probabilityTwoRandomRecordsMatch;
  return {
    model,
    priorWeight: log2(p / (1 - p)),
    weights: model.comparisons.map((c) => Float64Array.from([0, ...c.levels.map(levelWeight)])),
    termFrequencies: model.comparisons.map((c) =>
      c.termFrequencies ? { values: new Map(Object.entries(c.termFrequencies.values)), floor: c.termFrequencies.floor, uExact: c.levels[0].u } : null,
    ),
  };
}

/** The value each record contributes to a term-frequency comparison (given name, family name). */
function termValues(c: ComparisonName, a: NormalisedParty, b: NormalisedParty, swapped: boolean): [string, string] {
  if (c === 'givenName') return [a.givenFirst, swapped ? b.family : b.givenFirst];
  if (c === 'familyName') return [a.family, swapped ? b.givenFirst : b.family];
  return ['', ''];
}

/**
 * The term-frequency adjustment of an exact agreement: log2(u_exact / tf), with tf the share of
 * the more common of the two values. Positive for a rare value, negative for a common one.
 */
export function termFrequencyAdjustment(compiled: CompiledModel, c: number, a: NormalisedParty, b: NormalisedParty, swapped: boolean): number {
  const tf = compiled.termFrequencies[c];
  if (!tf) return 0;
  const [x, y] = termValues(COMPARISONS[c].name, a, b, swapped);
  const share = Math.max(tf.values.get(x) ?? tf.floor, tf.values.get(y) ?? tf.floor);
  return log2(tf.uExact / share);
}

/** The match weight of a compared pair: prior + level weights + term-frequency adjustments. */
export function matchWeight(compiled: CompiledModel, gamma: number, a: NormalisedParty, b: NormalisedParty): number {
  let w = compiled.priorWeight;
  for (let c = 0; c < COMPARISON_COUNT; c++) {
    const level = levelOf(gamma, c);
    if (level === 0) continue;
    w += compiled.weights[c][level];
    if (level === 1 && compiled.termFrequencies[c]) w += termFrequencyAdjustment(compiled, c, a, b, namesSwapped(gamma));
  }
  return w;
}

// Module constants for the hot loops (imported bindings are read through accessors when transpiled).
const COUNT = COMPARISON_COUNT;
const SWAPPED_FLAG = 2 ** SWAPPED_NAMES_BIT;

/**
 * `matchWeight` for many pairs of one list of records: the level weights in flat tables and
 * each record's name frequencies looked up once, so scoring millions of candidate pairs costs
 * a few array reads a pair. Gives exactly what `matchWeight` gives.
 */
export class PairScorer {
  private readonly shifts: Int32Array;
  private readonly masks: Int32Array;
  /** weights[c * stride + level]. */
  private readonly weights: Float64Array;
  private readonly stride: number;
  /** Per comparison with term frequencies: each record's share for its own value (direct reading). */
  private readonly shares: Array<Float64Array | null>;

  constructor(
    private readonly compiled: CompiledModel,
    private readonly parties: readonly NormalisedParty[],
  ) {
    this.shifts = Int32Array.from(LEVEL_LAYOUT.shifts);
    this.masks = Int32Array.from(LEVEL_LAYOUT.masks);
    this.stride = Math.max(...compiled.weights.map((w) => w.length));
    this.weights = new Float64Array(COMPARISON_COUNT * this.stride);
    compiled.weights.forEach((w, c) => this.weights.set(w, c * this.stride));
    this.shares = compiled.termFrequencies.map((tf, c) => {
      if (!tf) return null;
      const name = COMPARISONS[c].name;
      return Float64Array.from(parties, (p) => tf.values.get(termValues(name, p, p, false)[0]) ?? tf.floor);
    });
  }

  weight(gamma: number, i: number, j: number): number {
    let w = this.compiled.priorWeight;
    const swapped = gamma >= SWAPPED_FLAG;
    for (let c = 0; c < COUNT; c++) {
      const level = (gamma >>> this.shifts[c]) & this.masks[c];
      if (level === 0) continue;
      w += this.weights[c * this.stride + level];
      const shares = this.shares[c];
      if (level === 1 && shares) {
        w += swapped
          ? termFrequencyAdjustment(this.compiled, c, this.parties[i], this.parties[j], true)
          : Math.log2(this.compiled.termFrequencies[c]!.uExact / Math.max(shares[i], shares[j]));
      }
    }
    return w;
  }
}

/** 2^w / (1 + 2^w), computed without overflow. */
export function probabilityOfWeight(weight: number): number {
  if (weight === Infinity) return 1;
  return weight >= 0 ? 1 / (1 + 2 ** -weight) : 2 ** weight / (1 + 2 ** weight);
}

/** The match weight at which a pair reaches `probability`. */
export function weightOfProbability(probability: number): number {
  return log2(probability / (1 - probability));
}

/** x to `digits` significant digits, unless that would turn a probability into 0 or 1. */
const round = (x: number, digits: number): number => {
  const r = Number(x.toPrecision(digits));
  return (r >= 1 && x < 1) || (r <= 0 && x > 0) ? x : r;
};

/** The model as written to a file: each level with its weight, numbers rounded to what is meaningful. */
export function modelToJson(model: MatchModel): string {
  const readable: MatchModel = {
    ...model,
    probabilityTwoRandomRecordsMatch: round(model.probabilityTwoRandomRecordsMatch, 6),
    comparisons: model.comparisons.map((c) => ({
      name: c.name,
      levels: c.levels.map((l) => ({ label: l.label, m: round(l.m, 6), u: round(l.u, 6), weight: round(levelWeight(l), 4) })),
      ...(c.termFrequencies
        ? {
            termFrequencies: {
              ...c.termFrequencies,
              floor: round(c.termFrequencies.floor, 6),
              values: Object.fromEntries(Object.entries(c.termFrequencies.values).map(([v, share]) => [v, round(share, 6)])),
            },
          }
        : {}),
    })),
  };
  return JSON.stringify(readable, null, 2) + '\n';
}

const isProbability = (x: unknown): x is number => typeof x === 'number' && x > 0 && x < 1;

/**
 * Checks a parsed model file against the comparisons this code defines: same comparisons, same
 * levels (by label), every m and u a probability. Throws MatchInputError naming what is wrong
 * (never a value from the file: term-frequency tables hold names).
 */
export function parseModel(value: unknown, file?: string): MatchModel {
  const fail = (what: string): never => {
    throw new MatchInputError(`model file ${what}`, file);
  };
  if (value === null || typeof value !== 'object') fail('is not a JSON object');
  const v = value as Partial<MatchModel>;
  if (v.format !== MODEL_FORMAT) fail(`is not a ${MODEL_FORMAT} file`);
  if (v.version !== MODEL_VERSION) fail(`has version ${String(v.version)}, this matcher reads version ${MODEL_VERSION}`);
  if (!isProbability(v.probabilityTwoRandomRecordsMatch)) fail('has no prior probabilityTwoRandomRecordsMatch in (0, 1)');
  if (!Array.isArray(v.comparisons) || v.comparisons.length !== COMPARISON_COUNT) fail(`does not hold the ${COMPARISON_COUNT} comparisons ${COMPARISONS.map((c) => c.name).join(', ')}`);
  const comparisons = COMPARISONS.map((definition, c): ComparisonParameters => {
    const given = v.comparisons![c] as Partial<ComparisonParameters>;
    if (!given || given.name !== definition.name) fail(`comparison ${c + 1} is not ${definition.name}`);
    const labels = definition.levels.map((l) => l.label);
    if (!Array.isArray(given.levels) || given.levels.map((l) => l?.label).join() !== labels.join()) fail(`comparison ${definition.name} does not have the levels ${labels.join(', ')}`);
    const levels = given.levels!.map((l) => {
      if (!isProbability(l.m) || !isProbability(l.u)) fail(`comparison ${definition.name} level ${l.label}: m and u must be in (0, 1)`);
      return { label: l.label, m: l.m, u: l.u };
    });
    let termFrequencies: TermFrequencies | undefined;
    if (definition.termFrequency) {
      const tf = given.termFrequencies;
      if (!tf || typeof tf.values !== 'object' || tf.values === null || !isProbability(tf.floor)) fail(`comparison ${definition.name} has no termFrequencies {values, floor}`);
      if (!Object.values(tf!.values).every(isProbability)) fail(`comparison ${definition.name} has a term frequency outside (0, 1)`);
      termFrequencies = { values: { ...tf!.values }, floor: tf!.floor, minCount: typeof tf!.minCount === 'number' ? tf!.minCount : 1 };
    }
    return termFrequencies ? { name: definition.name, levels, termFrequencies } : { name: definition.name, levels };
  });
  const t = (v.training ?? {}) as Partial<TrainingSummary>;
  const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    probabilityTwoRandomRecordsMatch: v.probabilityTwoRandomRecordsMatch!,
    comparisons,
    training: {
      records: num(t.records),
      candidatePairs: num(t.candidatePairs),
      randomPairs: num(t.randomPairs),
      emIterations: num(t.emIterations),
      converged: t.converged === true,
      matchShareOfCandidates: num(t.matchShareOfCandidates),
    },
  };
}
