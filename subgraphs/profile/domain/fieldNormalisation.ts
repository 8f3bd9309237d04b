import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PostalAddress } from '../../../adapters/canonical';

/** Case, accents and punctuation folded, whitespace collapsed: what "the same text" means here. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** E.164, reading a number without country code as British (the bank's home market). */
export function normalisePhone(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone, 'GB');
  return parsed?.isPossible() ? parsed.number : null;
}

const STREET_WORDS: Record<string, string> = { st: 'street', rd: 'road', ave: 'avenue', ln: 'lane', dr: 'drive', ct: 'court', pl: 'place', sq: 'square', gdns: 'gardens', cres: 'crescent', flt: 'flat' };

/** One comparable line for a whole address: folded, abbreviations expanded, postcode unspaced. */
export function normaliseAddress(address: PostalAddress): string {
  const words = (text: string | null) => (text ? foldText(text).split(' ').map((w) => STREET_WORDS[w] ?? w).join(' ') : '');
  const postcode = address.postalCode ? address.postalCode.replace(/\s+/g, '').toUpperCase() : '';
  return [words(address.line1), words(address.line2), words(address.city), postcode, (address.country ?? '').toUpperCase()].filter(Boolean).join('|');
}

export function formatAddress(address: PostalAddress): string {
  return [address.line1, address.line2, address.city, address.postalCode, address.country].filter(Boolean).join(', ');
}
