import { expectationMaximisation, patternsOf, type EmParameters } from './expectationMaximisation';

/** A small deterministic generator (mulberry32), so the synthetic sample is the same every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(shares: readonly number[], r: number): number {
  let acc = 0;
  for (let l = 0; l < shares.length; l++) {
    acc += shares[l];
    if (r < acc) return l + 1;
  }
  return shares.length;
}

// The truth the sample is drawn from: three comparisons (3, 2 and 4 levels), 20% matches.
const TRUE: EmParameters = {
  lambda: 0.2,
  m: [
    [0.85, 0.1, 0.05],
    [0.9, 0.1],
    [0.7, 0.2, 0.06, 0.04],
  ],
  u: [
    [0.02, 0.08, 0.9],
    [0.15, 0.85],
    [0.01, 0.04, 0.15, 0.8],
  ],
};
const LEVELS = [3, 2, 4];
const SHIFT = 4;
const levelOf = (gamma: number, c: number): number => (gamma >> (c * SHIFT)) & 15;

function sample(pairs: number, seed: number): number[] {
  const random = mulberry32(seed);
  const out: number[] = [];
  for (let k = 0; k < pairs; k++) {
    const match = random() < TRUE.lambda;
    let gamma = 0;
    for (let c = 0; c < LEVELS.length; c++) {
      // One comparison in ten is missing (level 0), as fields are.
      const level = random() < 0.1 ? 0 : draw(match ? TRUE.m[c] : TRUE.u[c], random());
      gamma |= level << (c * SHIFT);
    }
    out.push(gamma);
  }
  return out;
}

describe('expectationMaximisation', () => {
  const patterns = patternsOf(sample(200_000, 7), LEVELS, levelOf);
  // A start that knows nothing of the truth: matches favour the first level, non-matches are uniform.
  const start: EmParameters = {
    lambda: 0.5,
    m: LEVELS.map((n) => Array.from({ length: n }, (_, l) => (l === 0 ? 0.6 : 0.4 / (n - 1)))),
    u: LEVELS.map((n) => Array.from({ length: n }, () => 1 / n)),
  };
  const result = expectationMaximisation(patterns, start, { maxIterations: 500, tolerance: 1e-7 });

  it('converges', () => {
    expect(result.converged).toBe(true);
  });

  it('recovers the share of matches, and how often matches hold each field', () => {
    expect(Math.abs(result.lambda - TRUE.lambda)).toBeLessThan(0.01);
    for (const presence of result.matchPresence) expect(Math.abs(presence - 0.9)).toBeLessThan(0.01);
  });

  it.each(LEVELS.flatMap((n, c) => Array.from({ length: n }, (_, l) => [c, l])))('recovers m and u of comparison %i level %i', (c, l) => {
    expect(Math.abs(result.m[c][l] - TRUE.m[c][l])).toBeLessThan(0.015);
    expect(Math.abs(result.u[c][l] - TRUE.u[c][l])).toBeLessThan(0.015);
  });

  it('counts identical vectors as one pattern', () => {
    expect(patterns.counts.length).toBeLessThanOrEqual(4 * 3 * 5);
    expect(patterns.counts.reduce((s, x) => s + x, 0)).toBe(200_000);
  });

  it('gives a level never seen among the matches a small, non-zero probability', () => {
    const match = 1 | (1 << SHIFT) | (1 << (2 * SHIFT));
    const nonMatch = 3 | (2 << SHIFT) | (4 << (2 * SHIFT));
    const r = expectationMaximisation(patternsOf([...Array(1_000).fill(match), ...Array(10_000).fill(nonMatch)], LEVELS, levelOf), start, {
      maxIterations: 200,
      tolerance: 1e-9,
    });
    expect(r.lambda).toBeCloseTo(1_000 / 11_000, 3);
    // Level 2 of comparison 0 occurs nowhere: the pseudo-count keeps it above zero, and tiny.
    expect(r.m[0][1]).toBeGreaterThan(0);
    expect(r.m[0][1]).toBeLessThan(0.001);
  });
});
