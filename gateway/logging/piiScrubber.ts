import { passesLuhn } from './luhn';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// International (+ and 8-15 digits) or UK national (0 and 10-11 digits), with the separators
// people type. Dates, times, IPs and ports do not match: they do not start with + or 0 and a
// digit run of this length.
const PHONE = /(?<![\w+])(?:\+\d(?:[ ().-]{0,2}\d){7,14}|0\d(?:[ ().-]?\d){8,9})(?!\d)/g;
// UK National Insurance number (the population's national id), spaced or not.
const NATIONAL_ID = /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;
const CARD_LENGTH_RUN = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

/**
 * Replaces personal data in free text (log messages, error messages) with markers: emails,
 * phone numbers, national ids and Luhn-valid card numbers. A second line of defence: code
 * must not log customer data at all; this catches what slips through (an upstream error
 * message quoting a record, a validation error echoing input).
 */
export function scrubPii(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(CARD_LENGTH_RUN, (run) => (passesLuhn(run.replace(/[ -]/g, '')) ? '[card-number]' : run))
    .replace(NATIONAL_ID, '[national-id]')
    .replace(PHONE, '[phone]');
}

/** Keys whose values are identifiers we generate (request ids are UUIDs and must stay intact). */
const UNTOUCHED_KEYS = new Set(['requestId', 'level', 'time', 'pid', 'hostname']);

/** A copy of a log object with every string value scrubbed (depth-limited: log objects are small). */
export function scrubPiiDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPii(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  // An Error's message and stack are not enumerable; keep them, scrubbed, the way pino's serializer would.
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { type: value.name, message: scrubPii(value.message), ...(code !== undefined ? { code } : {}), ...(value.stack ? { stack: scrubPii(value.stack) } : {}) };
  }
  if (Array.isArray(value)) return value.map((v) => scrubPiiDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = UNTOUCHED_KEYS.has(key) ? v : scrubPiiDeep(v, depth + 1);
  return out;
}
