import fc from 'fast-check';
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import jaroWinklerSimilarity from 'talisman/metrics/jaro-winkler';
import { editsUpTo, jaroWinkler, jaroWinklerAtLeast, phoneticCode } from './stringSimilarity';

// Short strings over a few letters, so that near misses are common.
const word = fc.string({ unit: fc.constantFrom(...'ABEHNORST'), maxLength: 9 });

describe('string measures', () => {
  it('counts edits as the library does, and stops above the limit', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(1, 2), (a, b, max) => {
        const full = damerauLevenshtein(a, b);
        expect(editsUpTo(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the library’s Jaro-Winkler whenever it can reach the threshold, else 0', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(0.8, 0.88, 0.9), (a, b, min) => {
        const real = a === b ? 1 : a && b ? jaroWinklerSimilarity(a, b) : 0;
        const got = jaroWinklerAtLeast(a, b, min);
        if (real >= min) expect(got).toBeCloseTo(real, 12);
        else expect(got < min).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['SAME', 'SAME', 1],
  ])('Jaro-Winkler %s / %s is %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it.each([
    ['KATHERINE', 'CATHERINE'],
    ['SMITH', 'SMYTH'],
    ['DWAYNE', 'DUANE'],
  ])('%s and %s sound alike', (a, b) => {
    expect(phoneticCode(a)).toBe(phoneticCode(b));
  });

  it('gives no code for no name, and different codes for different names', () => {
    expect(phoneticCode('')).toBe('');
    expect(phoneticCode('SMITH')).not.toBe(phoneticCode('JONES'));
  });
});
