/**
 * Relationship managers and their calendars of free 30-minute slots in the 30 days after AS_OF,
 * during business hours (09:00-17:00, Monday to Friday). The timeline is in November, when UK
 * time is UTC, so the slot instants are also UK wall-clock times.
 */
import { MAX_ADVISORS, advisorIdFor } from './ids';
import { DIACRITIC_FAMILY_NAMES, ENGLISH_FAMILY_NAMES, ENGLISH_GIVEN_NAMES } from './names';
import { Random } from './random';
import type { AdvisorRecord, AdvisorSlotRecord } from './records';
import { AS_OF_MS, DAY_MS, MINUTE_MS, isoInstant } from './timeline';

export const CALENDAR_DAYS = 30;
const SLOT_MINUTES = 30;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;
const FREE_SHARE = 0.45;

/** One advisor per 100 persons, at least 5 (and no more than the `A` + 4 digits id space). */
export function advisorCountFor(persons: number): number {
  return Math.min(MAX_ADVISORS, Math.max(5, Math.ceil(persons / 100)));
}

function compactStamp(iso: string): string {
  // 2026-11-02T09:30:00.000Z -> 20261102T0930. The T keeps the id from forming a long digit run
  // with the advisor number (long digit runs look like card numbers to DLP scanners).
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + 'T' + iso.slice(11, 13) + iso.slice(14, 16);
}

export function generateAdvisor(index: number, rng: Random): AdvisorRecord {
  const advisorId = advisorIdFor(index);
  const family = rng.chance(0.2) ? rng.pick(DIACRITIC_FAMILY_NAMES) : rng.pick(ENGLISH_FAMILY_NAMES);
  const slots: AdvisorSlotRecord[] = [];
  for (let day = 0; day < CALENDAR_DAYS; day++) {
    const dayMs = AS_OF_MS + day * DAY_MS;
    const weekday = new Date(dayMs).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let m = OPEN_HOUR * 60; m < CLOSE_HOUR * 60; m += SLOT_MINUTES) {
      if (!rng.chance(FREE_SHARE)) continue;
      const start = isoInstant(dayMs + m * MINUTE_MS);
      slots.push({ slotId: `${advisorId}-${compactStamp(start)}`, start, end: isoInstant(dayMs + (m + SLOT_MINUTES) * MINUTE_MS) });
    }
  }
  return { advisorId, name: `${rng.pick(ENGLISH_GIVEN_NAMES)} ${family}`, slots };
}

/** Advisors draw from their own random stream, so the population size never shifts them. */
export const ADVISOR_STREAM = -1;

export function* generateAdvisors(seed: number, count: number): Generator<AdvisorRecord> {
  const rng = Random.forStream(seed, ADVISOR_STREAM);
  for (let i = 0; i < count; i++) yield generateAdvisor(i, rng);
}
