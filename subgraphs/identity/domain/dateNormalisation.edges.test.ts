import { compareDates, normaliseDate } from './dateNormalisation';

// The edges of the accepted shapes and of the calendar, each expected value written by hand.
describe('normaliseDate at its edges', () => {
  it.each([
    ['1850-01-01', '1850-01-01'],
    ['2200-12-31', '2200-12-31'],
    ['1980-01-31', '1980-01-31'],
    ['1980-12-01', '1980-12-01'],
    ['1980-02-29', '1980-02-29'],
    ['1980-04-30', '1980-04-30'],
    [' 1980-03-07 ', '1980-03-07'],
    ['1980-03-07T12:30:00+01:00', '1980-03-07'],
    ['19800307', '1980-03-07'],
    ['7/3/1980', '1980-03-07'],
    ['07-03-1980', '1980-03-07'],
    ['31.12.1999', '1999-12-31'],
  ])('reads %s as %s', (raw, iso) => {
    expect(normaliseDate(raw)).toBe(iso);
  });

  it.each([
    ['1849-12-31', 'a year before 1850'],
    ['2201-01-01', 'a year after 2200'],
    ['1980-00-10', 'month 0'],
    ['1980-13-10', 'month 13'],
    ['1980-03-00', 'day 0'],
    ['1980-01-32', 'day 32'],
    ['1981-02-29', '29 February of a common year'],
    ['1980-04-31', '31 April'],
    ['1980-03-07X', 'a date followed by text'],
    ['x1980-03-07', 'a date after text'],
    ['198003071', 'nine digits'],
    ['x19800307', 'digits after text'],
    ['07/03/19801', 'a five-digit year'],
    ['x07/03/1980', 'a day-first date after text'],
    ['123/03/1980', 'a three-digit day'],
    ['07/03/80', 'a two-digit year'],
    ['', 'an empty string'],
    [undefined, 'nothing'],
  ])('refuses %s (%s)', (raw, _why) => {
    expect(normaliseDate(raw)).toBeNull();
  });
});

describe('compareDates at its edges', () => {
  it.each([
    ['1980-03-07', '1980-03-07', 'same'],
    ['1980-03-07', '1980-03-17', 'near'],
    ['1980-03-07', '1980-07-03', 'near'],
    ['1987-03-07', '1978-03-07', 'near'],
    ['1980-03-17', '1980-03-71', 'near'],
    // Two digits differ, not neighbours.
    ['1980-03-07', '1981-03-08', 'different'],
    // Two neighbouring digits differ, but are not swapped.
    ['1980-03-07', '1991-03-07', 'different'],
    // Day and month swapped, but in another year.
    ['1981-03-07', '1980-07-03', 'different'],
    // The month of one is the day of the other, not the reverse.
    ['1980-03-07', '1980-05-03', 'different'],
    // The day of one is the month of the other, not the reverse.
    ['1980-03-07', '1980-07-05', 'different'],
    // A neighbouring swap, and a third digit differing.
    ['1987-03-07', '1978-03-08', 'different'],
    // Two digits differ far apart, whichever way they are compared.
    ['1980-03-01', '1981-03-07', 'different'],
    ['1983-03-07', '1987-03-03', 'different'],
    // Neighbouring digits differ, only one of them moved.
    ['1980-03-17', '1980-03-79', 'different'],
    ['1980-03-17', '1980-03-91', 'different'],
    ['1980-03-07', null, 'unknown'],
    [null, '1980-03-07', 'unknown'],
    ['', '1980-03-07', 'unknown'],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });
});
