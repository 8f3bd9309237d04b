import { dataFreshness } from './dataFreshness';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('dataFreshness (a business date against its schedule)', () => {
  it.each([
    ['the morning after the business date: fresh', '2026-12-03', '2026-12-04T06:00:00.000Z', 6 * HOUR, false],
    ['exactly the schedule: still fresh', '2026-12-03', '2026-12-05T02:00:00.000Z', 26 * HOUR, false],
    ['one millisecond past the schedule: stale', '2026-12-03', '2026-12-05T02:00:00.001Z', 26 * HOUR + 1, true],
    ['three days old: stale', '2026-12-01', '2026-12-04T12:00:00.000Z', 60 * HOUR, true],
    ['during the business day itself: age 0', '2026-12-04', '2026-12-04T12:00:00.000Z', 0, false],
  ])('%s', (_what, businessDate, now, ageMs, stale) => {
    expect(dataFreshness(businessDate, at(now), 26 * HOUR)).toEqual({ asOf: businessDate, ageMs, stale });
  });

  it('no file yet: stale, with no age', () => {
    expect(dataFreshness(null, at('2026-12-04T00:00:00.000Z'), 26 * HOUR)).toEqual({ asOf: null, ageMs: null, stale: true });
  });
});
