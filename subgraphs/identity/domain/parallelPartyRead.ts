/**
 * Reads a large parties file on two threads. Reading is the biggest phase of a million-person
 * run (JSON parsing and normalising 2.4 million lines: about 40% of it) and the only one that
 * splits without sharing state: this thread reads the first part of the file while a worker
 * thread reads the rest (partyRangeWorker.ts) and posts its records back in batches, which this
 * thread decodes as they arrive (partyBatchCodec.ts).
 *
 * The result is the sequential read's, record for record and in the same order (the later of two
 * lines with the same key still wins in dedupeAndSort), and a bad line is reported with its line
 * number in the whole file: the first part's errors first, as reading in order would.
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../runtime/startWorker';
import { MatchInputError } from './matchErrors';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { decodePartyBatch } from './partyBatchCodec';
import { readPartyLines, type ByteRange } from './partyLines';
import type { PartyRangeMessage, PartyRangeTask } from './partyRangeWorker';

/** Below this size a second thread costs more to start than it saves (a million-person file is 840 MB). */
export const PARALLEL_READ_MIN_BYTES = 32 * 1024 * 1024;

/** Measured at a million persons: 0.5 left this thread 4 s behind the worker, 0.4 finished both within 2 s. */
const THIS_THREADS_SHARE = 0.4;

export interface ReadOptions {
  /** Files at least this big are read on two threads (default PARALLEL_READ_MIN_BYTES). */
  parallelFromBytes?: number;
  /** Set to the number of threads that read (1 or 2). */
  report?: { threads: number };
}

/** Streams a parties file into normalised records, on two threads when it is large. */
export async function readNormalisedParties(file: string, options: ReadOptions = {}): Promise<NormalisedParty[]> {
  const size = await fileSize(file);
  const parallel = size >= (options.parallelFromBytes ?? PARALLEL_READ_MIN_BYTES) && availableParallelism() >= 2;
  if (options.report) options.report.threads = parallel ? 2 : 1;
  if (!parallel) return readRange(file, undefined, { lines: 0 });
  // This thread reads the smaller part: it also decodes the worker's records as they arrive.
  const cut = await lineStartAfter(file, Math.floor(size * THIS_THREADS_SHARE), size);
  return readInTwoParts(file, { start: 0, end: cut }, { start: cut, end: size });
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    throw new MatchInputError('input file not found', file);
  }
}

async function readRange(file: string, range: ByteRange | undefined, counted: { lines: number }): Promise<NormalisedParty[]> {
  const out: NormalisedParty[] = [];
  for await (const party of readPartyLines(file, range, counted)) out.push(normaliseParty(party));
  return out;
}

/** The offset of the first line that starts at or after `from` (`size` when none does). */
export async function lineStartAfter(file: string, from: number, size: number): Promise<number> {
  if (from <= 0) return 0;
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    // The line holding byte from - 1 ends at the first newline at or after it.
    for (let position = from - 1; position < size; position += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
      if (newline >= 0) return position + newline + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await handle.close();
  }
}

async function readInTwoParts(file: string, first: ByteRange, second: ByteRange): Promise<NormalisedParty[]> {
  const worker = startRangeWorker({ file, range: second });
  const received: NormalisedParty[] = [];
  const rest = new Promise<{ lines: number } | { reason: string; line: number | undefined }>((resolve, reject) => {
    worker.on('message', (message: PartyRangeMessage) => {
      if (message.kind === 'records') {
        // A batch that does not decode is a fault between the threads: refused, never a crash.
        try {
          decodePartyBatch(message.batch, (record) => received.push(record));
        } catch {
          reject(new Error('a batch from the parties reader thread did not decode'));
        }
      } else if (message.kind === 'done') resolve({ lines: message.lines });
      else resolve({ reason: message.reason, line: message.line });
    });
    // The worker's error names no data (it is not a bad line); neither does this one.
    worker.on('error', () => reject(new Error('reading the parties failed in a worker thread')));
    worker.on('exit', (code) => reject(new Error(`the parties reader thread stopped (exit code ${code})`)));
  });
  rest.catch(() => undefined); // awaited below, after the first part; never unhandled meanwhile
  try {
    const counted = { lines: 0 };
    const out = await readRange(file, first, counted);
    const outcome = await rest;
    if ('reason' in outcome) throw new MatchInputError(outcome.reason, file, outcome.line === undefined ? undefined : counted.lines + outcome.line);
    for (const record of received) out.push(record);
    return out;
  } finally {
    await worker.terminate();
  }
}

function startRangeWorker(task: PartyRangeTask): Worker {
  return startWorker(require.resolve('./partyRangeWorker'), task);
}
