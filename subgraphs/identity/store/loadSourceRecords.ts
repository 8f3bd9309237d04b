import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import type { SourceAdapter } from '../../../adapters/kit/sourceAdapter';
import type { Schema } from '../../../db/schema';
import { sourceKey, type NormalisedParty } from '../matcherApi';
import { openBulkWriter } from './bulkRows';
import { PartyTexts } from './partyTexts';
import { recordEncoder, type RecordEncoder } from './recordEncoder';

/** Records a bulk write carries (one COPY per table). */
const BATCH = 5000;

/**
 * How often one system's extract is tried before the load gives up. A transient failure (a
 * timeout, a dropped connection, a 503 mid-stream) costs that system's extract again, never the
 * other systems' records.
 */
export interface ExtractRetry {
  attempts: number;
  /** Wait before attempt n+1: n times this. */
  backoffMs: number;
}
export const EXTRACT_RETRY: ExtractRetry = { attempts: 3, backoffMs: 2000 };

export interface LoadOptions {
  retry?: ExtractRetry;
  /** Records a bulk write carries (default BATCH). */
  batch?: number;
  /** Batches of this many records or more are encoded on a worker thread on a server (recordEncoder.ts). */
  threadsFrom?: number;
}

/** What the extracts gave: the records in the matcher's form and, for record i, its JSON as `texts.text(textNumbers[i])`. */
export interface LoadedRecords {
  normalised: NormalisedParty[];
  textNumbers: Int32Array;
  texts: PartyTexts;
}

/**
 * Streams every system's records into source_records, blocking_keys and search_keys, the four
 * extracts at once (each has its own connection to its system, so one slow system does not hold
 * the others), and returns them normalised for the batch matcher, system by system in the
 * adapters' order, with their JSON for the discrepancy pass. Writes go through one queue, one
 * statement at a time on the caller's transaction; each system keeps one batch in that queue
 * while it reads the next.
 *
 * When a system's extract fails, what it wrote so far is deleted and that system alone is
 * extracted again (up to `retry.attempts`); the other systems go on. A record an extract yields
 * twice is kept once (the later copy). When a system fails for good, the others stop and the
 * error is thrown once nothing of theirs is still being written (the caller rolls back).
 */
export async function loadSourceRecords(
  trx: Transaction<Schema>,
  adapters: readonly SourceAdapter[],
  onProgress?: (stage: string) => void,
  options: LoadOptions = {},
): Promise<LoadedRecords> {
  const encoder = recordEncoder(await openBulkWriter(trx), options.threadsFrom);
  const texts = new PartyTexts();
  const queue = new WriteQueue();
  const stop: { reason?: unknown } = {};
  const load: SystemLoad = { trx, encoder, texts, queue, stop, onProgress, retry: options.retry ?? EXTRACT_RETRY, batch: options.batch ?? BATCH };
  let outcomes: Array<PromiseSettledResult<SystemRecords>>;
  try {
    outcomes = await Promise.allSettled(
      adapters.map((adapter) =>
        extractSystem(load, adapter).catch((error: unknown) => {
          stop.reason ??= error;
          throw error;
        }),
      ),
    );
    await queue.idle();
    if (encoder.threads > 0) onProgress?.(`records encoded on ${encoder.threads} worker thread(s)`);
  } finally {
    await encoder.close();
  }
  if (stop.reason !== undefined) throw stop.reason;
  const normalised: NormalisedParty[] = [];
  const numbers: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'fulfilled') continue;
    for (const party of outcome.value.normalised) normalised.push(party);
    for (const n of outcome.value.textNumbers) numbers.push(n);
  }
  return { normalised, textNumbers: Int32Array.from(numbers), texts };
}

/** One system's records, in its extract's order of first appearance. */
interface SystemRecords {
  normalised: NormalisedParty[];
  textNumbers: number[];
}

/** What every system's extract of one load shares. */
interface SystemLoad {
  trx: Transaction<Schema>;
  encoder: RecordEncoder;
  /** Every system's records' JSON (a failed attempt's stay, unreferenced: memory, not records). */
  texts: PartyTexts;
  queue: WriteQueue;
  stop: { reason?: unknown };
  onProgress?: (stage: string) => void;
  retry: ExtractRetry;
  batch: number;
}

