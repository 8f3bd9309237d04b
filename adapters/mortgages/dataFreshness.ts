/** How old a batch system's data is against its delivery schedule (served on /health, read by /ready). */
export interface DataFreshness {
  /** The business date of the latest file applied, or null before the first. */
  asOf: string | null;
  /** Time since the end of that business day (UTC), or null before the first file. */
  ageMs: number | null;
  /** True when no file was applied yet, or the latest is older than the schedule allows. */
  stale: boolean;
}

const DAY_MS = 86_400_000;

/**
 * A business date's data is complete at the end of that day (midnight UTC), and the next file is
 * due within `staleAfterMs` of it (26 h by default: the nightly drop plus a margin). Older data is
 * stale: still served, but marked.
 */
export function dataFreshness(businessDate: string | null, nowMs: number, staleAfterMs: number): DataFreshness {
  if (businessDate === null) return { asOf: null, ageMs: null, stale: true };
  const endOfDay = Date.parse(`${businessDate}T00:00:00.000Z`) + DAY_MS;
  const ageMs = Math.max(0, nowMs - endOfDay);
  return { asOf: businessDate, ageMs, stale: ageMs > staleAfterMs };
}
