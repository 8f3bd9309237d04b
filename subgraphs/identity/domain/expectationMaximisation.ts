/**
 * Expectation-maximisation for the Fellegi-Sunter model (as in fastLink and Splink): the
 * candidate pairs are a mixture of matches and non-matches, each comparison independent given
 * the class. EM alternates between the probability that each pair is a match (E) and the m, u
 * and mixing share that make those probabilities most likely (M), until nothing moves.
 *
 * Pairs with the same comparison vector are one pattern with a count, so an iteration costs
 * the number of distinct patterns (thousands), not of pairs (millions).
 */
export interface EmPatterns {
  /** levels[p * comparisons + c]: the level of comparison c in pattern p (0 = missing). */
  levels: Uint8Array;
  counts: Float64Array;
  comparisons: number;
  /** Levels per comparison (excluding the missing level 0). */
  levelCounts: readonly number[];
}

export interface EmParameters {
  /** m[c][l - 1]: P(level l | match). */
  m: number[][];
  /** u[c][l - 1]: P(level l | non-match) among these pairs. */
  u: number[][];
  /** Share of matches among the pairs. */
  lambda: number;
}

export interface EmResult extends EmParameters {
  iterations: number;
  converged: boolean;
  /** Per comparison: the share of the matches that hold it (level above 0). */
  matchPresence: number[];
}

export interface EmOptions {
  maxIterations: number;
  tolerance: number;
  /**
   * Pseudo-pairs added to each class (a Dirichlet prior): so a level never seen among the
   * matches gets a small probability rather than zero (and a finite weight). They are spread
   * like `priorShares` (the random-pair u for the matches: a level without support then says
   * nothing in favour of a match), uniformly when not given.
   */
  pseudoCount?: number;
  priorShares?: { m?: number[][]; u?: number[][] };
}

/** Groups packed comparison vectors into patterns with counts. */
export function patternsOf(vectors: Iterable<number>, levelCounts: readonly number[], levelOf: (gamma: number, c: number) => number): EmPatterns {
  const counts = new Map<number, number>();
  for (const g of vectors) counts.set(g, (counts.get(g) ?? 0) + 1);
  return patternsOfCounts(counts, levelCounts, levelOf);
}

/** Patterns from vectors already counted (a count may be a weight: a sampled pair stands for several). */
export function patternsOfCounts(counts: ReadonlyMap<number, number>, levelCounts: readonly number[], levelOf: (gamma: number, c: number) => number): EmPatterns {
  const comparisons = levelCounts.length;
  const levels = new Uint8Array(counts.size * comparisons);
  const out = new Float64Array(counts.size);
  let p = 0;
  for (const [gamma, count] of counts) {
    for (let c = 0; c < comparisons; c++) levels[p * comparisons + c] = levelOf(gamma, c);
    out[p++] = count;
  }
  return { levels, counts: out, comparisons, levelCounts };
}

export function expectationMaximisation(patterns: EmPatterns, initial: EmParameters, options: EmOptions): EmResult {
  const { levels, counts, comparisons: C, levelCounts } = patterns;
  const P = counts.length;
  const pseudo = options.pseudoCount ?? 0.5;
  let m = initial.m.map((row) => [...row]);
  let u = initial.u.map((row) => [...row]);
  let lambda = initial.lambda;
  const posterior = new Float64Array(P);
  let iterations = 0;
  let converged = false;
  let matchPresence: number[] = levelCounts.map(() => 1);
  while (iterations < options.maxIterations) {
    iterations++;
    // E: the match probability of each pattern, in logs to survive many small factors.
    const logLambda = Math.log(lambda);
    const logNot = Math.log(1 - lambda);
    const logM = m.map((row) => row.map(Math.log));
    const logU = u.map((row) => row.map(Math.log));
    for (let p = 0; p < P; p++) {
      let lm = logLambda;
      let lu = logNot;
      for (let c = 0; c < C; c++) {
        const level = levels[p * C + c];
        if (level === 0) continue;
        lm += logM[c][level - 1];
        lu += logU[c][level - 1];
      }
      posterior[p] = 1 / (1 + Math.exp(lu - lm));
    }
    // M: expected level counts among matches and non-matches.
    const mCounts = levelCounts.map((n) => new Float64Array(n));
    const uCounts = levelCounts.map((n) => new Float64Array(n));
    let matches = 0;
    let total = 0;
    for (let p = 0; p < P; p++) {
      const wm = counts[p] * posterior[p];
      const wu = counts[p] - wm;
      matches += wm;
      total += counts[p];
      for (let c = 0; c < C; c++) {
        const level = levels[p * C + c];
        if (level === 0) continue;
        mCounts[c][level - 1] += wm;
        uCounts[c][level - 1] += wu;
      }
    }
    const normalise = (row: Float64Array, prior: number[] | undefined): number[] => {
      const sum = row.reduce((s, x) => s + x, 0);
      return [...row].map((x, l) => (x + pseudo * (prior ? prior[l] : 1 / row.length)) / (sum + pseudo));
    };
    const nextM = mCounts.map((row, c) => normalise(row, options.priorShares?.m?.[c]));
    const nextU = uCounts.map((row, c) => normalise(row, options.priorShares?.u?.[c]));
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
    matchPresence = mCounts.map((row) => (matches > 0 ? row.reduce((s, x) => s + x, 0) / matches : 1));
    let change = Math.abs(nextLambda - lambda);
    for (let c = 0; c < C; c++) {
      for (let l = 0; l < levelCounts[c]; l++) change = Math.max(change, Math.abs(nextM[c][l] - m[c][l]), Math.abs(nextU[c][l] - u[c][l]));
    }
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (change < options.tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, iterations, converged, matchPresence };
}
