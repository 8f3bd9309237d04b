import { compareDates, normaliseDate } from './dateNormalisation';

describe('normaliseDate', () => {
  it.each([
    ['1980-03-07', '1980-03-07'],
    ['19800307', '1980-03-07'],
    ['07/03/1980', '1980-03-07'],
    ['7.3.1980', '1980-03-07'],
    ['1980-03-07T00:00:00Z', '1980-03-07'],
  ])('%s -> %s', (raw, iso) => expect(normaliseDate(raw)).toBe(iso));

  it('rejects impossible or unreadable dates', () => {
    expect(normaliseDate('1980-02-30')).toBeNull();
    expect(normaliseDate('yesterday')).toBeNull();
    expect(normaliseDate(null)).toBeNull();
    expect(normaliseDate('1700-01-01')).toBeNull();
  });
});

describe('compareDates', () => {
  it('grades agreement', () => {
    expect(compareDates('1980-03-07', '1980-03-07')).toBe('same');
    expect(compareDates('1980-03-07', '1980-03-08')).toBe('near');
    expect(compareDates('1980-03-07', '1980-07-03')).toBe('near');
    expect(compareDates('1987-03-07', '1978-03-07')).toBe('near');
    expect(compareDates('1980-03-07', '1991-11-22')).toBe('different');
    expect(compareDates(null, '1991-11-22')).toBe('unknown');
  });
});
