/**
 * The noise kinds, as pure functions: given a value (and a random source where a choice is
 * made) they return the noisy value. Which records get which noise, and how often, is decided
 * in noiseProfile.ts and personRecords.ts.
 */
import { nicknamesOf } from './nicknames';
import type { Random } from './random';

/** Letters that NFD does not decompose but legacy ASCII systems still flatten. */
const FLATTEN: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i',
};

// Names repeat across a population, so folding is memoised (bounded: typos create new strings).
const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 50_000;

/** `Łukasz Müller` -> `Lukasz Muller`: what a system limited to ASCII stores. */
export function stripDiacritics(value: string): string {
  let folded = foldCache.get(value);
  if (folded !== undefined) return folded;
  folded = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØßæÆœŒđĐðÐþÞı]/g, (c) => FLATTEN[c]);
  if (foldCache.size < FOLD_CACHE_MAX) foldCache.set(value, folded);
  return folded;
}

export type CaseVariant = 'upper' | 'lower';

export function changeCase(value: string, variant: CaseVariant): string {
  return variant === 'upper' ? value.toUpperCase() : value.toLowerCase();
}

/** A nickname for the given name, or null when the name has none. */
export function nicknameFor(givenName: string, rng: Random): string | null {
  const options = nicknamesOf(givenName);
  return options.length === 0 ? null : rng.pick(options);
}

const NEARBY_LETTERS: readonly string[] = [...'etaoinshrdlucmfwypvbgk'];

/**
 * One keying error: substitute, delete, insert, transpose or double a letter. The first letter
 * is kept (people rarely mistype it, and blocking on initials is what matchers do), and words of
 * two letters or fewer are left alone.
 */
export function typoOnce(value: string, rng: Random): string {
  if (value.length <= 2) return value;
  const chars = [...value];
  const i = rng.int(1, chars.length - 1);
  const picked = rng.pick(NEARBY_LETTERS);
  // A substitute always differs from the letter it replaces.
  const letter = picked === chars[i] ? 'x' : picked;
  switch (rng.int(0, 4)) {
    case 0:
      chars[i] = letter;
      break;
    case 1:
      if (chars.length > 3) chars.splice(i, 1);
      else chars[i] = letter;
      break;
    case 2:
      chars.splice(i, 0, letter);
      break;
    case 3:
      if (i < chars.length - 1 && chars[i] !== chars[i + 1]) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      else chars.splice(i, 0, chars[i]);
      break;
    default:
      chars.splice(i, 0, chars[i]);
  }
  return chars.join('');
}

/** One or two keying errors. */
export function typo(value: string, rng: Random): string {
  const once = typoOnce(value, rng);
  return rng.chance(0.3) ? typoOnce(once, rng) : once;
}

/** How an agent or a form may have recorded a UK mobile number. */
export const PHONE_STYLES = [
  'e164', // +447700900123
  'e164-spaced', // +44 7700 900123
  'e164-dashed', // +44-7700-900123
  'national', // 07700900123
  'national-spaced', // 07700 900123
  'national-dashed', // 07700-900-123
] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** Formats an E.164 UK mobile (`+447xxxxxxxxx`) in the given style. */
export function formatUkMobile(e164: string, style: PhoneStyle): string {
  if (!/^\+447\d{9}$/.test(e164)) throw new RangeError('not an E.164 UK mobile number');
  const subscriber = e164.slice(3); // 7700900123
  const block = subscriber.slice(0, 4);
  const rest = subscriber.slice(4);
  switch (style) {
    case 'e164':
      return e164;
    case 'e164-spaced':
      return `+44 ${block} ${rest}`;
    case 'e164-dashed':
      return `+44-${block}-${rest}`;
    case 'national':
      return `0${subscriber}`;
    case 'national-spaced':
      return `0${block} ${rest}`;
    case 'national-dashed':
      return `0${block}-${rest.slice(0, 3)}-${rest.slice(3)}`;
  }
}

/** Email case as typed: all lower, or the local part capitalised (`Zoe.Muller12@...`). */
export function emailCaseVariant(email: string, variant: CaseVariant): string {
  if (variant === 'lower') return email.toLowerCase();
  const at = email.indexOf('@');
  // People capitalise the local part; the domain part is normally left as is.
  return email.slice(0, at).replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase()) + email.slice(at);
}

/**
 * One keying error among the digits at `positions`: a digit replaced by another, or two
 * neighbouring digits swapped (when both positions are digits and they differ).
 */
function digitKeyingError(value: string, positions: readonly number[], rng: Random): string {
  const chars = [...value];
  const i = rng.pick(positions);
  if (rng.chance(0.5) && positions.includes(i + 1) && chars[i] !== chars[i + 1]) {
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  } else {
    let digit = String(rng.int(0, 9));
    if (digit === chars[i]) digit = String((Number(digit) + 1) % 10);
    chars[i] = digit;
  }
  return chars.join('');
}

/**
 * One keying error in a date (`YYYY-MM-DD`), as form and data-entry systems see them: one digit
 * replaced, or two neighbouring digits swapped. The result may not be a calendar date (a
 * matcher then holds no date for the record, as a real system's validation would).
 */
export function dateTypo(iso: string, rng: Random): string {
  return digitKeyingError(iso, [0, 1, 2, 3, 5, 6, 8, 9], rng);
}

/** Day and month swapped (a date keyed the American way), when both are at most 12 and differ; else the date unchanged. */
export function swapDayAndMonth(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (Number(day) > 12 || day === month) return iso;
  return `${year}-${day}-${month}`;
}

/** A wholly different date between `from` and `to` (both `YYYY-MM-DD`): a value replaced at entry. */
export function replacementDate(from: string, to: string, rng: Random): string {
  const day = 86_400_000;
  const ms = rng.int(Math.floor(Date.parse(from) / day), Math.floor(Date.parse(to) / day)) * day;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * One keying error in an identifier's digits: a digit replaced, or two neighbouring digits
 * swapped. Letters (a UK National Insurance number's prefix and suffix) are left as they are.
 */
export function identifierTypo(id: string, rng: Random): string {
  const digits = [...id].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  return digits.length === 0 ? id : digitKeyingError(id, digits, rng);
}
