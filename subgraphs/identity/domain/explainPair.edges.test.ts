import { formatExplanation, type PairExplanation } from './explainPair';

// The waterfall as printed, every column by hand: name padded to 12, level to 24, weights
// signed with two decimals and right-aligned in 8, the running total after each step.
const explanation = (overrides: Partial<PairExplanation> = {}): PairExplanation => ({
  priorWeight: -9.5,
  steps: [
    { comparison: 'givenName', level: 'exact', m: 0.9, u: 0.01, levelWeight: 6.5, termFrequencyAdjustment: -1.25, weight: 5.25 },
    { comparison: 'birthDate', level: 'missing', m: null, u: null, levelWeight: 0, termFrequencyAdjustment: 0, weight: 0 },
    { comparison: 'email', level: 'else', m: 0.02, u: 0.9, levelWeight: -5.5, termFrequencyAdjustment: 0, weight: -5.5 },
  ],
  namesSwapped: false,
  matchWeight: -9.75,
  probability: 0.001,
  band: 'NOT_LINKED',
  rule: null,
  ...overrides,
});

const s = (n: number) => ' '.repeat(n);

describe('formatExplanation', () => {
  it('prints the prior, each step with the running total, and the result', () => {
    expect(formatExplanation(explanation()).split('\n')).toEqual([
      `prior${s(7)} ${s(24)} ${s(3)}-9.50`,
      `givenName${s(3)} exact${s(19)} ${s(3)}+5.25  = ${s(3)}-4.25 (term frequency -1.25)`,
      `birthDate${s(3)} missing${s(17)} ${s(3)}+0.00  = ${s(3)}-4.25`,
      `email${s(7)} else${s(20)} ${s(3)}-5.50  = ${s(3)}-9.75`,
      'match weight -9.75, probability 0.001000, band NOT_LINKED',
    ]);
  });

  it('names the rule and the crosswise reading when there are any', () => {
    const lines = formatExplanation(explanation({ rule: 'SAME_VERIFIED_EMAIL', namesSwapped: true, probability: 1, band: 'LINKED' })).split('\n');
    expect(lines[lines.length - 1]).toBe('match weight -9.75, probability 1.000000, band LINKED, rule SAME_VERIFIED_EMAIL, names read crosswise');
  });
});
