import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { blockingKeys, normaliseParty, sourceKey, valuesOf, type NormalisedParty } from '../matcherApi';
import { searchTermsOf } from '../searchTerms';
import type { BulkValue } from './bulkRows';

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

/** The tables a record is written to, with the columns a bulk write fills. */
export const RECORD_TABLES = {
  source_records: ['record_key', 'system', 'local_id', 'party', 'block_keys', 'search_terms'],
  blocking_keys: ['block_key', 'record_key'],
  search_keys: ['search_term', 'record_key'],
} as const;
export type RecordTable = keyof typeof RECORD_TABLES;

/** The rows of `records` for each of RECORD_TABLES; `partyJson[i]` is record i's party as JSON. */
export function recordTableRows(records: readonly RecordRow[], partyJson: readonly string[]): Record<RecordTable, BulkValue[][]> {
  return {
    source_records: records.map((r, i) => [r.recordKey, r.system, r.localId, partyJson[i], r.blockKeys, r.searchTerms]),
    blocking_keys: records.flatMap((r) => r.blockKeys.map((key) => [key, r.recordKey])),
    search_keys: records.flatMap((r) => r.searchTerms.map((term) => [term, r.recordKey])),
  };
}
