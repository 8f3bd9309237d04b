import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { checkLink, type BrokenLink } from './auditChain';

export interface ChainReport {
  /** Links checked (up to and including the first broken one). */
  checked: number;
  /** The first broken link, or null when the whole chain holds. */
  broken: BrokenLink | null;
  lastHash: string | null;
}

/** Walks the whole `audit_trail` in `seq` order, a batch at a time, and stops at the first broken link. */
export async function verifyAuditChain(db: Kysely<Schema>, batchSize = 5000): Promise<ChainReport> {
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_trail')
      .select(['seq', 'at', 'customer_ids', 'event', 'prev_hash', 'hash'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const link = { seq: Number(row.seq), at: row.at, customerIds: row.customer_ids, event: row.event, prevHash: row.prev_hash, hash: row.hash };
      checked += 1;
      const broken = checkLink(link, previous);
      if (broken) return { checked, broken, lastHash: previous?.hash ?? null };
      previous = { seq: link.seq, hash: link.hash };
    }
    if (rows.length < batchSize) return { checked, broken: null, lastHash: previous?.hash ?? null };
    after = Number(rows[rows.length - 1].seq);
  }
}
