import fc from 'fast-check';
import { displayFormOfName } from './nameDisplay';

describe('displayFormOfName', () => {
  // [as a system holds it, as people write it] — written by hand.
  const hardCases: Array<[string, string]> = [
    ['SOPHIE WRIGHT', 'Sophie Wright'],
    ['sophie wright', 'Sophie Wright'],
    ['McDONALD', 'McDonald'],
    ['MCDONALD', 'McDonald'],
    ['ANGUS MACDONALD', 'Angus MacDonald'],
    ['MacDONALD', 'MacDonald'],
    ['O\'NEILL', 'O\'Neill'],
    ['SIOBHAN O\'NEILL', 'Siobhan O\'Neill'],
    ['D’ARCY', 'D’Arcy'],
    ['SMITH-JONES', 'Smith-Jones'],
    ['JEAN-LUC PICARD', 'Jean-Luc Picard'],
    ['PIETER VAN DER BERG', 'Pieter van der Berg'],
    ['VAN DER BERG', 'Van der Berg'],
    ['ANNA DE LA CRUZ', 'Anna de la Cruz'],
    ['de la Cruz', 'de la Cruz'],
    ['Maria de la Cruz', 'Maria de la Cruz'],
    ['LUDWIG VON BEETHOVEN', 'Ludwig von Beethoven'],
    ['LEONARDO DA VINCI', 'Leonardo da Vinci'],
    ['ŁUKASZ', 'Łukasz'],
    ['BARTŁOMIEJ ŁUKASIEWICZ', 'Bartłomiej Łukasiewicz'],
    ['ZOË ÅSTRÖM', 'Zoë Åström'],
    ['JOHN SMITH III', 'John Smith III'],
    // Mixed case was written that way on purpose: kept.
    ['Macdonald', 'Macdonald'],
    ['McDonald', 'McDonald'],
    ['DeVito', 'DeVito'],
    ['Richard Shah', 'Richard Shah'],
    // "Mac" that is not Mac + a name.
    ['MACK', 'Mack'],
    ['MACHIN', 'Machin'],
    ['MACEY', 'Macey'],
    // Spaces collapsed, nothing else touched.
    ['  ANN   LEE ', 'Ann Lee'],
    ['', ''],
  ];
  it.each(hardCases)('%s -> %s', (held, expected) => {
    expect(displayFormOfName(held)).toBe(expected);
  });

  const nameLetters = fc.constantFrom(...'abcdeilmnorstuyzłåöüéABCDEILMNORSTUYZŁÅÖÜÉ'.split(''), "'", '’', '-', ' ', ' ', 'Mc', 'MC', 'Mac', 'MAC', 'van ', 'VAN ', 'de ', 'DE ', 'O\'', 'III');
  const nameLike = fc.array(nameLetters, { maxLength: 24 }).map((parts) => parts.join(''));

  it('is idempotent: the display form of a display form is itself', () => {
    fc.assert(
      fc.property(fc.oneof(nameLike, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 })), (name) => {
        const once = displayFormOfName(name);
        expect(displayFormOfName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes only the case and the spacing, never the letters', () => {
    fc.assert(
      fc.property(nameLike, (name) => {
        const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
        expect(fold(displayFormOfName(name))).toBe(fold(name));
      }),
    );
  });
});
