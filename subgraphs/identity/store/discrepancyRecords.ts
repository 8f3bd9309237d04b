import { sql, type Kysely } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';

/**
 * The current source records of each customer, as identity holds them (for the discrepancy
 * report's details: one query for a page of customers).
 */
export async function currentRecordsOf(db: Kysely<Schema>, customerIds: readonly string[]): Promise<Map<string, SourceParty[]>> {
  const out = new Map<string, SourceParty[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return out;
  const { rows } = await sql<{ customer_id: string; party: SourceParty | string }>`
    select c.customer_id, r.party from crosswalk c join source_records r using (record_key)
    where c.valid_to is null and c.customer_id = any(${[...customerIds]}::text[])
    order by c.customer_id, c.record_key`.execute(db);
  for (const row of rows) out.get(row.customer_id)?.push(typeof row.party === 'string' ? (JSON.parse(row.party) as SourceParty) : row.party);
  return out;
}
