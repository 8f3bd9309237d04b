/**
 * Applies the name and contact noise of one record, drawing from the record's random source.
 * The rates come from a NoiseProfile; the edits themselves are the pure functions of noise.ts.
 */
import { PHONE_STYLES, changeCase, emailCaseVariant, formatUkMobile, nicknameFor, stripDiacritics, typo } from './noise';
import type { CaseVariant, PhoneStyle } from './noise';
import type { NoiseProfile } from './noiseProfile';
import type { Random } from './random';

export interface RecordedName {
  given: string;
  family: string;
}

const NON_E164_STYLES: readonly PhoneStyle[] = PHONE_STYLES.filter((s) => s !== 'e164');

/** Every non-ASCII letter in the name pools is a diacritic or a letter legacy systems flatten. */
export function hasDiacritics(value: string): boolean {
  return /[^ -~]/.test(value);
}

/**
 * The name as one system recorded it. Under anchor protection a record gets at most one of the
 * edits that change the letters of a name (nickname, typo, swap), so it stays "close" to the
 * truth; case and diacritics never hide a name from a matcher that normalises.
 */
export function recordName(given: string, family: string, rng: Random, profile: NoiseProfile): RecordedName {
  const nickname = rng.chance(profile.nickname) ? nicknameFor(given, rng) : null;
  let useTypo = rng.chance(profile.typo);
  let swap = rng.chance(profile.swappedNames);
  if (profile.protectAnchors && nickname !== null) useTypo = swap = false;
  if (profile.protectAnchors && useTypo) swap = false;
  let g = nickname ?? given;
  let f = family;
  if (useTypo) {
    if (rng.chance(0.5)) g = typo(g, rng);
    else f = typo(f, rng);
  }
  if (swap) [g, f] = [f, g];
  if ((hasDiacritics(g) || hasDiacritics(f)) && rng.chance(profile.diacriticsStripped)) {
    g = stripDiacritics(g);
    f = stripDiacritics(f);
  }
  if (rng.chance(profile.caseChange)) {
    const variant: CaseVariant = rng.chance(0.7) ? 'upper' : 'lower';
    g = changeCase(g, variant);
    f = changeCase(f, variant);
  }
  return { given: g, family: f };
}

/** The mobile as recorded: E.164, or one of the national/international variants. */
export function recordPhone(e164: string, rng: Random, profile: NoiseProfile): string {
  return formatUkMobile(e164, rng.chance(profile.phoneFormat) ? rng.pick(NON_E164_STYLES) : 'e164');
}

/** The email as recorded: as given, or with its case changed (capitalised or all upper case). */
export function recordEmail(email: string, rng: Random, profile: NoiseProfile): string {
  if (!rng.chance(profile.caseChange)) return email;
  return rng.chance(0.5) ? emailCaseVariant(email, 'upper') : changeCase(email, 'upper');
}
