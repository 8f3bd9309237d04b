/**
 * Text as the mainframe holds it: upper case, in its code page (EBCDIC CCSID 870, Latin-2), so
 * `Bartłomiej Wiśniewska` lives on as `BARTŁOMIEJ WIŚNIEWSKA` and `Müller` as `MÜLLER`.
 * What the page lacks was folded by the entry screens, by explicit rules (PROTOCOL.md, "Code
 * page"): a letter loses an accent the page does not have (`Lefèvre` -> `LEFEVRE`, `Núñez` ->
 * `NÚNEZ`), a few letters have a fixed spelling (`Søren` -> `SOREN`), typographic quotes and
 * dashes become plain ones. Anything still outside the page is sent as SUB (X'3F'), as a host
 * conversion does; the population holds no such character (mainframeText.test.ts checks it).
 */

import { inCodePage } from './ccsid870';

/** Letters with no accent to drop: the spelling the bank's entry screens used. */
const FIXED_SPELLINGS: Readonly<Record<string, string>> = {
  Ø: 'O',
  Æ: 'AE',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
};

/** Upper case the way the host's translate table does it: one character for one (`ß` stays `ß`). */
function upper(char: string): string {
  const upperCased = char.toUpperCase();
  return upperCased.length === 1 ? upperCased : char;
}

function fold(char: string): string {
  if (inCodePage(char)) return char;
  const fixed = FIXED_SPELLINGS[char];
  if (fixed !== undefined) return fixed;
  const unaccented = char.normalize('NFD').replace(/\p{M}/gu, '');
  // A letter whose base is in the page keeps it; otherwise the encoder writes SUB.
  return unaccented.length > 0 && [...unaccented].every(inCodePage) ? unaccented : char;
}

export function toMainframeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Most values are plain ASCII already; skip the per-character work for them.
  if (/^[\x20-\x7e]*$/.test(value)) return value.toUpperCase();
  let text = '';
  for (const char of value.normalize('NFC')) text += fold(upper(char));
  return text;
}
