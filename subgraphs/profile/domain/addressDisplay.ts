import type { PostalAddress } from '../../../adapters/canonical';
import { capitalise, HAS_LOWER, HAS_UPPER } from './letterCase';

/**
 * A postal address as people write it: "130 CHURCH STREET" held in a mainframe's upper case
 * becomes "130 Church Street", "NEWCASTLE UPON TYNE" becomes "Newcastle upon Tyne"; the postcode
 * and the country code stay in capitals ("L9 9FW", "GB"). Only the form the graph serves: each
 * golden field's candidates keep the address as its system holds it. Pure and idempotent.
 *
 * As with names (nameDisplay.ts), only words a system shouted (no lower-case letter) or
 * whispered (no capital) are recased; a word in mixed case was written so on purpose.
 */

/** Words that stay lower case inside a street or town name, never first ("Stratford-upon-Avon"). */
export const ADDRESS_LOWER_WORDS: ReadonlySet<string> = new Set(['upon', 'on', 'the', 'of', 'in', 'by', 'under', 'next', 'le', 'la', 'de', 'en', 'and']);

// House and flat numbers with a letter (23A, 4b): the letter in capitals, as Royal Mail writes them.
const NUMBER_WITH_LETTER = /^\d+\p{L}$/u;

/** One piece between hyphens: lower-case words stay lower except at the start of the line. */
function displayPiece(piece: string, first: boolean): string {
  if (HAS_UPPER.test(piece) && HAS_LOWER.test(piece)) return piece;
  if (NUMBER_WITH_LETTER.test(piece)) return piece.toUpperCase();
  const lower = piece.toLowerCase();
  if (!first && ADDRESS_LOWER_WORDS.has(lower)) return lower;
  // O'Connell Street, St. John's: a letter then an apostrophe starts a word of its own.
  const apostrophe = /^(\p{L})(['’])(\p{L}{2,}.*)$/u.exec(lower);
  if (apostrophe) return `${apostrophe[1].toUpperCase()}${apostrophe[2]}${capitalise(apostrophe[3])}`;
  return capitalise(lower);
}

/** A street line or town in display form; whitespace runs become one space. */
export function displayFormOfAddressLine(line: string): string {
  const words = line.trim().split(/\s+/u).filter((w) => w !== '');
  return words.map((word, i) => word.split('-').map((piece, j) => displayPiece(piece, i === 0 && j === 0)).join('-')).join(' ');
}

/** UK-style postcodes and other codes: capitals, single spaces. */
function displayFormOfCode(code: string): string {
  return code.trim().split(/\s+/u).join(' ').toUpperCase();
}

const lineOrNull = (value: string | null, form: (v: string) => string): string | null => {
  if (value === null) return null;
  const shown = form(value);
  return shown === '' ? null : shown;
};

/** The address in display form, field by field (an empty field stays null). */
export function displayFormOfAddress(address: PostalAddress): PostalAddress {
  return {
    line1: lineOrNull(address.line1, displayFormOfAddressLine),
    line2: lineOrNull(address.line2, displayFormOfAddressLine),
    city: lineOrNull(address.city, displayFormOfAddressLine),
    postalCode: lineOrNull(address.postalCode, displayFormOfCode),
    country: lineOrNull(address.country, displayFormOfCode),
  };
}
