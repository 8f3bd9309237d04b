/**
 * Zoned decimal (COBOL `PIC S9(n)V9(m)` USAGE DISPLAY) with an overpunched sign.
 *
 * Each digit is one character; the sign travels in the zone of the last digit: the EBCDIC bytes
 * X'C0'-X'C9' (+0..+9) and X'D0'-X'D9' (-0..-9), which the code page reads as `{ABCDEFGHI` and
 * `}JKLMNOPQR`, the characters this codec works on.
 * The decimal point is implied by the copybook (`V`), so the value is carried here as an
 * integer count of the field's smallest unit (value x 10^scale): no floating point anywhere.
 */

const POSITIVE = '{ABCDEFGHI';
const NEGATIVE = '}JKLMNOPQR';

/** Digits a JS number holds exactly; wider fields would silently lose precision. */
export const MAX_ZONED_DIGITS = 15;

export class ZonedDecimalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZonedDecimalError';
  }
}

/**
 * Encodes `units` (an integer) into `digits` characters. Unsigned fields refuse negatives;
 * a value too wide for the field is refused rather than truncated (money must never be cut).
 */
export function encodeZoned(units: number, digits: number, signed: boolean): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > MAX_ZONED_DIGITS) {
    throw new ZonedDecimalError(`unsupported zoned width ${digits}`);
  }
  if (!Number.isSafeInteger(units)) throw new ZonedDecimalError('zoned value must be a safe integer');
  if (units < 0 && !signed) throw new ZonedDecimalError('negative value in an unsigned field');
  const magnitude = String(Math.abs(units));
  if (magnitude.length > digits) throw new ZonedDecimalError(`value wider than ${digits} digits`);
  const padded = magnitude.padStart(digits, '0');
  if (!signed) return padded;
  const last = Number(padded[digits - 1]);
  const zone = units < 0 ? NEGATIVE[last] : POSITIVE[last];
  return padded.slice(0, digits - 1) + zone;
}

/**
 * Decodes a zoned field back to integer units. A plain digit in the sign position of a signed
 * field is read as positive (IBM's unsigned `F` zone), which real extracts do contain.
 */
export function decodeZoned(text: string, signed: boolean): number {
  if (text.length < 1 || text.length > MAX_ZONED_DIGITS) throw new ZonedDecimalError(`unsupported zoned width ${text.length}`);
  const head = text.slice(0, -1);
  const tail = text[text.length - 1];
  if (!/^\d*$/.test(head)) throw new ZonedDecimalError('non-digit in zoned field');
  let lastDigit: number;
  let negative = false;
  if (tail >= '0' && tail <= '9') {
    lastDigit = Number(tail);
  } else if (signed && POSITIVE.includes(tail)) {
    lastDigit = POSITIVE.indexOf(tail);
  } else if (signed && NEGATIVE.includes(tail)) {
    lastDigit = NEGATIVE.indexOf(tail);
    negative = true;
  } else {
    throw new ZonedDecimalError('invalid sign position in zoned field');
  }
  const magnitude = Number(head + String(lastDigit));
  // -0 is a legal encoding (`}`) but not a value we want to hand on.
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}
