import fc from 'fast-check';
import { NAME_ON_CARD_MAX, nameOnCard } from './nameOnCard';
import { DIACRITIC_FAMILY_NAMES, DIACRITIC_GIVEN_NAMES, ENGLISH_FAMILY_NAMES, ENGLISH_GIVEN_NAMES } from './names';

const TRACK1 = /^[A-Z -]*\/[A-Z -]*$/;

describe('nameOnCard', () => {
  it('writes SURNAME/GIVEN in upper case without diacritics or apostrophes', () => {
    expect(nameOnCard('Zoë', 'Müller')).toBe('MULLER/ZOE');
    expect(nameOnCard('Łukasz', "O'Brien")).toBe('OBRIEN/LUKASZ');
    expect(nameOnCard('Siobhán', 'Ó Súilleabháin')).toBe('O SUILLEABHAIN/SIOBHAN');
  });

  it('shrinks the given name to its initial before cutting the surname', () => {
    expect(nameOnCard('Christopher', 'Montgomery-Fitzwilliam')).toBe('MONTGOMERY-FITZWILLIAM/C');
    const cut = nameOnCard('Bartłomiej', 'Wolfeschlegelsteinhausen-Bergerdorff');
    expect(cut).toBe('WOLFESCHLEGELSTEINHAUSEN/B');
    expect(cut.length).toBe(NAME_ON_CARD_MAX);
  });

  it('always fits track 1 for any pair of pool names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENGLISH_GIVEN_NAMES, ...DIACRITIC_GIVEN_NAMES),
        fc.constantFrom(...ENGLISH_FAMILY_NAMES, ...DIACRITIC_FAMILY_NAMES),
        (given, family) => {
          const out = nameOnCard(given, family);
          expect(out).toMatch(TRACK1);
          expect(out.length).toBeLessThanOrEqual(NAME_ON_CARD_MAX);
        },
      ),
    );
  });

  it('stays within track 1 for arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (given, family) => {
        const out = nameOnCard(given, family);
        expect(out).toMatch(TRACK1);
        expect(out.length).toBeLessThanOrEqual(NAME_ON_CARD_MAX);
      }),
    );
  });
});
