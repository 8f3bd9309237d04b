/**
 * Who turns the initial load's extracted records into rows and normalised records: this thread,
 * or, for the full batches of a large load on a server, a worker thread. At a million persons the
 * per-record work (normalising, keys, the COPY text and its UTF-8) was some half of the identity
 * thread's CPU during the extract, the phase that thread alone paced; on a thread of its own it
 * runs while this one reads the next pages of the extracts.
 */
import { availableParallelism } from 'node:os';
import type { SourceParty } from '../../../adapters/canonical';
import { startTaskThreads, type TaskThreads } from '../../runtime/taskThreads';
import { decodePartyBatch, type NormalisedParty } from '../matcherApi';
import type { BulkWriter, CopyWriter } from './bulkRows';
import { packTexts, type PackedTexts } from './partyTexts';
import { recordsOf, type EncodedRecordBatch } from './recordBatchEncoding';
import { RECORD_TABLES, type RecordTable } from './recordRows';

/** A batch this big goes to a thread (the load's batches are 5,000; smaller loads never start one). */
export const ENCODING_THREADS_FROM = 5000;

/** A batch encoded: its records in the matcher's form and their JSON, in the batch's order, and its write. */
export interface EncodedRecords {
  normalised: NormalisedParty[];
  texts: PackedTexts;
  /** Writes the batch's rows (to be called in the load's write order). */
  write(): Promise<void>;
}

export interface RecordEncoder {
  encode(parties: readonly SourceParty[]): Promise<EncodedRecords>;
  /** Worker threads started so far (none until a batch reaches the threshold). */
  readonly threads: number;
  close(): Promise<void>;
}

/** An encoding thread failed; the message names no data. */
export class RecordEncodingError extends Error {
  override readonly name = 'RecordEncodingError';
}

/** The encoder for a load through `writer`: batches of `threadsFrom` records or more on a thread when writing with COPY. */
export function recordEncoder(writer: BulkWriter, threadsFrom = ENCODING_THREADS_FROM): RecordEncoder {
  if (writer.method !== 'copy') return { encode: async (parties) => encodeHere(writer, parties), threads: 0, close: async () => undefined };
  let threads: TaskThreads<readonly string[], EncodedRecordBatch> | undefined;
  return {
    get threads() {
      return threads?.count ?? 0;
    },
    encode: async (parties) => {
      if (parties.length < threadsFrom) return encodeHere(writer, parties);
      threads ??= startTaskThreads(require.resolve('./recordEncodingWorker'), threadCount(), (reason) => new RecordEncodingError(reason));
      return encodeOnThread(writer, threads, parties);
    },
    close: async () => threads?.close(),
  };
}

/** One thread on two cores (this one reads the extracts and the database needs the rest), two from four. */
const threadCount = () => Math.max(1, Math.min(2, availableParallelism() - 1));

function encodeHere(writer: BulkWriter, parties: readonly SourceParty[]): EncodedRecords {
  const json = parties.map((party) => JSON.stringify(party));
  const { normalised, rows } = recordsOf(parties, json);
  return { normalised, texts: packTexts(json), write: () => eachTable((table) => writer.append(table, RECORD_TABLES[table], rows[table])) };
}

async function encodeOnThread(writer: CopyWriter, threads: TaskThreads<readonly string[], EncodedRecordBatch>, parties: readonly SourceParty[]): Promise<EncodedRecords> {
  const answer = await threads.run(parties.map((party) => JSON.stringify(party)));
  const normalised: NormalisedParty[] = [];
  try {
    decodePartyBatch(answer.normalised, (record) => normalised.push(record));
  } catch {
    throw new RecordEncodingError('a batch from an encoding thread did not decode');
  }
  return { normalised, texts: answer.texts, write: () => eachTable((table) => writer.appendCopyText(table, RECORD_TABLES[table], answer.copy[table])) };
}

async function eachTable(write: (table: RecordTable) => Promise<void>): Promise<void> {
  for (const table of Object.keys(RECORD_TABLES) as RecordTable[]) await write(table);
}
