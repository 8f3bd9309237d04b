/**
 * Applies the name and contact noise of one record, drawing from the record's random source.
 * The rates come from a NoiseProfile; the edits themselves are the pure functions of noise.ts.
 */
import { ENGLISH_FAMILY_NAMES } from './names';
import { PHONE_STYLES, changeCase, dateTypo, emailCaseVariant, formatUkMobile, identifierTypo, nicknameFor, replacementDate, stripDiacritics, swapDayAndMonth, typo } from './noise';
import type { CaseVariant, PhoneStyle } from './noise';
import type { NoiseProfile } from './noiseProfile';
import type { Random } from './random';
import type { TrueAddress } from './records';

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
  let replaced = rng.chance(profile.familyNameReplaced) ? rng.pick(ENGLISH_FAMILY_NAMES.filter((n) => n !== family)) : null;
  if (profile.protectAnchors && nickname !== null) useTypo = swap = false;
  if (profile.protectAnchors && useTypo) swap = false;
  if (profile.protectAnchors && (nickname !== null || useTypo || swap)) replaced = null;
  let g = nickname ?? given;
  let f = replaced ?? family;
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

/** Adults' birth dates lie in this window (see personProfile.ts): a replaced date is drawn from it. */
const BIRTH_DATES = { from: '1936-01-01', to: '2008-10-01' } as const;

/**
 * The birth date as recorded: true, or keyed wrongly (a digit wrong or two swapped, day and month
 * swapped, or another date altogether). `keep` forces the true date (a protected anchor).
 */
export function recordBirthDate(iso: string, rng: Random, profile: NoiseProfile, keep: boolean): string {
  if (keep || !rng.chance(profile.birthDateError)) return iso;
  const kind = rng.int(0, 2);
  if (kind === 0) return dateTypo(iso, rng);
  if (kind === 1) {
    const swapped = swapDayAndMonth(iso);
    if (swapped !== iso) return swapped;
  }
  return replacementDate(BIRTH_DATES.from, BIRTH_DATES.to, rng);
}

/** The national id as recorded: true, or with one keying error in its digits. */
export function recordNationalId(id: string, rng: Random, profile: NoiseProfile): string {
  return rng.chance(profile.nationalIdTypo) ? identifierTypo(id, rng) : id;
}

/**
 * The address as recorded: true, or with the house number replaced or one keying error in the
 * postcode. `keep` forces the true address (the newest record holding one, under protection).
 */
export function recordAddress(address: TrueAddress, rng: Random, profile: NoiseProfile, keep: boolean): TrueAddress {
  if (keep || !rng.chance(profile.addressError)) return address;
  if (rng.chance(0.5)) {
    const m = /^(\d+)(.*)$/.exec(address.line1);
    if (m) {
      let number = rng.int(1, 240);
      if (String(number) === m[1]) number = number === 240 ? 1 : number + 1;
      return { ...address, line1: `${number}${m[2]}` };
    }
  }
  return { ...address, postalCode: identifierTypo(address.postalCode, rng) };
}
