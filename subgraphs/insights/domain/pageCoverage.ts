/**
 * What a newest-first list that may be cut short still proves (a window a system served with
 * fewer items than it holds: see insightTypes.ts).
 */
import { daysBefore } from './calendar';

/**
 * True when the list surely holds every item of the last `days` days: it is complete, or it is a
 * newest-first page whose oldest item is already outside the window (so nothing of the window
 * can be missing). A list that could not be read (null) proves nothing.
 */
export function coversLastDays<T>(items: readonly T[] | null | undefined, complete: boolean | undefined, at: (item: T) => string, asOf: string, days: number): boolean {
  if (!items) return false;
  if (complete !== false) return true;
  return items.some((item) => daysBefore(at(item), asOf) >= days);
}

/** The reason line when a figure is unknown because only part of a list was received. */
export function partialPageReason(what: string, list: string): string {
  return `${what} unknown: only part of the latest ${list} reached the insights`;
}
