import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The key the call center matches phone numbers on. Agents type numbers as they hear them
 * (`07700 900123`, `+44 7700 900123`, `0044 7700-900123`), so a lookup compares the national
 * significant number: digits only, the country calling code and trunk zeros removed. National
 * and international forms of one number then share a key.
 *
 * Trade-off (documented in PROTOCOL.md): the same national digits under two countries share a key,
 * so a lookup may return contacts of both; the result is a list and the caller disambiguates.
 * Returns undefined for input with too few digits to identify anyone (a lookup then finds nothing).
 */
export function phoneMatchKey(typed: string): string | undefined {
  const trimmed = typed.trim();
  const digits = trimmed.replace(/\D/g, '');
  let national = digits;
  const international = trimmed.startsWith('+') || (digits.startsWith('00') && !trimmed.startsWith('('));
  if (international) {
    const e164 = `+${trimmed.startsWith('+') ? digits : digits.slice(2)}`;
    national = parsePhoneNumberFromString(e164)?.nationalNumber ?? digits;
  }
  // Trunk prefix (0 in most of Europe) and Italian-style leading zeros compare equal once stripped.
  const key = national.replace(/^0+/, '');
  return key.length >= 6 ? key : undefined;
}
