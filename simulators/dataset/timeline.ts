/**
 * The dataset's clock. Generation never reads the wall clock: every date is placed relative to
 * AS_OF, which manifest.json records so simulators can use it as "now".
 */
export const AS_OF = '2026-11-01T00:00:00.000Z';
export const AS_OF_MS = Date.parse(AS_OF);

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// Formatting tens of millions of timestamps with Date#toISOString dominated the 1M-person run;
// the day part is cached per day and the time of day is formatted by hand.
const CACHE_FIRST_DAY = Math.floor(Date.parse('1900-01-01T00:00:00.000Z') / DAY_MS);
const CACHE_DAYS = 250 * 366;
const dayCache: (string | undefined)[] = new Array<string | undefined>(CACHE_DAYS);

function dayString(day: number): string {
  const slot = day - CACHE_FIRST_DAY;
  const inCache = slot >= 0 && slot < CACHE_DAYS;
  let text = inCache ? dayCache[slot] : undefined;
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (inCache) dayCache[slot] = text;
  }
  return text;
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** ISO 8601 UTC instant with milliseconds (same text as Date#toISOString for years 0-9999). */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const msText = millis < 10 ? '00' + millis : millis < 100 ? '0' + millis : String(millis);
  return `${dayString(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${msText}Z`;
}

/** `YYYY-MM-DD` (UTC). */
export function isoDate(ms: number): string {
  return dayString(Math.floor(ms / DAY_MS));
}

/** `YYYY-MM` (UTC). */
export function isoMonth(ms: number): string {
  return dayString(Math.floor(ms / DAY_MS)).slice(0, 7);
}
