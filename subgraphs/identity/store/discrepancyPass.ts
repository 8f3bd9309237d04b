import type { BulkWriter } from './bulkRows';
import { DISCREPANCY_COLUMNS, type CustomerRecordsBatch } from './discrepancyRows';
import type { DiscrepancyComputer } from './discrepancyThreads';

/** Customers a batch holds. */
export const DISCREPANCY_BATCH = 5000;

/**
 * Every customer's discrepancies, a batch of customers with their records at a time
 * (customerRecordBatches.ts gives them from memory at the initial load): while the computer's
 * threads compare one batch, this thread hands out the next and writes the rows of the one
 * before. The computer is closed at the end, failed or not.
 */
export async function writeAllDiscrepancies(writer: BulkWriter, computer: DiscrepancyComputer, batches: Iterable<CustomerRecordsBatch>): Promise<void> {
  const inFlight: Array<Promise<string[][]>> = [];
  const writeOldest = async () => writer.append('discrepancies', DISCREPANCY_COLUMNS, await inFlight.shift()!);
  try {
    for (const batch of batches) {
      if (batch.customerIds.length === 0) continue;
      const rows = computer.rowsOf(batch);
      rows.catch(() => undefined); // awaited in turn below; never unhandled while earlier batches are written
      inFlight.push(rows);
      if (inFlight.length > computer.parallel) await writeOldest();
    }
    while (inFlight.length > 0) await writeOldest();
  } finally {
    await computer.close();
  }
}
