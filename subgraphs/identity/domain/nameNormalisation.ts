/**
 * Person-name normalisation: the same name as typed by four systems must come out as the same
 * string, so that exact keys (blocking) and string similarity (matching) compare like with like.
 */
import { canonicalGivenNames } from './nicknames';

/** Titles and suffixes that systems prepend or append (track-1 `SMITH/JOHN MR`) but are not names. */
const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MISS', 'MX', 'DR', 'PROF', 'SIR', 'REV', 'JR', 'SR', 'II', 'III']);

/**
 * Upper case, diacritics removed (`Zoë` -> `ZOE`), apostrophes dropped (`O'Brien` -> `OBRIEN`, as
 * systems that cannot store an apostrophe do), other punctuation and runs of spaces become one space.
 */
export function normaliseNameText(text: string | null | undefined): string {
  if (!text) return '';
  // Most names are plain ASCII: skip Unicode decomposition for them (a million-record run
  // normalises several million strings).
  if (/^[\x20-\x7e]*$/.test(text)) {
    return text.toUpperCase().replace(/['`]/g, '').replace(/[^A-Z0-9]+/g, ' ').trim();
  }
  return spellUndecomposableLetters(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toUpperCase()
    .replace(/['’`]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * Letters with no Unicode decomposition that still occur in European names, spelt as systems
 * without them write them (`Łukasz` -> `lukasz`, `Søren` -> `soren`, `Strauß` -> `strauss`):
 * removing combining marks alone would drop them and leave `ukasz`. Lower case out.
 */
export function spellUndecomposableLetters(text: string): string {
  return text.replace(/ß/g, 'ss').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[æÆ]/g, 'ae').replace(/[đĐ]/g, 'd');
}

/** Drops honorifics; keeps the remaining tokens in order. */
function tokensWithoutHonorifics(normalised: string): string[] {
  if (!normalised) return [];
  return normalised.split(' ').filter((t) => t.length > 0 && !HONORIFICS.has(t));
}

export interface SplitName {
  given: string;
  family: string;
}

/**
 * Splits an ISO 7813 track-1 name (`SURNAME/GIVEN MIDDLE.TITLE`, e.g. `SMITH/JOHN A.MR`).
 * A name without the separator is read as `GIVEN ... FAMILY` (last token is the family name).
 */
export function parseTrack1Name(raw: string | null | undefined): SplitName {
  if (!raw) return { given: '', family: '' };
  const slash = raw.indexOf('/');
  if (slash < 0) {
    const tokens = tokensWithoutHonorifics(normaliseNameText(raw));
    if (tokens.length === 0) return { given: '', family: '' };
    if (tokens.length === 1) return { given: '', family: tokens[0] };
    return { given: tokens.slice(0, -1).join(' '), family: tokens[tokens.length - 1] };
  }
  const family = tokensWithoutHonorifics(normaliseNameText(raw.slice(0, slash))).join(' ');
  // The title follows a dot in track 1 (`JOHN.MR`); normaliseNameText turns the dot into a space.
  const given = tokensWithoutHonorifics(normaliseNameText(raw.slice(slash + 1))).join(' ');
  return { given, family };
}

export interface NormalisedName {
  /** Full normalised given name(s), e.g. `MARY ANNE`. */
  given: string;
  /** First given token: middle names are often missing in one system and present in another. */
  givenFirst: string;
  /** Canonical names the first given token stands for (nickname table), sorted. */
  givenCanonical: readonly string[];
  /** Full normalised family name with spaces removed (`VAN DER BERG` == `VANDERBERG`). */
  family: string;
}

/**
 * Normalises a name given as split fields; when both are missing, falls back to the raw
 * (unsplit) form the system holds, read as track 1.
 */
export function normaliseName(givenName: string | null, familyName: string | null, rawName: string | null): NormalisedName {
  let given = tokensWithoutHonorifics(normaliseNameText(givenName)).join(' ');
  let family = tokensWithoutHonorifics(normaliseNameText(familyName)).join(' ');
  if (!given && !family && rawName) {
    const split = parseTrack1Name(rawName);
    given = split.given;
    family = split.family;
  }
  const space = given.indexOf(' ');
  const givenFirst = space < 0 ? given : given.slice(0, space);
  return {
    given,
    givenFirst,
    givenCanonical: givenFirst ? canonicalGivenNames(givenFirst) : [],
    family: family.replace(/ /g, ''),
  };
}
