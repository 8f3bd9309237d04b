import { spellUndecomposableLetters } from './domain/nameNormalisation';
import { possibleE164 } from './domain/phoneNormalisation';
import type { SourceParty } from '../../adapters/canonical';

/** Lower case, accents off, punctuation to spaces: `Zoë O'Brien` -> `zoe o brien`. */
export function foldText(text: string): string {
  return spellUndecomposableLetters(text.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[^a-z0-9@.+]+/g, ' ')
    .trim();
}

/** A phone as typed, in E.164, assuming a UK number when it carries no country code. */
export function phoneKey(text: string): string | null {
  return possibleE164(text);
}

/**
 * The terms a record can be found by (`search_keys`): `n:` each folded name token, `e:` each
 * email, `p:` each phone in E.164. Normalised keys only: a search answers with customer ids.
 * `e164Phones`: the record's phones already in E.164 (the matcher normalises them anyway, on a
 * fast path; default: parsed here).
 */
export function searchTermsOf(party: SourceParty, e164Phones?: readonly string[]): string[] {
  const terms = new Set<string>();
  const names = [party.givenName, party.familyName, party.rawName?.replace('/', ' ')].filter((n): n is string => !!n);
  for (const token of foldText(names.join(' ')).split(' ')) if (token.length > 1) terms.add(`n:${token}`);
  for (const email of party.emails) terms.add(`e:${email.trim().toLowerCase()}`);
  const phones = e164Phones ?? party.phones.map(phoneKey).filter((key): key is string => key !== null);
  for (const phone of phones) terms.add(`p:${phone}`);
  return [...terms];
}

/**
 * The terms a search text asks for, every one of which a customer must hold (on any of its
 * records): an email, a phone in any format, or name tokens. Empty: the text finds nothing.
 */
export function searchQueryTerms(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length < 2) return [];
  if (trimmed.includes('@')) return [`e:${trimmed.toLowerCase()}`];
  if (/^[+\d\s().-]{6,}$/.test(trimmed)) {
    const key = phoneKey(trimmed);
    return key ? [`p:${key}`] : [];
  }
  return [...new Set(foldText(trimmed).split(' ').filter((t) => t.length > 1))].map((t) => `n:${t}`);
}
