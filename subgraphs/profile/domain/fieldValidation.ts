import { z } from 'zod/v4';
import type { PostalAddress } from '../../../adapters/canonical';
import { possibleE164 } from '../../identity/domain/phoneNormalisation';
import type { GoldenFieldName } from './survivorshipPolicy';

/**
 * Why a record's value can never be the golden value (the schema's CandidateProblem). An
 * invalid value stays visible in the provenance, marked INVALID, but survivorship never lets it
 * win, however recent or however many systems hold it.
 */
export type CandidateProblem =
  | 'NOT_AN_EMAIL_ADDRESS'
  | 'NOT_A_PHONE_NUMBER'
  | 'SUBSTITUTION_CHARACTER'
  | 'CONTROL_CHARACTER'
  | 'NOT_A_NAME'
  | 'NOT_A_DATE'
  | 'NOT_AN_IDENTIFIER';

// `?`, U+FFFD or U+001A (EBCDIC's SUB, which ASCII conversions keep) where a letter was: what a
// code-page conversion leaves of a character it cannot map (the mainframe stored `BARTŁOMIEJ` as
// `BART?OMIEJ`). Never part of a real name, id or address here. Checked before control
// characters, since SUB is one: it says what happened.
const SUBSTITUTION_CHARACTERS = ['?', '\uFFFD', '\u001A'];
const CONTROL = /\p{Cc}/u;
// Letters (any script, with their accents), then letters, spaces, apostrophes, hyphens, dots.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
const EMAIL = z.email();
const IDENTIFIER = /^[A-Z0-9]{5,20}$/;

/** The problem common to every text value, if any. */
function textProblem(text: string): CandidateProblem | null {
  if (SUBSTITUTION_CHARACTERS.some((c) => text.includes(c))) return 'SUBSTITUTION_CHARACTER';
  if (CONTROL.test(text)) return 'CONTROL_CHARACTER';
  return null;
}

export function nameProblem(name: string): CandidateProblem | null {
  return textProblem(name) ?? (NAME.test(name.trim()) ? null : 'NOT_A_NAME');
}

export function emailProblem(email: string): CandidateProblem | null {
  return EMAIL.safeParse(email.trim()).success ? null : 'NOT_AN_EMAIL_ADDRESS';
}

/** A number libphonenumber can read (without a country code: as British, the bank's home market). */
export function phoneProblem(phone: string): CandidateProblem | null {
  return possibleE164(phone) === null ? 'NOT_A_PHONE_NUMBER' : null;
}

/** A real calendar date, `YYYY-MM-DD`, after 1900. */
export function dateProblem(date: string): CandidateProblem | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return 'NOT_A_DATE';
  const [year, month, day] = match.slice(1).map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  const real = parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
  return real && year >= 1900 ? null : 'NOT_A_DATE';
}

export function identifierProblem(id: string): CandidateProblem | null {
  return textProblem(id) ?? (IDENTIFIER.test(id.replace(/\s+/g, '').toUpperCase()) ? null : 'NOT_AN_IDENTIFIER');
}

export function addressProblem(address: PostalAddress): CandidateProblem | null {
  for (const part of [address.line1, address.line2, address.city, address.postalCode, address.country]) {
    const problem = part ? textProblem(part) : null;
    if (problem) return problem;
  }
  return null;
}

/** Each golden field's validation: one place to read (and change) what a valid value is. */
export const FIELD_VALIDATION: { [K in GoldenFieldName]: (value: K extends 'address' ? PostalAddress : string) => CandidateProblem | null } = {
  fullName: nameProblem,
  birthDate: dateProblem,
  nationalId: identifierProblem,
  email: emailProblem,
  mobilePhone: phoneProblem,
  address: addressProblem,
};
