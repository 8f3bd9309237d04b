/**
 * Converts between the canonical amount (integer minor units of the currency) and the units of
 * a zoned field with a fixed implied scale (`V99`): the mainframe stores every currency with two
 * decimals, so a yen amount of 1234 travels as `1234.00` and must come back as 1234.
 */

import { minorDigits } from '../money';

export class AmountScaleError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'AmountScaleError';
  }
}

/** Minor units -> field units. A currency with more minor digits than the field cannot be stored. */
export function minorToFieldUnits(amountMinor: number, currency: string, scale: number): number {
  const digits = minorDigits(currency);
  if (digits > scale) throw new AmountScaleError(`${currency} needs ${digits} decimals, the field has ${scale}`);
  const units = amountMinor * 10 ** (scale - digits);
  if (!Number.isSafeInteger(units)) throw new AmountScaleError('amount out of range');
  return units;
}

/** Field units -> minor units. Refuses a fraction the currency does not have (e.g. 0.50 JPY). */
export function fieldUnitsToMinor(units: number, currency: string, scale: number): number {
  const digits = minorDigits(currency);
  if (digits >= scale) return units * 10 ** (digits - scale);
  const factor = 10 ** (scale - digits);
  if (units % factor !== 0) throw new AmountScaleError(`fraction finer than ${currency} allows`);
  const minor = units / factor;
  return minor === 0 ? 0 : minor;
}
