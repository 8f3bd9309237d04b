import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SourceParty } from '../../adapters/canonical';

/** Lower case, accents off, punctuation to spaces: `Zoë O'Brien` -> `zoe o brien`. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.+]+/g, ' ')
    .trim();
}

/** A phone as typed, in E.164, assuming a UK number when it carries no country code. */
export function phoneKey(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text, 'GB');
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * Finds customers by name tokens, phone number (any format) or email. The index holds only
 * normalised keys -> customer ids; it answers with ids, never with the data it was built from.
 */
export class SearchIndex {
  private readonly byKey = new Map<string, Set<string>>();

  add(customerId: string, party: SourceParty): void {
    const names = [party.givenName, party.familyName, party.rawName?.replace('/', ' ')].filter((n): n is string => !!n);
    for (const token of foldText(names.join(' ')).split(' ')) if (token.length > 1) this.put(`n:${token}`, customerId);
    for (const email of party.emails) this.put(`e:${email.trim().toLowerCase()}`, customerId);
    for (const phone of party.phones) {
      const key = phoneKey(phone);
      if (key) this.put(`p:${key}`, customerId);
    }
  }

  /** Customer ids matching the text, in a stable order. */
  search(text: string): string[] {
    const trimmed = text.trim();
    if (trimmed.length < 2) return [];
    if (trimmed.includes('@')) return this.sorted(this.byKey.get(`e:${trimmed.toLowerCase()}`));
    if (/^[+\d\s().-]{6,}$/.test(trimmed)) {
      const key = phoneKey(trimmed);
      return key ? this.sorted(this.byKey.get(`p:${key}`)) : [];
    }
    const tokens = foldText(trimmed).split(' ').filter((t) => t.length > 1);
    if (tokens.length === 0) return [];
    let result: Set<string> | undefined;
    for (const token of tokens) {
      const hits = this.byKey.get(`n:${token}`);
      if (!hits) return [];
      result = result ? new Set([...result].filter((id) => hits.has(id))) : new Set(hits);
    }
    return this.sorted(result);
  }

  private put(key: string, customerId: string): void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(customerId);
  }

  private sorted(ids: Set<string> | undefined): string[] {
    return ids ? [...ids].sort() : [];
  }
}
