/**
 * Splits an ISO 7813 track-1 name (`SURNAME/GIVEN`, as embossed) into its parts.
 *
 * The parts are kept as the card system holds them (upper case, punctuation already stripped
 * by the issuer): re-casing `OBRIEN` cannot bring back `O'Brien`, so the adapter reports what
 * the system says and leaves comparison to the matcher. A missing part is null, never ''.
 */
export function splitTrackOneName(raw: string): { familyName: string | null; givenName: string | null } {
  const slash = raw.indexOf('/');
  const family = slash === -1 ? raw : raw.slice(0, slash);
  const given = slash === -1 ? '' : raw.slice(slash + 1);
  return { familyName: tidy(family), givenName: tidy(given) };
}

function tidy(part: string): string | null {
  // Track 1 also allows a title after a dot (`SMITH/JOHN.MR`), which is not part of the name.
  const text = part.split('.')[0].replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
