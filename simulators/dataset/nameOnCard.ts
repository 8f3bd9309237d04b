/**
 * The embossed / track-1 cardholder name: `SURNAME/GIVEN`, upper case, ASCII letters, spaces and
 * hyphens only, at most 26 characters (ISO 7813 track-1 name field).
 */
import { stripDiacritics } from './noise';

export const NAME_ON_CARD_MAX = 26;

function track1Part(value: string): string {
  return stripDiacritics(value)
    .toUpperCase()
    .replace(/[^A-Z -]/g, '') // apostrophes, dots: O'Brien -> OBRIEN
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * When the full name does not fit, the given name shrinks to its initial first (issuers keep
 * the surname, which is what the cardholder is addressed by), then the surname is cut.
 */
export function nameOnCard(givenName: string, familyName: string): string {
  const given = track1Part(givenName);
  const family = track1Part(familyName);
  const full = `${family}/${given}`;
  if (full.length <= NAME_ON_CARD_MAX) return full;
  const initial = given.slice(0, 1);
  const withInitial = `${family}/${initial}`;
  if (withInitial.length <= NAME_ON_CARD_MAX) return withInitial;
  const room = NAME_ON_CARD_MAX - 1 - initial.length;
  return `${family.slice(0, room).trimEnd()}/${initial}`;
}
