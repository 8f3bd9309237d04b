/**
 * Card numbers as the card processor's database holds them: full 16-digit PANs that pass the
 * Luhn check, on card-network test prefixes (the ranges payment test suites use), so no number
 * can belong to a real card. The processor serves them whole; masking is the adapter's job.
 */

/** The Luhn check digit for `payload` (the PAN without its last digit). */
export function luhnCheckDigit(payload: string): string {
  if (!/^\d+$/.test(payload)) throw new RangeError('a PAN payload is digits only');
  let sum = 0;
  // From the right, every second digit of the payload is doubled (the check digit will sit to its right).
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * `bin` (6 digits) + `account` (6 digits, e.g. from the card reference) + `serial` (3 digits)
 * + the Luhn check digit: 16 digits.
 */
export function testPan(bin: string, account: string, serial: string): string {
  if (!/^\d{6}$/.test(bin) || !/^\d{6}$/.test(account) || !/^\d{3}$/.test(serial)) {
    throw new RangeError('BIN and account are 6 digits, serial 3');
  }
  const payload = `${bin}${account}${serial}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}
