import { normaliseName, normaliseNameText, parseTrack1Name } from './nameNormalisation';

describe('normaliseNameText at its edges', () => {
  it.each([
    [' anne--marie ', 'ANNE MARIE'],
    ['O`Brien', 'OBRIEN'],
    ['Henry 8th', 'HENRY 8TH'],
    ['O’Brien', 'OBRIEN'],
    ['D’Ávila', 'DAVILA'],
    ['Ærø Dam', 'AERO DAM'],
    ['Đorđe', 'DORDE'],
    ['Łódź', 'LODZ'],
    ['Søren Strauß', 'SOREN STRAUSS'],
    ['Zoë  ·  Anne', 'ZOE ANNE'],
    ['ﬁnn', 'FINN'],
    ['Øæ', 'OAE'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseNameText(raw)).toBe(expected);
  });
});

describe('parseTrack1Name at its edges', () => {
  it.each([
    ['SMITH/JOHN.MR', { given: 'JOHN', family: 'SMITH' }],
    ['SMITH JR/JOHN', { given: 'JOHN', family: 'SMITH' }],
    ['VAN DER BERG/ANN', { given: 'ANN', family: 'VAN DER BERG' }],
    ['/JOHN', { given: 'JOHN', family: '' }],
    ['SMITH/', { given: '', family: 'SMITH' }],
    ['MR JOHN SMITH', { given: 'JOHN', family: 'SMITH' }],
    ['SMITH', { given: '', family: 'SMITH' }],
    ['MRS', { given: '', family: '' }],
    ['  ', { given: '', family: '' }],
  ])('%s -> %o', (raw, expected) => {
    expect(parseTrack1Name(raw)).toEqual(expected);
  });
});

describe('normaliseName at its edges', () => {
  it('drops every honorific and suffix the systems add', () => {
    expect(normaliseName('Mr Mrs Ms Miss Mx Dr Prof Sir Rev John Jr Sr II III', 'Lee', null).given).toBe('JOHN');
  });

  it('reads the raw name only when both split fields are missing', () => {
    expect(normaliseName('Ann', null, 'SMITH/JOHN')).toEqual({ given: 'ANN', givenFirst: 'ANN', givenCanonical: [], family: '' });
    expect(normaliseName(null, 'Lee', 'SMITH/JOHN')).toEqual({ given: '', givenFirst: '', givenCanonical: [], family: 'LEE' });
    expect(normaliseName(null, null, 'SMITH/JOHN')).toEqual({ given: 'JOHN', givenFirst: 'JOHN', givenCanonical: ['JOHN'], family: 'SMITH' });
    expect(normaliseName(null, null, null)).toEqual({ given: '', givenFirst: '', givenCanonical: [], family: '' });
  });

  it('removes the spaces of a family name, and keeps the first given name apart', () => {
    expect(normaliseName('Mary Anne Louise', 'van der Berg', null)).toEqual({ given: 'MARY ANNE LOUISE', givenFirst: 'MARY', givenCanonical: [], family: 'VANDERBERG' });
  });
});
