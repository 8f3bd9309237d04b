import { coversLastDays } from './pageCoverage';

const today = '2026-11-01T09:00:00.000Z';
const at = (d: string) => d;

describe('coversLastDays', () => {
  it('trusts a complete list, and nothing from a list not read', () => {
    expect(coversLastDays([], undefined, at, today, 30)).toBe(true);
    expect(coversLastDays(['2026-10-30'], true, at, today, 30)).toBe(true);
    expect(coversLastDays(null, true, at, today, 30)).toBe(false);
  });

  it('trusts a cut page only when its oldest item is already outside the window', () => {
    expect(coversLastDays(['2026-10-31', '2026-10-02'], false, at, today, 30)).toBe(true);
    expect(coversLastDays(['2026-10-31', '2026-10-03'], false, at, today, 30)).toBe(false);
    expect(coversLastDays([], false, at, today, 30)).toBe(false);
  });
});
