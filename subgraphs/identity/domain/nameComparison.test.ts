import { DEFAULT_MATCH_CONFIG as config } from './matchConfig';
import { compareFamilyNames, compareGivenNames, compareNames, type NameParts } from './nameComparison';
import { normaliseName } from './nameNormalisation';

const name = (given: string | null, family: string | null, raw: string | null = null): NameParts => normaliseName(given, family, raw);

describe('compareGivenNames', () => {
  it('treats nicknames as the same name', () => {
    expect(compareGivenNames(name('Bill', 'X'), name('William', 'X'), config)).toBe('same');
    expect(compareGivenNames(name('Liz', 'X'), name('Elizabeth', 'X'), config)).toBe('same');
  });
  it('grades keying errors', () => {
    expect(compareGivenNames(name('Williom', 'X'), name('William', 'X'), config)).toBe('fuzzy');
    expect(compareGivenNames(name('Pavl', 'X'), name('Paul', 'X'), config)).toBe('near');
  });
  it('reads MARK and MARY as near, not the same', () => {
    expect(compareGivenNames(name('Mark', 'X'), name('Mary', 'X'), config)).toBe('near');
  });
  it('accepts a matching initial and a truncated name', () => {
    expect(compareGivenNames(name('C', 'X'), name('Charlotte', 'X'), config)).toBe('initial');
    expect(compareGivenNames(name('D', 'X'), name('Charlotte', 'X'), config)).toBe('different');
    expect(compareGivenNames(name('Christoph', 'X'), name('Christopher', 'X'), config)).toBe('fuzzy');
  });
  it('reports different and unknown', () => {
    expect(compareGivenNames(name('John', 'X'), name('Jane', 'X'), config)).toBe('different');
    expect(compareGivenNames(name(null, 'X'), name('Jane', 'X'), config)).toBe('unknown');
  });
});

describe('compareFamilyNames', () => {
  it('folds spaces, hyphens and apostrophes', () => {
    expect(compareFamilyNames(name('A', 'Smith-Jones'), name('A', 'SMITH JONES'), config)).toBe('same');
    expect(compareFamilyNames(name('A', "O'Brien"), name('A', 'OBRIEN'), config)).toBe('same');
  });
  it('accepts a card-truncated surname', () => {
    expect(compareFamilyNames(name('A', 'Montgomery-Fitzwilliam'), name('A', 'MONTGOMERYFITZW'), config)).toBe('fuzzy');
  });
});

describe('compareNames', () => {
  it('detects given and family names entered the wrong way round', () => {
    const c = compareNames(name('Mary', 'Okafor'), name('Okafor', 'Mary'), config);
    expect(c).toMatchObject({ given: 'same', family: 'same', swapped: true });
  });
  it('keeps the direct reading when it is as good', () => {
    expect(compareNames(name('Mary', 'Okafor'), name('Mary', 'Okafor'), config).swapped).toBe(false);
  });
  it('weighs agreement from the config', () => {
    expect(compareNames(name('Mary', 'Okafor'), name('Mary', 'Okafor'), config).weight).toBe(config.weights.givenSame + config.weights.familySame);
  });
});

describe('compareNames symmetry', () => {
  it('gives the same reading in either argument order', () => {
    const pairs: Array<[NameParts, NameParts]> = [
      [name(null, 'Sophie'), name('Sophie', 'Fernandez')],
      [name('Okafor', 'Mary'), name('Mary', 'Okafor')],
      [name('Bill', 'Ward'), name('William', 'Wrad')],
    ];
    for (const [a, b] of pairs) {
      const ab = compareNames(a, b, config);
      const ba = compareNames(b, a, config);
      expect({ given: ab.given, family: ab.family, weight: ab.weight }).toEqual({ given: ba.given, family: ba.family, weight: ba.weight });
    }
  });
});
