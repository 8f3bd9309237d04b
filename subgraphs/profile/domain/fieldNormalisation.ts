import { spellUndecomposableLetters } from '../../identity/domain/nameNormalisation';
import type { PostalAddress } from '../../../adapters/canonical';
import { addressComparisonKey } from '../../identity/domain/addressNormalisation';
import { possibleE164 } from '../../identity/domain/phoneNormalisation';

/** Case, accents and punctuation folded, whitespace collapsed: what "the same text" means here. */
export function foldText(text: string): string {
  return spellUndecomposableLetters(text.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** E.164, reading a number without country code as British (the bank's home market). */
export function normalisePhone(phone: string): string | null {
  return possibleE164(phone);
}

/**
 * One comparable line for a whole address: the identity matcher's address normalisation, so that
 * the house number counts wherever it stands (ERP writes `Castle Street 97`), abbreviations are
 * expanded and the postcode unspaced, and what the matcher calls one address the report does too.
 */
export function normaliseAddress(address: PostalAddress): string {
  return addressComparisonKey(address) ?? '';
}

export function formatAddress(address: PostalAddress): string {
  return [address.line1, address.line2, address.city, address.postalCode, address.country].filter(Boolean).join(', ');
}
