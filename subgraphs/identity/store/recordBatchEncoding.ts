import type { SourceParty } from '../../../adapters/canonical';
import { encodePartyBatch, normaliseParty, type NormalisedParty, type PartyBatch } from '../matcherApi';
import { copyText, type BulkValue } from './bulkRows';
import { packTexts, type PackedTexts } from './partyTexts';
import { RECORD_TABLES, recordRow, recordTableRows, type RecordTable } from './recordRows';

/**
 * A batch of extracted records as the initial load writes them: each table's rows in COPY's text
 * format (UTF-8), the records in the matcher's form, flattened to pass between threads, and their
 * JSON packed for the load's discrepancy pass (partyTexts.ts).
 */
export interface EncodedRecordBatch {
  copy: Record<RecordTable, Uint8Array>;
  normalised: PartyBatch;
  texts: PackedTexts;
}

const utf8 = new TextEncoder();

/**
 * Records in the matcher's form and their rows of the three tables, from the parties and their
 * JSON (what the `party` column stores), in the parties' order: the one encoding, on this thread
 * or a worker's.
 */
export function recordsOf(parties: readonly SourceParty[], partyJson: readonly string[]): { normalised: NormalisedParty[]; rows: Record<RecordTable, BulkValue[][]> } {
  const normalised = parties.map((party) => normaliseParty(party));
  return { normalised, rows: recordTableRows(parties.map((party, i) => recordRow(party, normalised[i])), partyJson) };
}

/**
 * Encodes records given as their parties' JSON (which is also what the `party` column stores):
 * normalised, keyed and laid out for COPY. Pure; run on a worker thread during a large load
 * (recordEncoder.ts), where it takes the per-record work off the thread that reads the extracts.
 */
export function encodeRecordBatch(partyJson: readonly string[]): EncodedRecordBatch {
  const { normalised, rows } = recordsOf(partyJson.map((json) => JSON.parse(json) as SourceParty), partyJson);
  const copy = {} as Record<RecordTable, Uint8Array>;
  for (const table of Object.keys(RECORD_TABLES) as RecordTable[]) copy[table] = rows[table].length === 0 ? new Uint8Array(0) : utf8.encode(copyText(rows[table]));
  return { copy, normalised: encodePartyBatch(normalised), texts: packTexts(partyJson) };
}
