/**
 * Encodes and decodes fixed-width records, driven entirely by a copybook layout
 * (copybookLayout.ts): the same layout formats a record in the simulator and parses it in
 * the adapter, so the two can never disagree on an offset.
 *
 * It works on text, one character per host byte; ebcdicCodePage.ts turns the host's CCSID 870
 * bytes into that text and back (a text field holds what the code page holds: Ł, Ü, É...).
 *
 * Decoded values by field kind:
 * - text: the characters with trailing spaces removed (a blank field is `''`);
 * - digits (`PIC 9(n)`): the digit string, leading zeros kept (CIFs and account numbers are keys, not numbers);
 * - zoned (`PIC S9(n)V99`): an integer count of the field's smallest unit (value x 10^scale);
 * - date: `YYYY-MM-DD`, or `null` for `00000000`;
 * - timestamp: an ISO 8601 UTC instant with milliseconds, or `null` for all zeros.
 *
 * Errors name the record and field, never the value: the values are customer data.
 */

import type { CopybookField, CopybookLayout } from './copybookLayout';
import { isEncodable } from './ebcdicCodePage';
import { decodeZoned, encodeZoned, ZonedDecimalError } from './zonedDecimal';

export type FieldValue = string | number | null;
export type DecodedRecord = Record<string, FieldValue>;

export class CopybookCodecError extends Error {
  constructor(
    message: string,
    readonly record: string,
    readonly field?: string,
  ) {
    super(field ? `${record}.${field}: ${message}` : `${record}: ${message}`);
    this.name = 'CopybookCodecError';
  }
}

export interface EncodeOptions {
  /**
   * Cut text longer than its field instead of refusing it, as a 3270 entry screen would.
   * Digit, zoned, date and timestamp fields are never cut: a cut key or amount is a wrong one.
   */
  truncateText?: boolean;
}

/** True when `text` holds a C0 or C1 control: never field text, even where the code page has a byte for it. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return true;
  }
  return false;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when y-m-d is a real (proleptic Gregorian) calendar date: rejects 2026-02-30. Arithmetic, no Date: it runs per record. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** Module-level rather than a closure per field: this runs for every field of a million-record extract. */
function failure(layout: CopybookLayout, field: CopybookField, message: string): never {
  throw new CopybookCodecError(message, layout.name, field.name);
}

function encodeField(layout: CopybookLayout, field: CopybookField, raw: FieldValue | undefined, options: EncodeOptions): string {
  switch (field.kind) {
    case 'filler':
      return ' '.repeat(field.length);
    case 'text': {
      const value = raw ?? field.value ?? '';
      if (typeof value !== 'string') return failure(layout, field, 'expected text');
      if (hasControl(value) || !isEncodable(value)) return failure(layout, field, 'text outside the code page (CCSID 870)');
      if (value.length > field.length && !options.truncateText) return failure(layout, field, `text longer than ${field.length}`);
      return value.slice(0, field.length).padEnd(field.length, ' ');
    }
    case 'digits': {
      const value = raw ?? '';
      const text = typeof value === 'number' ? (Number.isSafeInteger(value) && value >= 0 ? String(value) : failure(layout, field, 'expected a non-negative integer')) : value;
      if (!/^\d*$/.test(text)) return failure(layout, field, 'expected digits');
      if (text.length > field.length) return failure(layout, field, `more than ${field.length} digits`);
      return text.padStart(field.length, '0');
    }
    case 'zoned': {
      const value = raw ?? 0;
      if (typeof value !== 'number') return failure(layout, field, 'expected an integer amount of units');
      try {
        return encodeZoned(value, field.length, field.signed);
      } catch (error) {
        if (error instanceof ZonedDecimalError) return failure(layout, field, error.message);
        throw error;
      }
    }
    case 'date': {
      if (raw === null || raw === undefined) return '0'.repeat(8);
      const match = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
      if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return failure(layout, field, 'expected a YYYY-MM-DD date');
      return match[1] + match[2] + match[3];
    }
    case 'timestamp': {
      if (raw === null || raw === undefined) return '0'.repeat(17);
      const date = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : new Date(NaN);
      if (Number.isNaN(date.getTime())) return failure(layout, field, 'expected an ISO 8601 instant');
      const year = date.getUTCFullYear();
      if (year < 1 || year > 9999) return failure(layout, field, 'year out of range');
      return (
        String(year).padStart(4, '0') +
        pad2(date.getUTCMonth() + 1) +
        pad2(date.getUTCDate()) +
        pad2(date.getUTCHours()) +
        pad2(date.getUTCMinutes()) +
        pad2(date.getUTCSeconds()) +
        String(date.getUTCMilliseconds()).padStart(3, '0')
      );
    }
  }
}

