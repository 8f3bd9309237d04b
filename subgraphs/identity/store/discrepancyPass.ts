import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../../db/schema';
import type { BulkWriter } from './bulkRows';
import { DISCREPANCY_COLUMNS, type CustomerRecordsBatch } from './discrepancyRows';
import type { DiscrepancyComputer } from './discrepancyThreads';

/** Customers a batch reads back. */
const BATCH = 5000;

/**
 * Every customer's discrepancies, computed from their records read back in customer order, a
 * batch of customers at a time: while the computer's threads compare one batch, this thread reads
 * the next and writes the rows of the one before. The computer is closed at the end, failed or not.
 */
export async function writeAllDiscrepancies(trx: Transaction<Schema>, writer: BulkWriter, computer: DiscrepancyComputer, batchSize = BATCH): Promise<void> {
  const inFlight: Array<Promise<string[][]>> = [];
  const writeOldest = async () => writer.append('discrepancies', DISCREPANCY_COLUMNS, await inFlight.shift()!);
  try {
    for (let after = ''; ; ) {
      const batch = await customerRecordsAfter(trx, after, batchSize);
      if (batch.customerIds.length === 0) break;
      const rows = computer.rowsOf(batch);
      rows.catch(() => undefined); // awaited in turn below; never unhandled while earlier batches are written
      inFlight.push(rows);
      after = batch.customerIds[batch.customerIds.length - 1];
      if (inFlight.length > computer.parallel) await writeOldest();
    }
    while (inFlight.length > 0) await writeOldest();
  } finally {
    await computer.close();
  }
}

/** The next `batchSize` customers after `after` (in id order) with their current records, as JSON text. */
async function customerRecordsAfter(trx: Transaction<Schema>, after: string, batchSize: number): Promise<CustomerRecordsBatch> {
  const { rows } = await sql<{ customer_id: string; party: string }>`
    select c.customer_id, r.party::text as party from crosswalk c join source_records r using (record_key)
    where c.valid_to is null and c.customer_id in (
      select customer_id from customers where retired_at is null and customer_id > ${after} order by customer_id limit ${batchSize}
    )
    order by c.customer_id`.execute(trx);
  const batch: CustomerRecordsBatch = { customerIds: [], counts: [], parties: [] };
  for (const row of rows) {
    const last = batch.customerIds.length - 1;
    if (last >= 0 && batch.customerIds[last] === row.customer_id) batch.counts[last] += 1;
    else {
      batch.customerIds.push(row.customer_id);
      batch.counts.push(1);
    }
    batch.parties.push(row.party);
  }
  return batch;
}
