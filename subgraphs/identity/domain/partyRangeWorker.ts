/**
 * A worker thread's part of a parallel read (see parallelPartyRead.ts): parses and normalises
 * the lines of one byte range of a parties file and posts the records back in batches
 * (partyBatchCodec.ts), then the number of lines it read. A bad line ends it with the reason and
 * the line's number within the range (never the line's content).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MatchInputError } from './matchErrors';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { encodePartyBatch, type PartyBatch } from './partyBatchCodec';
import { readPartyLines, type ByteRange } from './partyLines';

export interface PartyRangeTask {
  file: string;
  range: ByteRange;
}

export type PartyRangeMessage =
  | { kind: 'records'; batch: PartyBatch }
  | { kind: 'done'; lines: number }
  | { kind: 'bad-line'; reason: string; line: number | undefined };

/** Records per message: big enough that posting costs little, small enough to spread the receiving. */
const BATCH = 20_000;

async function readRange(task: PartyRangeTask, post: (message: PartyRangeMessage) => void): Promise<void> {
  const counted = { lines: 0 };
  let batch: NormalisedParty[] = [];
  try {
    for await (const party of readPartyLines(task.file, task.range, counted)) {
      batch.push(normaliseParty(party));
      if (batch.length === BATCH) {
        post({ kind: 'records', batch: encodePartyBatch(batch) });
        batch = [];
      }
    }
  } catch (error) {
    if (!(error instanceof MatchInputError)) throw error;
    post({ kind: 'bad-line', reason: error.reason, line: error.line });
    return;
  }
  if (batch.length > 0) post({ kind: 'records', batch: encodePartyBatch(batch) });
  post({ kind: 'done', lines: counted.lines });
}

if (parentPort) {
  const port = parentPort;
  // Anything but a bad line is a fault of the reader, not of the data: the rejection ends the
  // thread with an 'error' event, which the reading thread reports (see parallelPartyRead.ts).
  void readRange(workerData as PartyRangeTask, (message) => port.postMessage(message));
}
