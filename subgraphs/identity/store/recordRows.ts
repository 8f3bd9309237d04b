import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { blockingKeys, normaliseParty, sourceKey, valuesOf, type NormalisedParty } from '../matcherApi';
import { searchTermsOf } from '../searchTerms';

/** A source record as stored: the canonical party and the keys it is indexed under. */
export interface RecordRow {
  recordKey: string;
  system: SourceSystem;
  localId: string;
  party: SourceParty;
  blockKeys: string[];
  searchTerms: string[];
}

/** The row of a record (`normalised`: the matcher's form of it, when the caller has it already). */
export function recordRow(party: SourceParty, normalised: NormalisedParty = normaliseParty(party)): RecordRow {
  return {
    recordKey: sourceKey(party.system, party.localId),
    system: party.system,
    localId: party.localId,
    party,
    blockKeys: [...new Set(blockingKeys(normalised))],
    searchTerms: searchTermsOf(party, valuesOf(normalised.phones)),
  };
}

/** `SYSTEM:localId` back to its parts (the local id may itself hold colons). */
export function splitRecordKey(key: string): { system: SourceSystem; localId: string } {
  const colon = key.indexOf(':');
  return { system: key.slice(0, colon) as SourceSystem, localId: key.slice(colon + 1) };
}
