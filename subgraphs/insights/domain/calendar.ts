/**
 * Date arithmetic for the rules, in UTC (the graph has no local times). "Today" is always a
 * parameter: the rules never read the clock, so a test can stand on any day.
 */
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date `YYYY-MM-DD` parts, or null when the text is not a real date. */
export function parseDate(text: string | null | undefined): { year: number; month: number; day: number } | null {
  const match = DATE.exec(text ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March: a rolled-over date is not a real date.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The UTC calendar date of an instant (or of a date), `YYYY-MM-DD`. */
export function dateOf(asOf: string): string {
  return asOf.slice(0, 10);
}

/**
 * Age in whole years on `today`. A birthday counts from the day itself; a 29 February birthday
 * counts from 1 March in non-leap years (the UK rule). Null for an unusable or future birth date.
 */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  const birth = parseDate(birthDate);
  const now = parseDate(dateOf(today));
  if (!birth || !now) return null;
  let age = now.year - birth.year;
  if (now.month < birth.month || (now.month === birth.month && now.day < birth.day)) age -= 1;
  return age >= 0 ? age : null;
}

/** Whole days from `at` (a date or an instant) to `asOf`; negative when `at` is later. NaN when unparseable. */
export function daysBefore(at: string, asOf: string): number {
  const atMs = Date.parse(at.length === 10 ? `${at}T00:00:00.000Z` : at);
  const asOfMs = Date.parse(asOf);
  return Math.floor((asOfMs - atMs) / DAY_MS);
}

/** True when `at` falls in the `days` days up to `asOf` (today counts as day 0; later is out). */
export function withinLastDays(at: string, asOf: string, days: number): boolean {
  const age = daysBefore(at, asOf);
  return age >= 0 && age < days;
}
