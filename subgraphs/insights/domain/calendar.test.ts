import { ageOn, daysBefore, parseDate, withinLastDays } from './calendar';

describe('ageOn', () => {
  it('counts a birthday from the day itself', () => {
    expect(ageOn('2008-11-01', '2026-10-31T23:59:59.999Z')).toBe(17);
    expect(ageOn('2008-11-01', '2026-11-01T00:00:00.000Z')).toBe(18);
    expect(ageOn('2008-11-01', '2026-11-01')).toBe(18);
  });

  it('ages a 29 February birthday on 1 March in non-leap years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('gives no age for a missing, impossible or future birth date', () => {
    expect(ageOn(null, '2026-11-01')).toBeNull();
    expect(ageOn('2001-02-30', '2026-11-01')).toBeNull();
    expect(ageOn('01/02/2001', '2026-11-01')).toBeNull();
    expect(ageOn('2027-01-01', '2026-11-01')).toBeNull();
  });
});

describe('windows of days', () => {
  const today = '2026-11-01T09:00:00.000Z';

  it('counts whole days back from today, dates as their midnight', () => {
    expect(daysBefore('2026-11-01', today)).toBe(0);
    expect(daysBefore('2026-10-02', today)).toBe(30);
    expect(daysBefore('2026-11-01T09:00:00.001Z', today)).toBe(-1);
  });

  it('includes today and excludes the day the window ends and anything later', () => {
    expect(withinLastDays('2026-11-01T08:59:59.000Z', today, 30)).toBe(true);
    expect(withinLastDays('2026-10-03', today, 30)).toBe(true);
    expect(withinLastDays('2026-10-02', today, 30)).toBe(false);
    expect(withinLastDays('2026-11-02', today, 30)).toBe(false);
  });

  it('parses only real calendar dates', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2023-13-01')).toBeNull();
  });
});
