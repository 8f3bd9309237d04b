import type { SourceParty } from '../../../adapters/canonical';
import { encodePartyBatch, normaliseParty, type NormalisedParty, type PartyBatch } from '../matcherApi';
import { copyText } from './bulkRows';
import { RECORD_TABLES, recordRow, recordTableRows, type RecordTable } from './recordRows';

/**
 * A batch of extracted records as the initial load writes them: each table's rows in COPY's text
 * format (UTF-8), and the records in the matcher's form, flattened to pass between threads.
 */
export interface EncodedRecordBatch {
  copy: Record<RecordTable, Uint8Array>;
  normalised: PartyBatch;
}

const utf8 = new TextEncoder();

/**
 * Encodes records given as their parties' JSON (which is also what the `party` column stores):
 * normalised, keyed and laid out for COPY. Pure; run on a worker thread during a large load
 * (recordEncoder.ts), where it takes the per-record work off the thread that reads the extracts.
 */
export function encodeRecordBatch(partyJson: readonly string[]): EncodedRecordBatch {
  const normalised: NormalisedParty[] = new Array<NormalisedParty>(partyJson.length);
  const records = partyJson.map((json, i) => {
    const party = JSON.parse(json) as SourceParty;
    normalised[i] = normaliseParty(party);
    return recordRow(party, normalised[i]);
  });
  const rows = recordTableRows(records, partyJson);
  const copy = {} as Record<RecordTable, Uint8Array>;
  for (const table of Object.keys(RECORD_TABLES) as RecordTable[]) copy[table] = rows[table].length === 0 ? new Uint8Array(0) : utf8.encode(copyText(rows[table]));
  return { copy, normalised: encodePartyBatch(normalised) };
}
