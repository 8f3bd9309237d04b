import type { Money } from './canonical';

/** Minor-unit digits per ISO 4217 currency we meet; two is the default. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KWD: 3, BHD: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** `{amountMinor: -12345, currency: 'EUR'}` -> `"-123.45"`. Exact: no floating point. */
export function toDecimalString(money: Money): string {
  const digits = minorDigits(money.currency);
  const negative = money.amountMinor < 0;
  const abs = String(Math.abs(money.amountMinor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : abs.slice(0, abs.length - digits);
  const fraction = digits === 0 ? '' : `.${abs.slice(abs.length - digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** `"-123.45"`, `"EUR"` -> `-12345`. Refuses more fraction digits than the currency has. */
export function fromDecimalString(text: string, currency: string): Money {
  const digits = minorDigits(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError('not a decimal amount');
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) throw new RangeError(`more than ${digits} fraction digits`);
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) throw new RangeError('amount out of range');
  return { amountMinor: sign && minor !== 0 ? -minor : minor, currency };
}
