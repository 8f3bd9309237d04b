/**
 * Who computes the initial load's discrepancies: this thread for a small population, worker
 * threads for a large one. The pass compares every customer's records field by field (a million
 * persons: 2.6 million records), which is CPU the load's one thread cannot spare; the threads
 * compute while this one hands out the next batch (discrepancyPass.ts).
 */
import { availableParallelism } from 'node:os';
import { startTaskThreads } from '../../runtime/taskThreads';
import { discrepancyRowsOf, type CustomerRecordsBatch } from './discrepancyRows';

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

/** `count` worker threads, batches handed out in turn. */
export function discrepancyThreads(count: number): DiscrepancyComputer {
  const threads = startTaskThreads<CustomerRecordsBatch, string[][]>(require.resolve('./discrepancyWorker'), count, (reason) => new DiscrepancyPassError(reason));
  return { parallel: count, rowsOf: (batch) => threads.run(batch), close: () => threads.close() };
}
