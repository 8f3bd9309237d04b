import type { BulkWriter } from './bulkRows';
import { DISCREPANCY_COLUMNS, type CustomerRecordsBatch } from './discrepancyRows';
import type { DiscrepancyComputer } from './discrepancyThreads';

/** Customers a batch holds. */
export const DISCREPANCY_BATCH = 5000;

/**
 * Every customer's discrepancy rows, a batch of customers with their records at a time
 * (customerRecordBatches.ts gives them from memory at the initial load), computed while the
 * caller goes on: the initial load starts this when the matcher is done and writes the rows once
 * the crosswalk is in, so the comparing threads run beside the database's writes and index
 * builds instead of after them. At most `computer.parallel + 1` batches are in flight; the rows
 * are kept until written (a customer in two of ten has any: some 200 MB at a million persons).
 * The computer is closed at the end, failed or not.
 */
export async function computeAllDiscrepancies(computer: DiscrepancyComputer, batches: Iterable<CustomerRecordsBatch>): Promise<string[][][]> {
  const computed: string[][][] = [];
  const inFlight: Array<Promise<string[][]>> = [];
  try {
    for (const batch of batches) {
      if (batch.customerIds.length === 0) continue;
      const rows = computer.rowsOf(batch);
      rows.catch(() => undefined); // awaited in turn below; never unhandled while earlier batches finish
      inFlight.push(rows);
      if (inFlight.length > computer.parallel) computed.push(await inFlight.shift()!);
    }
    while (inFlight.length > 0) computed.push(await inFlight.shift()!);
    return computed;
  } finally {
    await computer.close();
  }
}

/** The rows `computeAllDiscrepancies` gave, written in its order. */
export async function writeDiscrepancies(writer: BulkWriter, computed: readonly string[][][]): Promise<void> {
  for (const rows of computed) await writer.append('discrepancies', DISCREPANCY_COLUMNS, rows);
}
