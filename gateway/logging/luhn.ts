/**
 * The Luhn (mod 10) check every payment card number satisfies. A digit run of card length
 * that passes it is treated as a possible PAN (logs are scrubbed, tests fail on it).
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

// 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer run.
const CARD_LENGTH_RUN = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;

/** Every 13-19 digit run in `text` (separators removed) that passes Luhn: possible unmasked PANs. */
export function findLuhnValidCardNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CARD_LENGTH_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (passesLuhn(digits)) found.push(digits);
  }
  return found;
}
