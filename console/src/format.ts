/**
 * Display formats. Money stays a decimal string end to end (never a float). Instants travel in
 * UTC and are shown in the bank's zone, with the zone named (`GMT` in winter, `BST` in summer),
 * so an agent reads the same clock as the customer on the phone.
 */

/** The bank's time zone: every instant the console shows is in it. */
export const BANK_TIME_ZONE = 'Europe/London';

export interface Money {
  amount: string;
  currency: string;
}

/** `-1234567.5` GBP -> `-1,234,567.5 GBP` (digit grouping on the string, no arithmetic). */
export function formatMoney(money: Money | null | undefined): string {
  if (!money) return '';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(money.amount);
  if (!match) return `${money.amount} ${money.currency}`;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction} ${money.currency}`;
}

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: BANK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** The bank's wall clock at an instant: date, time and the zone's short name there and then. */
export interface WallClock {
  date: string;
  time: string;
  zone: string;
}

export function wallClock(instant: Date): WallClock {
  const part = (type: Intl.DateTimeFormatPartTypes) => WALL_CLOCK.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}`, zone: part('timeZoneName') };
}

/** ISO 8601 instant -> `2026-11-27 08:00 GMT` (the bank's zone); a plain date or anything else as given. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const instant = parseInstant(iso);
  if (!instant) return iso;
  const { date, time, zone } = wallClock(instant);
  return `${date} ${time} ${zone}`;
}

/** A slot: `2026-11-27 09:00–09:30 GMT`, the end's date and zone repeated only when they differ. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = parseInstant(startIso);
  const end = parseInstant(endIso);
  if (!start || !end) return `${startIso} to ${endIso}`;
  const from = wallClock(start);
  const to = wallClock(end);
  if (from.date === to.date && from.zone === to.zone) return `${from.date} ${from.time}–${to.time} ${to.zone}`;
  return `${from.date} ${from.time} ${from.zone} – ${to.date} ${to.time} ${to.zone}`;
}

/**
 * A wall-clock time in the bank's zone as typed in a `datetime-local` input (`2026-07-01T10:05`)
 * -> the ISO instant; null when empty or unreadable. A time the clocks skip (spring forward) is
 * read with the winter offset (01:30 on the last Sunday of March is 01:30 GMT, i.e. 02:30 BST); a
 * time they repeat (autumn) as the first of the two.
 */
export function bankWallTimeToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map((n) => n ?? '0');
  const asIfUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(asIfUtc)) return null;
  // The zone's offset is known only at an instant: take it an hour either side and keep the
  // earliest candidate whose wall clock reads what was typed.
  const candidates = [offsetAt(asIfUtc - 3_600_000), offsetAt(asIfUtc + 3_600_000)].map((offset) => asIfUtc - offset).sort((a, b) => a - b);
  const typed = `${year}-${month}-${day} ${hour}:${minute}`;
  const exact = candidates.find((t) => { const w = wallClock(new Date(t)); return `${w.date} ${w.time}` === typed; });
  return new Date(exact ?? candidates[candidates.length - 1]).toISOString();
}

/** The bank zone's offset from UTC at an instant, in milliseconds (BST: 3,600,000). */
function offsetAt(utcMs: number): number {
  const parts = Object.fromEntries(WALL_CLOCK.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function parseInstant(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `TERM_DEPOSIT` -> `Term deposit`; a numeric range keeps its dash (`AGE_28_60` -> `Age 28-60`). */
export function formatEnum(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().replace(/(\d)_(\d)/g, '$1-$2').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
