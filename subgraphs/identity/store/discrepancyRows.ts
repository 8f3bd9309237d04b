import type { SourceParty } from '../../../adapters/canonical';
import { discrepanciesOf } from '../discrepancies';

/**
 * A batch of customers with their current records, as the initial load hands them out: the
 * customers' ids, how many records each has, and the records' JSON texts in the same order (text,
 * not objects: a batch crosses to a worker thread as strings, the cheapest thing to copy).
 */
export interface CustomerRecordsBatch {
  customerIds: string[];
  counts: number[];
  parties: string[];
}

/** The discrepancies table's columns, in the order `discrepancyRowsOf` gives its values. */
export const DISCREPANCY_COLUMNS = ['customer_id', 'field', 'system_a', 'local_id_a', 'value_a', 'system_b', 'local_id_b', 'value_b'] as const;

/** Every discrepancy of every customer of the batch, as rows of the discrepancies table. Pure. */
export function discrepancyRowsOf(batch: CustomerRecordsBatch): string[][] {
  const rows: string[][] = [];
  let next = 0;
  for (let c = 0; c < batch.customerIds.length; c += 1) {
    const parties: SourceParty[] = [];
    for (let n = 0; n < batch.counts[c]; n += 1) parties.push(JSON.parse(batch.parties[next++]) as SourceParty);
    for (const d of discrepanciesOf(batch.customerIds[c], parties)) rows.push([d.customerId, d.field, d.systemA, d.localIdA, d.valueA, d.systemB, d.localIdB, d.valueB]);
  }
  return rows;
}
