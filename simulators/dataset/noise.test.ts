import fc from 'fast-check';
import { PHONE_STYLES, changeCase, dateTypo, emailCaseVariant, formatUkMobile, identifierTypo, nicknameFor, replacementDate, stripDiacritics, swapDayAndMonth, typo, typoOnce } from './noise';
import { ENGLISH_FAMILY_NAMES, ENGLISH_GIVEN_NAMES, DIACRITIC_FAMILY_NAMES, DIACRITIC_GIVEN_NAMES } from './names';
import { NICKNAMES } from './nicknames';
import { Random } from './random';

/** Optimal string alignment distance (Levenshtein plus adjacent transposition). */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const ALL_NAMES = [...ENGLISH_GIVEN_NAMES, ...DIACRITIC_GIVEN_NAMES, ...ENGLISH_FAMILY_NAMES, ...DIACRITIC_FAMILY_NAMES];

describe('stripDiacritics', () => {
  it('folds accents and the letters NFD leaves alone', () => {
    expect(stripDiacritics('Łukasz Müller')).toBe('Lukasz Muller');
    expect(stripDiacritics('Zoë François Søren Gößling')).toBe('Zoe Francois Soren Gossling');
    expect(stripDiacritics('Smith')).toBe('Smith');
  });

  it('leaves only ASCII for every name in the pools', () => {
    for (const name of ALL_NAMES) expect(stripDiacritics(name)).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('typo', () => {
  it('makes exactly one edit and keeps the first letter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_NAMES), fc.integer(), (name, seed) => {
        const out = typoOnce(name, new Random(seed));
        expect(osa(name, out)).toBe(1);
        expect(out[0]).toBe(name[0]);
      }),
    );
  });

  it('makes one or two keying errors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_NAMES), fc.integer(), (name, seed) => {
        const out = typo(name, new Random(seed));
        // Two errors may overlap (a transposition over an inserted letter), which OSA counts as 3.
        expect(osa(name, out)).toBeLessThanOrEqual(3);
        expect(out[0]).toBe(name[0]);
      }),
    );
  });

  it('always changes a name of three letters or more (exhaustive over seeds)', () => {
    for (const name of ['Åsa', 'Ali', 'Zoë', 'William']) {
      for (let seed = 0; seed < 500; seed++) expect(osa(name, typoOnce(name, new Random(seed)))).toBe(1);
    }
  });

  it('leaves very short names alone', () => {
    expect(typoOnce('Al', new Random(1))).toBe('Al');
  });
});

describe('formatUkMobile', () => {
  const e164 = '+447700900123';
  it('formats every style and every style normalises back', () => {
    expect(formatUkMobile(e164, 'e164')).toBe('+447700900123');
    expect(formatUkMobile(e164, 'e164-spaced')).toBe('+44 7700 900123');
    expect(formatUkMobile(e164, 'e164-dashed')).toBe('+44-7700-900123');
    expect(formatUkMobile(e164, 'national')).toBe('07700900123');
    expect(formatUkMobile(e164, 'national-spaced')).toBe('07700 900123');
    expect(formatUkMobile(e164, 'national-dashed')).toBe('07700-900-123');
    for (const style of PHONE_STYLES) {
      const digits = formatUkMobile(e164, style).replace(/\D/g, '');
      expect(digits.startsWith('44') ? `+${digits}` : `+44${digits.slice(1)}`).toBe(e164);
    }
  });

  it('refuses what is not a UK mobile in E.164', () => {
    expect(() => formatUkMobile('07700900123', 'e164')).toThrow(RangeError);
  });
});

describe('case and nicknames', () => {
  it('changes case', () => {
    expect(changeCase('Zoë', 'upper')).toBe('ZOË');
    expect(changeCase('Zoë', 'lower')).toBe('zoë');
    expect(emailCaseVariant('zoe.muller12@example.com', 'upper')).toBe('Zoe.Muller12@example.com');
    expect(emailCaseVariant('Zoe.Muller12@Example.com', 'lower')).toBe('zoe.muller12@example.com');
  });

  it('picks a nickname from the table, or none', () => {
    const r = new Random(5);
    for (let i = 0; i < 20; i++) expect(NICKNAMES.William).toContain(nicknameFor('William', r));
    expect(nicknameFor('Zoë', r)).toBeNull();
    expect(nicknameFor('constructor', r)).toBeNull();
  });
});

describe('date and identifier keying errors', () => {
  it('changes one digit of a date, or swaps two neighbours, never the dashes', () => {
    for (let seed = 0; seed < 200; seed++) {
      const d = dateTypo('1980-03-07', Random.forStream(11, seed));
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d).not.toBe('1980-03-07');
      expect(osa(d, '1980-03-07')).toBe(1);
    }
  });

  it('swaps day and month only where both could be a month', () => {
    expect(swapDayAndMonth('1980-03-07')).toBe('1980-07-03');
    expect(swapDayAndMonth('1980-03-27')).toBe('1980-03-27');
    expect(swapDayAndMonth('1980-05-05')).toBe('1980-05-05');
  });

  it('draws a replacement date inside the window', () => {
    for (let seed = 0; seed < 100; seed++) {
      const d = replacementDate('1936-01-01', '2008-10-01', Random.forStream(11, seed));
      expect(d >= '1936-01-01' && d <= '2008-10-01').toBe(true);
    }
  });

  it('keys one digit of an identifier wrongly', () => {
    for (let seed = 0; seed < 100; seed++) {
      const id = identifierTypo('AB123456C', Random.forStream(11, seed));
      expect(osa(id, 'AB123456C')).toBe(1);
      expect(id.slice(0, 2) + id.slice(-1)).toBe('ABC');
    }
    expect(identifierTypo('ABC', new Random(1))).toBe('ABC');
  });
});
