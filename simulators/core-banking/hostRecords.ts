/**
 * Formats one fixed-width host record from a copybook layout (the simulator's own reader,
 * copybookReader.ts), the way the host's programs fill their output areas:
 * - text (`PIC X`): left aligned, space padded, cut at the field width (as the entry screen cut it);
 * - unsigned (`PIC 9`): right aligned, zero padded; a `*-DATE` field takes `YYYY-MM-DD` and is
 *   written `YYYYMMDD`, a `*-TS` field takes an ISO instant and is written `YYYYMMDDHHMMSSmmm` UTC,
 *   both all zeros for none;
 * - zoned (`PIC S9(n)V99`): an integer count of the last digit's unit, sign overpunched on the
 *   last digit (`{ABCDEFGHI` = +0..+9, `}JKLMNOPQR` = -0..-9).
 * The result is text, one character per host byte; ccsid870.ts turns it into bytes.
 */

import type { HostField, HostLayout } from './copybookReader';

export type HostValue = string | number | null | undefined;

const POSITIVE_LAST = '{ABCDEFGHI';
const NEGATIVE_LAST = '}JKLMNOPQR';

function refuse(layout: HostLayout, field: HostField, why: string): never {
  throw new RangeError(`${layout.record}.${field.name}: ${why}`);
}

function unsigned(layout: HostLayout, field: HostField, value: HostValue): string {
  let digits: string;
  if (value === null || value === undefined) {
    digits = '';
  } else if (field.name.endsWith('-DATE') && field.length === 8) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) refuse(layout, field, 'expected YYYY-MM-DD');
    digits = value.split('-').join('');
  } else if (field.name.endsWith('-TS') && field.length === 17) {
    const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$/.exec(new Date(value).toISOString()) : null;
    if (!match) refuse(layout, field, 'expected an ISO instant');
    digits = match.slice(1, 7).join('') + (match[7] ?? '').padEnd(3, '0');
  } else {
    digits = String(value);
    if (!/^\d+$/.test(digits)) refuse(layout, field, 'expected digits');
  }
  if (digits.length > field.length) refuse(layout, field, 'too many digits');
  return digits.padStart(field.length, '0');
}

function zoned(layout: HostLayout, field: HostField, value: HostValue): string {
  const units = value ?? 0;
  if (typeof units !== 'number' || !Number.isSafeInteger(units)) refuse(layout, field, 'expected an integer amount of units');
  const digits = String(Math.abs(units)).padStart(field.length, '0');
  if (digits.length > field.length) refuse(layout, field, 'amount too large');
  const last = Number(digits[digits.length - 1]);
  return digits.slice(0, -1) + (units < 0 ? NEGATIVE_LAST[last] : POSITIVE_LAST[last]);
}

/** One record; a value for a name the layout does not have is refused (a typo must not vanish). */
export function formatHostRecord(layout: HostLayout, values: Readonly<Record<string, HostValue>>): string {
  for (const name of Object.keys(values)) if (!layout.fields.has(name)) throw new RangeError(`${layout.record} has no field ${name}`);
  let line = '';
  for (const field of layout.fields.values()) {
    const value = values[field.name];
    // FILLER is not in `fields`; pad up to each field's offset so gaps stay spaces.
    line = line.padEnd(field.offset, ' ');
    if (field.kind === 'text') line += String(value ?? field.value ?? '').slice(0, field.length).padEnd(field.length, ' ');
    else if (field.kind === 'unsigned') line += unsigned(layout, field, value);
    else line += zoned(layout, field, value);
  }
  return line.padEnd(layout.length, ' ');
}
