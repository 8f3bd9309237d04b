/**
 * A worker thread of the initial load's discrepancy pass (discrepancyThreads.ts): answers each
 * batch of customers' records with their discrepancy rows. A batch it cannot compute is answered
 * with a reason that names no data (a record's content never leaves in an error).
 */
import { parentPort } from 'node:worker_threads';
import { discrepancyRowsOf, type CustomerRecordsBatch } from './discrepancyRows';

export interface DiscrepancyTask {
  id: number;
  batch: CustomerRecordsBatch;
}

export type DiscrepancyAnswer = { id: number; rows: string[][] } | { id: number; failed: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', (task: DiscrepancyTask) => {
    let answer: DiscrepancyAnswer;
    try {
      answer = { id: task.id, rows: discrepancyRowsOf(task.batch) };
    } catch (error) {
      answer = { id: task.id, failed: error instanceof SyntaxError ? 'a stored record is not JSON' : 'computing discrepancies failed' };
    }
    port.postMessage(answer);
  });
}
