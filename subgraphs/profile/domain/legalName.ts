import { canonicalGivenNames } from '../../identity/domain/nicknames';
import { normaliseNameText } from '../../identity/domain/nameNormalisation';

/** A name as one record holds it, split into its parts (either may be missing). */
export interface NameParts {
  given: string | null;
  family: string | null;
}

/**
 * Whether `short` is a familiar form of `formal` in the matcher's nickname table (RICK of
 * RICHARD, BILL of WILLIAM): the same table that lets the matcher link the records lets
 * survivorship recognise which of them holds the nickname.
 */
export function isNicknameOf(short: string, formal: string): boolean {
  // The first given name is the one people shorten ("RICK" of "Richard James").
  const a = normaliseNameText(short).split(' ')[0];
  const b = normaliseNameText(formal).split(' ')[0];
  return a !== '' && a !== b && canonicalGivenNames(a).includes(b);
}

/**
 * For each name, whether it holds a nickname where another name of the same family holds the
 * given name it stands for: call center "RICK SHAH" beside "Richard Shah" from two other systems.
 * Such a name never wins while the legal form is there (survivorship's LEGAL_NAME_OVER_NICKNAME).
 */
export function nicknameFlags(names: readonly NameParts[]): boolean[] {
  return names.map((name) =>
    names.some(
      (other) =>
        other !== name &&
        name.given !== null &&
        other.given !== null &&
        normaliseNameText(name.family) === normaliseNameText(other.family) &&
        isNicknameOf(name.given, other.given),
    ),
  );
}
