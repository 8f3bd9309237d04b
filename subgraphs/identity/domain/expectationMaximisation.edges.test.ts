import { expectationMaximisation, type EmPatterns } from './expectationMaximisation';

/** One comparison with two levels; `levels[p]` is pattern p's level (0 = missing), `counts[p]` how many pairs. */
const patterns = (levels: number[], counts: number[]): EmPatterns => ({ levels: Uint8Array.from(levels), counts: Float64Array.from(counts), comparisons: 1, levelCounts: [2] });

// Every expected value below is one EM step worked by hand.
describe('expectationMaximisation, one step by hand', () => {
  // Level 1 once, level 2 once, missing twice; m = (0.8, 0.2), u = (0.2, 0.8), lambda = 1/2.
  // Posteriors: 0.8 for level 1, 0.2 for level 2, 1/2 for the missing pairs.
  const data = patterns([1, 2, 0], [1, 1, 2]);
  const start = { m: [[0.8, 0.2]], u: [[0.2, 0.8]], lambda: 0.5 };

  it('re-estimates m, u and lambda from the posteriors; the missing pairs count for lambda only', () => {
    const r = expectationMaximisation(data, start, { maxIterations: 1, tolerance: 0, pseudoCount: 0 });
    expect(r.m[0][0]).toBeCloseTo(0.8, 12);
    expect(r.m[0][1]).toBeCloseTo(0.2, 12);
    expect(r.u[0][0]).toBeCloseTo(0.2, 12);
    expect(r.u[0][1]).toBeCloseTo(0.8, 12);
    expect(r.lambda).toBeCloseTo(0.5, 12);
    // Matches: 0.8 + 0.2 + 2 * 0.5 = 2, of which 1 hold the field.
    expect(r.matchPresence[0]).toBeCloseTo(0.5, 12);
    expect(r.iterations).toBe(1);
    expect(r.converged).toBe(false);
  });

  it('converges when nothing moves by the tolerance', () => {
    const r = expectationMaximisation(data, start, { maxIterations: 5, tolerance: 1e-9, pseudoCount: 0 });
    expect(r).toMatchObject({ iterations: 1, converged: true });
  });

  it('adds pseudo-pairs spread evenly, or as the prior shares say', () => {
    // m: (0.8 + 0.5 * 0.5) / 1.5 = 0.7; with prior shares (0.1, 0.9): (0.8 + 0.05) / 1.5.
    const even = expectationMaximisation(data, start, { maxIterations: 1, tolerance: 0, pseudoCount: 0.5 });
    expect(even.m[0][0]).toBeCloseTo(0.7, 12);
    expect(even.u[0][0]).toBeCloseTo(0.3, 12);
    const shared = expectationMaximisation(data, start, { maxIterations: 1, tolerance: 0, pseudoCount: 0.5, priorShares: { m: [[0.1, 0.9]] } });
    expect(shared.m[0][0]).toBeCloseTo(0.85 / 1.5, 12);
    expect(shared.u[0][0]).toBeCloseTo(0.3, 12);
    const onlyU = expectationMaximisation(data, start, { maxIterations: 1, tolerance: 0, pseudoCount: 0.5, priorShares: { u: [[0.9, 0.1]] } });
    expect(onlyU.m[0][0]).toBeCloseTo(0.7, 12);
    expect(onlyU.u[0][0]).toBeCloseTo((0.2 + 0.45) / 1.5, 12);
  });

  it('counts a change of m or u as movement, not only of lambda', () => {
    // Level 1 three times, level 2 once, m = u: every posterior is 1/2, lambda stays 1/2, but
    // m and u move from (0.5, 0.5) to (0.75, 0.25); the second step moves nothing.
    const r = expectationMaximisation(patterns([1, 2], [3, 1]), { m: [[0.5, 0.5]], u: [[0.5, 0.5]], lambda: 0.5 }, { maxIterations: 5, tolerance: 0.1, pseudoCount: 0 });
    expect(r).toMatchObject({ iterations: 2, converged: true });
    expect(r.m[0][0]).toBeCloseTo(0.75, 12);
    expect(r.lambda).toBeCloseTo(0.5, 12);
  });
});
