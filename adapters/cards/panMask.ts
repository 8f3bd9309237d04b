/**
 * PAN masking: a card number never leaves the cards adapter unmasked (BIN + last 4 at most).
 *
 * The processor serves full card numbers (its card resources and nightly file hold `pan`), as
 * real issuer processors do: this module is the one place they are masked, so removing it makes
 * the PCI tests fail (adapters/cards/panMasking.contract.test.ts shows that they can).
 */

/** A full PAN: 13 to 19 digits, optionally grouped by spaces or dashes. */
const PAN_IN_TEXT = /(?<![\d*])\d(?:[ -]?\d){12,18}(?![\d*])/g;

/** The masked form we accept as already safe: the 6-digit BIN, stars, the last 4. */
const MASKED_PAN = /^\d{6}\*{3,9}\d{4}$/;

/**
 * Masks one card-number field to `BIN******LAST4`.
 * A value already masked passes through; a full PAN is masked; anything else (an odd
 * format we cannot reason about) keeps only its last 4 digits, so no digit run survives.
 */
export function maskPan(value: string): string {
  const compact = value.replace(/[ -]/g, '');
  if (MASKED_PAN.test(compact)) return compact;
  if (/^\d{13,19}$/.test(compact)) {
    return `${compact.slice(0, 6)}${'*'.repeat(compact.length - 10)}${compact.slice(-4)}`;
  }
  return `************${compact.replace(/\D/g, '').slice(-4)}`;
}

/** Masks every PAN-looking digit run inside free text (a merchant name, a memo). */
export function redactPans(text: string): string {
  return text.replace(PAN_IN_TEXT, (match) => maskPan(match));
}

/** True when the text holds a digit run that looks like a full, unmasked PAN. */
export function containsUnmaskedPan(text: string): boolean {
  // A fresh, non-global regex: a shared /g regex keeps `lastIndex` between calls.
  return new RegExp(PAN_IN_TEXT.source).test(text);
}
