/**
 * Builders for SourceParty test fixtures: a party with every field null unless given, so each
 * test states only the fields its case is about. Used by the tests beside this file.
 */
import type { PostalAddress, SourceParty, SourceSystem } from '../../../adapters/canonical';

export function party(system: SourceSystem, localId: string, fields: Partial<Omit<SourceParty, 'system' | 'localId'>> = {}): SourceParty {
  return {
    system,
    localId,
    givenName: null,
    familyName: null,
    rawName: null,
    birthDate: null,
    nationalId: null,
    phones: [],
    emails: [],
    address: null,
    changedAt: null,
    ...fields,
  };
}

export function ukAddress(line1: string, postalCode: string, line2: string | null = null, city = 'London'): PostalAddress {
  return { line1, line2, city, postalCode, country: 'GB' };
}