const FIELD_NAMES = new WeakMap<CopybookLayout, Set<string>>();

/** The data names of a layout, computed once: encoding a million records must not rescan the layout per key. */
function fieldNames(layout: CopybookLayout): Set<string> {
  let names = FIELD_NAMES.get(layout);
  if (!names) {
    names = new Set(layout.fields.filter((f) => f.kind !== 'filler').map((f) => f.name));
    FIELD_NAMES.set(layout, names);
  }
  return names;
}

/**
 * Formats one record. Fields missing from `record` are initialised the way COBOL's
 * INITIALIZE does (spaces, zeros, `VALUE` literals); a key the layout does not know is refused,
 * so a misspelt field name can never vanish silently.
 */
export function encodeRecord(layout: CopybookLayout, record: Readonly<Record<string, FieldValue | undefined>>, options: EncodeOptions = {}): string {
  const known = fieldNames(layout);
  for (const key in record) {
    if (!known.has(key)) throw new CopybookCodecError('unknown field', layout.name, key);
  }
  let line = '';
  for (const field of layout.fields) line += encodeField(layout, field, record[field.name], options);
  return line;
}

function decodeField(layout: CopybookLayout, field: CopybookField, text: string): FieldValue {
  switch (field.kind) {
    case 'text':
      return text.trimEnd();
    case 'digits':
      return /^\d+$/.test(text) ? text : failure(layout, field, 'expected digits');
    case 'zoned':
      try {
        return decodeZoned(text, field.signed);
      } catch (error) {
        if (error instanceof ZonedDecimalError) return failure(layout, field, error.message);
        throw error;
      }
    case 'date': {
      if (!/^\d{8}$/.test(text)) return failure(layout, field, 'expected a YYYYMMDD date');
      if (text === '00000000') return null;
      // The value as the host holds it, in ISO form, even when it is no calendar date (20061304):
      // a PIC 9(8) field holds whatever was keyed. Whether that is acceptable is the record's
      // schema's call, per field (coreBankingWire.ts), not the code page's: one mistyped birth
      // date must not make a million-record extract unreadable.
      return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
    }
    case 'timestamp': {
      if (!/^\d{17}$/.test(text)) return failure(layout, field, 'expected a YYYYMMDDHHMMSSmmm timestamp');
      if (/^0+$/.test(text)) return null;
      const [year, month, day] = [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))];
      const [hour, minute, second] = [Number(text.slice(8, 10)), Number(text.slice(10, 12)), Number(text.slice(12, 14))];
      if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return failure(layout, field, 'not a valid timestamp');
      return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}.${text.slice(14, 17)}Z`;
    }
    case 'filler':
      return null;
  }
}

/** Parses one record line; a line of the wrong length or a field that does not parse is refused. */
export function decodeRecord(layout: CopybookLayout, line: string): DecodedRecord {
  if (line.length !== layout.length) {
    throw new CopybookCodecError(`expected ${layout.length} characters, got ${line.length}`, layout.name);
  }
  const record: DecodedRecord = {};
  for (const field of layout.fields) {
    if (field.kind === 'filler') continue;
    record[field.name] = decodeField(layout, field, line.slice(field.offset, field.offset + field.length));
  }
  return record;
}
