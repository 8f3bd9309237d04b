import { editsUpTo, jaroWinkler, jaroWinklerAtLeast } from './stringSimilarity';

// Near misses, which random strings seldom are: the shortcuts must never turn one keying error
// into two. Each count written by hand.
describe('editsUpTo on near misses', () => {
  it.each([
    ['XBCDE', 'YBCDE', 1, 1],
    ['ABCDE', 'ABCDX', 1, 1],
    ['ABCDE', 'ABXDE', 1, 1],
    ['BACD', 'ABCD', 1, 1],
    ['ABCD', 'ACBD', 1, 1],
    ['ABCD', 'ABDC', 1, 1],
    ['ABCD', 'XABCD', 1, 1],
    ['ABCD', 'ABXCD', 1, 1],
    ['ABCD', 'ABCDX', 1, 1],
    ['', 'A', 1, 1],
    ['ABCD', 'XBCY', 1, 2],
    ['ABCD', 'DCBA', 1, 2],
    ['AB', '', 1, 2],
    ['ABCD', 'XBCY', 2, 2],
    ['ABCD', 'WXYZ', 2, 3],
    ['ABCD', 'ABCD', 2, 0],
  ])('%s / %s, at most %i: %i', (a, b, max, edits) => {
    expect(editsUpTo(a, b, max)).toBe(edits);
    expect(editsUpTo(b, a, max)).toBe(edits);
  });
});

describe('Jaro-Winkler at its edges', () => {
  it('is 1 for two empty strings, as for any equal strings', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinklerAtLeast('', '', 0.9)).toBe(1);
  });

  it('counts the prefix bonus when deciding whether a pair can reach the threshold', () => {
    // Seven letters in place of ten: Jaro (0.7 + 0.7 + 1) / 3 = 0.8; four-letter prefix:
    // 0.8 + 4 * 0.1 * (1 - 0.8) = 0.88, above 0.85 only thanks to the bonus.
    expect(jaroWinklerAtLeast('ABCDEFGHIJ', 'ABCDEFGWXY', 0.85)).toBeCloseTo(0.88, 10);
  });

  it('is 0 when one string is empty', () => {
    expect(jaroWinklerAtLeast('', 'ANN', 0.8)).toBe(0);
    expect(jaroWinklerAtLeast('ANN', '', 0.8)).toBe(0);
  });
});
