/**
 * A person's name as people write it: "WRIGHT SOPHIE" held in a mainframe's upper case becomes
 * "Sophie Wright", "McDONALD" becomes "McDonald", "VAN DER BERG" becomes "van der Berg" after a
 * given name. The raw value each system holds stays in the golden field's candidates; this is
 * only the form the graph serves. Pure and idempotent: the display form of a display form is
 * itself.
 *
 * Only words a system shouted (no lower-case letter, or `Mc`/`Mac` followed by capitals) or
 * whispered (no capital) are recased. A word already in mixed case ("Macdonald", "DeVito",
 * "de la Cruz") was written that way on purpose and is kept as written.
 */

import { capitalise, HAS_LOWER, HAS_UPPER } from './letterCase';

/** Words that stay lower case inside a name (nobiliary and family-name particles). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'zu', 'af', 'y', 'bin', 'ibn']);

/** Words that stay upper case (generational suffixes). */
export const NAME_UPPER_WORDS: ReadonlySet<string> = new Set(['ii', 'iii', 'iv']);

/**
 * Names that begin with "Mac" without being Mac + a name (Mack, Macey, Machin ...): they take
 * no second capital. "Mc" always does (McDonald, McNeil).
 */
export const NOT_MAC_PREFIXED: ReadonlySet<string> = new Set([
  'mac', 'mace', 'macey', 'macy', 'mack', 'macks', 'mackie', 'macklin', 'mackin', 'machin', 'machado', 'macho', 'macias', 'macon',
  'macari', 'macaulay', 'macedo', 'macek', 'machen', 'mackey', 'mackle', 'macri', 'macrae',
]);

// "McDONALD", "MacDONALD": the prefix in proper case and the rest shouted.
const SHOUTED_AFTER_PREFIX = /^(Mc|Mac)\p{Lu}{2,}$/u;

/** One lower-cased piece between hyphens, in proper case: o'neill -> O'Neill, mcdonald -> McDonald. */
function properPiece(lower: string): string {
  // O'Neill, D'Arcy: a one-letter prefix before an apostrophe is a word of its own.
  const apostrophe = /^(\p{L})(['’])(\p{L}.*)$/u.exec(lower);
  if (apostrophe) return `${apostrophe[1].toUpperCase()}${apostrophe[2]}${properPiece(apostrophe[3])}`;
  if (/^mc\p{L}{2,}$/u.test(lower)) return `Mc${capitalise(lower.slice(2))}`;
  if (/^mac\p{L}{3,}$/u.test(lower) && !NOT_MAC_PREFIXED.has(lower)) return `Mac${capitalise(lower.slice(3))}`;
  return capitalise(lower);
}

/** Whether a word is in a case no one writes a name in (all capitals, all lower, McDONALD). */
function needsRecasing(word: string): boolean {
  if (!HAS_UPPER.test(word) || !HAS_LOWER.test(word)) return true;
  return SHOUTED_AFTER_PREFIX.test(word);
}

function displayWord(word: string, isFirst: boolean): string {
  if (!needsRecasing(word)) return word;
  const lower = word.toLowerCase();
  if (NAME_UPPER_WORDS.has(lower)) return lower.toUpperCase();
  if (NAME_PARTICLES.has(lower)) {
    // A particle written in lower case stays so ("de la Cruz"); one shouted at the start of the
    // name is capitalised like any first word ("VAN DER BERG" -> "Van der Berg").
    return isFirst && word !== lower ? capitalise(lower) : lower;
  }
  return lower.split('-').map(properPiece).join('-');
}

/** The display form of a name (spaces collapsed, each word in the case people write it in). */
export function displayFormOfName(name: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => w !== '');
  return words.map((word, i) => displayWord(word, i === 0)).join(' ');
}

/** Whether a value is already in its display form (a system that holds names as people write them). */
export function isDisplayForm(name: string): boolean {
  return displayFormOfName(name) === name;
}
