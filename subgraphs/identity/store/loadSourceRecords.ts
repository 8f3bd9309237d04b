import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import type { SourceSystem } from '../../../adapters/canonical';
import type { SourceAdapter } from '../../../adapters/kit/sourceAdapter';
import type { Schema } from '../../../db/schema';
import { normaliseParty, type NormalisedParty } from '../matcherApi';
import { openBulkWriter, type BulkWriter } from './bulkRows';
import { recordRow, type RecordRow } from './recordRows';

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

/**
 * Streams every system's records into source_records, blocking_keys and search_keys, the four
 * extracts at once (each has its own connection to its system, so one slow system does not hold
 * the others), and returns them normalised for the batch matcher, system by system in the
 * adapters' order. Writes go through one queue, one statement at a time on the caller's
 * transaction; each system keeps one batch in that queue while it reads the next.
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
  retry: ExtractRetry = EXTRACT_RETRY,
): Promise<NormalisedParty[]> {
  const writer = await openBulkWriter(trx);
  const queue = new WriteQueue();
  const stop: { reason?: unknown } = {};
  const outcomes = await Promise.allSettled(
    adapters.map((adapter) =>
      extractSystem(trx, writer, queue, adapter, retry, stop, onProgress).catch((error: unknown) => {
        stop.reason ??= error;
        throw error;
      }),
    ),
  );
  await queue.idle();
  if (stop.reason !== undefined) throw stop.reason;
  const normalised: NormalisedParty[] = [];
  for (const outcome of outcomes) if (outcome.status === 'fulfilled') for (const party of outcome.value) normalised.push(party);
  return normalised;
}

async function extractSystem(
  trx: Transaction<Schema>,
  writer: BulkWriter,
  queue: WriteQueue,
  adapter: SourceAdapter,
  retry: ExtractRetry,
  stop: { reason?: unknown },
  onProgress?: (stage: string) => void,
): Promise<NormalisedParty[]> {
  for (let attempt = 1; ; attempt += 1) {
    const normalised: NormalisedParty[] = [];
    const seen = new Map<string, number>();
    let batch = new Map<string, RecordRow>();
    let pending: Promise<void> = Promise.resolve();
    const enqueue = async (write: () => Promise<void>) => {
      await pending; // a failed write (the transaction is then lost) ends the load, not a retry
      pending = queue.run(write);
    };
    const flush = async () => {
      const rows = [...batch.values()];
      batch = new Map();
      if (rows.length > 0) await enqueue(() => writeRecordRows(writer, rows));
    };
    let extracted = false;
    try {
      for await (const party of adapter.extractParties()) {
        if (stop.reason !== undefined) throw new LoadStopped();
        const matcherForm = normaliseParty(party);
        const row = recordRow(party, matcherForm);
        const earlier = seen.get(row.recordKey);
        if (earlier === undefined) {
          seen.set(row.recordKey, normalised.length);
          normalised.push(matcherForm);
        } else {
          // Rare: an extract paging over a change. Replace the copy where it is.
          normalised[earlier] = matcherForm;
          if (!batch.has(row.recordKey)) await enqueue(() => deleteRecords(trx, [row.recordKey]));
        }
        batch.set(row.recordKey, row);
        if (batch.size >= BATCH) await flush();
      }
      extracted = true;
      await flush();
      await pending;
      onProgress?.(`${adapter.system}: ${normalised.length} records`);
      return normalised;
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

async function writeRecordRows(writer: BulkWriter, rows: readonly RecordRow[]): Promise<void> {
  await writer.append(
    'source_records',
    ['record_key', 'system', 'local_id', 'party', 'block_keys', 'search_terms'],
    rows.map((r) => [r.recordKey, r.system, r.localId, JSON.stringify(r.party), r.blockKeys, r.searchTerms]),
  );
  await writer.append('blocking_keys', ['block_key', 'record_key'], rows.flatMap((r) => r.blockKeys.map((key) => [key, r.recordKey])));
  await writer.append('search_keys', ['search_term', 'record_key'], rows.flatMap((r) => r.searchTerms.map((term) => [term, r.recordKey])));
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
