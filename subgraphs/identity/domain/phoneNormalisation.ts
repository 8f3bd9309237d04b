/**
 * Phone numbers to E.164, the one form in which `07700 900123`, `+44 7700 900123` and
 * `(07700) 900-123` are the same string.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export const DEFAULT_PHONE_COUNTRY: CountryCode = 'GB';

/** Separators people and agents type between digit groups. */
const SEPARATORS = /[\s\-().\u00a0/]/g;

/**
 * Normalises one phone number to E.164, or null when it cannot be a phone number.
 *
 * UK numbers in their two usual shapes (national `0` + 10 digits, international `+44`/`0044` +
 * 10 digits) take a fast path: libphonenumber costs ~30 µs a call, which is most of the time of a
 * million-record run. Both paths agree on those shapes (checked in the tests); anything else goes
 * through libphonenumber-js. Possible rather than valid numbers are kept: test and drama ranges
 * (07700 900xxx) are not "valid" but are still the same number in two systems.
 */
export function normalisePhone(raw: string | null | undefined, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  if (!raw) return null;
  const compact = raw.replace(SEPARATORS, '');
  if (defaultCountry === 'GB') {
    const fast = ukShapeE164(compact);
    if (fast !== undefined) return fast;
  }
  if (!/\d{6,}/.test(compact)) return null;
  const parsed = parsePhoneNumberFromString(raw.startsWith('00') ? '+' + raw.slice(2) : raw, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** Normalises every number, dropping unusable ones and repeats; order of first appearance kept. */
export function normalisePhones(raws: readonly (string | null)[], defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string[] {
  const out: string[] = [];
  for (const raw of raws) {
    const phone = normalisePhone(raw, defaultCountry);
    if (phone && !out.includes(phone)) out.push(phone);
  }
  return out;
}

/** E.164 of the two usual UK shapes (separators removed), undefined for any other shape. */
function ukShapeE164(compact: string): string | undefined {
  if (/^0[1-9]\d{9}$/.test(compact)) return '+44' + compact.slice(1);
  if (/^\+44[1-9]\d{9}$/.test(compact)) return compact;
  if (/^0044[1-9]\d{9}$/.test(compact)) return '+' + compact.slice(2);
  return undefined;
}

/**
 * A phone as typed, in E.164, reading a number without country code as British (the bank's home
 * market); null when libphonenumber does not call it a possible number. This is libphonenumber's
 * reading exactly (the golden profile, its validation and the search keys use it), with the two
 * usual UK shapes on the fast path: a library parse of a +44 number costs ~30 µs (it works out
 * which of the countries sharing +44 the number belongs to), and profiles and the initial load's
 * discrepancy pass read every record's phones.
 */
export function possibleE164(text: string): string | null {
  const fast = ukShapeE164(text.replace(SEPARATORS, ''));
  if (fast !== undefined) return fast;
  const parsed = parsePhoneNumberFromString(text, DEFAULT_PHONE_COUNTRY);
  return parsed?.isPossible() ? parsed.number : null;
}