async function extractSystem(load: SystemLoad, adapter: SourceAdapter): Promise<SystemRecords> {
  const { trx, encoder, texts, queue, stop, onProgress, retry } = load;
  for (let attempt = 1; ; attempt += 1) {
    // A record's place in the result: its first occurrence's (a later copy replaces it there).
    const normalised: NormalisedParty[] = [];
    const textNumbers: number[] = [];
    const placeOf = new Map<string, number>();
    let batch = new Map<string, SourceParty>();
    let pending: Promise<void> = Promise.resolve();
    const enqueue = async (write: () => Promise<void>) => {
      await pending; // a failed write (the transaction is then lost) ends the load, not a retry
      pending = queue.run(write);
    };
    const flush = async () => {
      const parties = [...batch.values()];
      const places = [...batch.keys()].map((key) => placeOf.get(key)!);
      batch = new Map();
      if (parties.length === 0) return;
      // Encoding starts now (on a thread for a full batch); rows are written in the queue's order.
      const encoded = encoder.encode(parties);
      encoded.catch(() => undefined); // awaited in the queue; never unhandled meanwhile
      await enqueue(async () => {
        const { normalised: forms, texts: packed, write } = await encoded;
        const first = texts.add(packed);
        for (let i = 0; i < forms.length; i += 1) {
          normalised[places[i]] = forms[i];
          textNumbers[places[i]] = first + i;
        }
        await write();
      });
    };
    let extracted = false;
    try {
      for await (const party of adapter.extractParties()) {
        if (stop.reason !== undefined) throw new LoadStopped();
        const key = sourceKey(party.system, party.localId);
        if (!placeOf.has(key)) placeOf.set(key, placeOf.size);
        // Rare: an extract paging over a change. The stored copy goes; the later one is written.
        else if (!batch.has(key)) await enqueue(() => deleteRecords(trx, [key]));
        batch.set(key, party);
        if (batch.size >= load.batch) await flush();
      }
      extracted = true;
      await flush();
      await pending;
      onProgress?.(`${adapter.system}: ${normalised.length} records`);
      return { normalised, textNumbers };
    } catch (error) {
      if (extracted || error instanceof LoadStopped) throw error; // a write failed, or another system did
      await pending; // rethrows a write's failure, which no retry mends
      if (attempt >= retry.attempts) throw error;
      await queue.run(() => deleteSystem(trx, adapter.system));
      onProgress?.(`${adapter.system}: extract failed (attempt ${attempt} of ${retry.attempts}), extracting it again`);
      await sleep(retry.backoffMs * attempt);
      if (stop.reason !== undefined) throw new LoadStopped();
    }
  }
}

/** Another system failed for good: this one stops too. */
class LoadStopped extends Error {
  override readonly name = 'LoadStopped';
}

/** Writes one at a time, in the order asked (the transaction has one connection). */
class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  run(write: () => Promise<void>): Promise<void> {
    const next = this.tail.then(write);
    this.tail = next.catch(() => undefined);
    return next;
  }

  idle(): Promise<void> {
    return this.tail;
  }
}

async function deleteRecords(trx: Transaction<Schema>, keys: readonly string[]): Promise<void> {
  await sql`delete from source_records where record_key = any(${[...keys]}::text[])`.execute(trx);
  await sql`delete from blocking_keys where record_key = any(${[...keys]}::text[])`.execute(trx);
  await sql`delete from search_keys where record_key = any(${[...keys]}::text[])`.execute(trx);
}

/** Everything one system's failed extract wrote (record keys are `SYSTEM:localId`). */
async function deleteSystem(trx: Transaction<Schema>, system: SourceSystem): Promise<void> {
  const prefix = `${system}:`;
  await sql`delete from source_records where system = ${system}`.execute(trx);
  await sql`delete from blocking_keys where starts_with(record_key, ${prefix})`.execute(trx);
  await sql`delete from search_keys where starts_with(record_key, ${prefix})`.execute(trx);
}
