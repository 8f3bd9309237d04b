/**
 * Who computes the initial load's discrepancies: this thread for a small population, worker
 * threads for a large one. The pass reads every customer's records back (a million persons: 2.4
 * million records) and compares them field by field, which is CPU the load's one thread cannot
 * spare; the threads compute while this one reads the next batch and writes the last one's rows.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../runtime/startWorker';
import { discrepancyRowsOf, type CustomerRecordsBatch } from './discrepancyRows';
import type { DiscrepancyAnswer, DiscrepancyTask } from './discrepancyWorker';

/** Below this many customers a thread costs more to start (~1 s, loading the profile's rules) than it saves. */
export const DISCREPANCY_THREADS_FROM = 20_000;
/** Worker threads for a large population: the machine's cores, at most two (the database needs CPU too). */
const MAX_THREADS = 2;

export interface DiscrepancyComputer {
  /** How many batches are worth having in flight at once. */
  readonly parallel: number;
  /** The batch's discrepancy rows (`DISCREPANCY_COLUMNS`); rejects with DiscrepancyPassError when a thread fails. */
  rowsOf(batch: CustomerRecordsBatch): Promise<string[][]>;
  close(): Promise<void>;
}

/** A thread failed or could not compute a batch; the message names no data. */
export class DiscrepancyPassError extends Error {
  override readonly name = 'DiscrepancyPassError';
}

/** The computer for a load of `customers` customers. */
export function discrepancyComputer(customers: number, threadsFrom = DISCREPANCY_THREADS_FROM): DiscrepancyComputer {
  const threads = Math.min(MAX_THREADS, availableParallelism());
  return customers >= threadsFrom && threads >= 2 ? discrepancyThreads(threads) : inThisThread();
}

function inThisThread(): DiscrepancyComputer {
  return { parallel: 1, rowsOf: async (batch) => discrepancyRowsOf(batch), close: async () => undefined };
}

interface Waiting {
  resolve(rows: string[][]): void;
  reject(error: Error): void;
}

/** `count` worker threads, batches handed out in turn. */
export function discrepancyThreads(count: number): DiscrepancyComputer {
  const waiting = new Map<number, Waiting>();
  const owner = new Map<number, Worker>();
  let failure: DiscrepancyPassError | undefined;
  const failAll = (worker: Worker, reason: string) => {
    failure ??= new DiscrepancyPassError(reason);
    for (const [id, w] of waiting) {
      if (owner.get(id) !== worker) continue;
      waiting.delete(id);
      owner.delete(id);
      w.reject(failure);
    }
  };
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(require.resolve('./discrepancyWorker'));
    worker.on('message', (answer: DiscrepancyAnswer) => {
      const w = waiting.get(answer.id);
      waiting.delete(answer.id);
      owner.delete(answer.id);
      if ('failed' in answer) w?.reject(new DiscrepancyPassError(answer.failed));
      else w?.resolve(answer.rows);
    });
    worker.on('error', () => failAll(worker, 'a discrepancy thread failed'));
    worker.on('exit', () => failAll(worker, 'a discrepancy thread stopped'));
    return worker;
  });
  let next = 0;
  let closing = false;
  return {
    parallel: count,
    rowsOf(batch) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      const worker = workers[id % count];
      return new Promise<string[][]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        owner.set(id, worker);
        worker.postMessage({ id, batch } satisfies DiscrepancyTask);
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      failure ??= new DiscrepancyPassError('the discrepancy threads were closed');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
