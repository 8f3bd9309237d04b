/**
 * ISO 4217 minor-unit exponents, the simulators' own copy: the legacy systems format amounts
 * themselves, so they must not borrow the adapters' money code (a shared bug would be written
 * and read the same way). Currencies not listed have two decimals.
 */
const EXPONENTS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3 };

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** Minor units -> a plain decimal string: `-12345` GBP is `"-123.45"`, `1234` JPY is `"1234"`. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('amount must be a safe integer of minor units');
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const sign = amountMinor < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
