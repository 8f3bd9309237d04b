import { normaliseName, normaliseNameText, parseTrack1Name } from './nameNormalisation';

describe('normaliseNameText', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(normaliseNameText('  Zoë  Müller-Lüdenscheidt ')).toBe('ZOE MULLER LUDENSCHEIDT');
    expect(normaliseNameText("O'Brien")).toBe('OBRIEN');
    expect(normaliseNameText('Łukasz Øster')).toBe('LUKASZ OSTER');
    expect(normaliseNameText('Strauß')).toBe('STRAUSS');
  });
  it('maps missing values to an empty string', () => {
    expect(normaliseNameText(null)).toBe('');
    expect(normaliseNameText(undefined)).toBe('');
    expect(normaliseNameText('  ')).toBe('');
  });
});

describe('parseTrack1Name', () => {
  it('reads SURNAME/GIVEN', () => {
    expect(parseTrack1Name('SMITH/JOHN')).toEqual({ given: 'JOHN', family: 'SMITH' });
  });
  it('drops the title after the dot and keeps middle names', () => {
    expect(parseTrack1Name('SMITH/JOHN A.MR')).toEqual({ given: 'JOHN A', family: 'SMITH' });
  });
  it('reads a name without separator as given ... family', () => {
    expect(parseTrack1Name('Mary Anne Jones')).toEqual({ given: 'MARY ANNE', family: 'JONES' });
  });
  it('handles empty input', () => {
    expect(parseTrack1Name('')).toEqual({ given: '', family: '' });
    expect(parseTrack1Name(null)).toEqual({ given: '', family: '' });
  });
});

describe('normaliseName', () => {
  it('maps nicknames to canonical given names', () => {
    expect(normaliseName('Bill', 'Smith', null).givenCanonical).toEqual(['WILLIAM']);
    expect(normaliseName('William', 'Smith', null).givenCanonical).toEqual(['WILLIAM']);
    expect(normaliseName('Zebedee', 'Smith', null).givenCanonical).toEqual([]);
    expect(normaliseName('Alex', 'Smith', null).givenCanonical).toEqual(['ALEXANDER', 'ALEXANDRA']);
  });
  it('falls back to the raw track-1 name', () => {
    const name = normaliseName(null, null, 'DE LA CRUZ/MARIA');
    expect(name).toMatchObject({ given: 'MARIA', givenFirst: 'MARIA', family: 'DELACRUZ' });
  });
  it('keeps the first given token separately', () => {
    expect(normaliseName('mary-anne', 'jones', null)).toMatchObject({ given: 'MARY ANNE', givenFirst: 'MARY' });
  });
  it('drops honorifics', () => {
    expect(normaliseName('Dr John', 'Smith', null).given).toBe('JOHN');
  });
});
