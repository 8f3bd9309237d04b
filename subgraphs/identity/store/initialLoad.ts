import { sql, type Kysely } from 'kysely';
import type { SourceAdapter } from '../../../adapters/kit/sourceAdapter';
import type { Schema } from '../../../db/schema';
import { anchorOf, resolveNormalisedParties } from '../matcherApi';
import { blockingRulesFingerprint } from './blockingRules';
import { IDENTITY_LOCKS } from './locks';
import { openBulkWriter } from './bulkRows';
import { EXTRACT_RETRY, loadSourceRecords, type ExtractRetry } from './loadSourceRecords';
import { withIndexesDeferred } from './deferredIndexes';
import { writeAllDiscrepancies } from './discrepancyPass';
import { discrepancyComputer } from './discrepancyThreads';
import { saveMatchModel } from './matchModelStore';
import { saveInitialReviewQueue } from './reviewQueueStore';

const BATCH = 5000;

export interface InitialLoadStats {
  records: number;
  customers: number;
  ms: number;
}

/** A change feed's head: the cursor after which only changes made from now on appear. */
export async function feedHead(adapter: Pick<SourceAdapter, 'changes'>): Promise<string> {
  let cursor: string | undefined;
  for (;;) {
    const page = await adapter.changes(cursor);
    if (page.changes.length === 0 || page.nextCursor === cursor) return page.nextCursor;
    cursor = page.nextCursor;
  }
}

export async function isLoaded(db: Kysely<Schema>): Promise<boolean> {
  const row = await db.selectFrom('identity_meta').select('value').where('name', '=', 'loaded_at').executeTakeFirst();
  return row !== undefined;
}

/**
 * The first resolution of an empty store, in one transaction (a crash leaves the store empty,
 * and the next start loads again): each feed's head is read first (changes made during the
 * extract are then applied by the follower, not lost), every system's records are streamed in
 * and written with their keys in batches while only their normalised form is kept, the batch
 * matcher clusters them, and the customers, the crosswalk and the discrepancies are written
 * (the latter by streaming each customer's records back). Peak memory is the batch matcher's.
 * Rows go in with COPY on a server (`bulkRows.ts`); a system whose extract fails is extracted
 * again on its own (`loadSourceRecords.ts`).
 */
export async function initialLoad(
  db: Kysely<Schema>,
  adapters: readonly SourceAdapter[],
  onProgress?: (stage: string) => void,
  retry: ExtractRetry = EXTRACT_RETRY,
): Promise<InitialLoadStats> {
  const started = Date.now();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${IDENTITY_LOCKS.WRITE})`.execute(trx);
    const already = await trx.selectFrom('identity_meta').select('value').where('name', '=', 'loaded_at').executeTakeFirst();
    if (already) return { records: 0, customers: 0, ms: 0 };

    const heads = await Promise.all(adapters.map(async (adapter) => [adapter.system, await feedHead(adapter)] as const));
    const clusters = await withIndexesDeferred(trx, BULK_TABLES, async () => {
      const normalised = await loadSourceRecords(trx, adapters, onProgress, retry);
      const { clusters, model, reviewPairs } = resolveNormalisedParties(normalised);
      await saveInitialReviewQueue(trx, reviewPairs, normalised, model);
      normalised.length = 0;
      await saveMatchModel(trx, model);
      onProgress?.(`${clusters.length} customers resolved`);
      const change = await trx.insertInto('identity_changes').values({ cause: 'INITIAL_LOAD', system: null, decision_id: null }).returning('change_id').executeTakeFirstOrThrow();
      const changeId = String(change.change_id);
      const { rows } = await sql<{ now: string }>`select now()::text as now`.execute(trx);
      const writer = await openBulkWriter(trx);
      for (let i = 0; i < clusters.length; i += BATCH) {
        const slice = clusters.slice(i, i + BATCH);
        const keysOf = slice.map((c) => c.members.map((m) => `${m.system}:${m.localId}`));
        await writer.append('customers', ['customer_id', 'anchor', 'created_by'], slice.map((c, n) => [c.customerId, anchorOf(keysOf[n]), changeId]));
        const members = slice.flatMap((c, n) => keysOf[n].map((key) => [key, c.customerId, rows[0].now, changeId]));
        await writer.append('crosswalk', ['record_key', 'customer_id', 'valid_from', 'opened_by'], members);
      }
      onProgress?.('crosswalk written');
      return clusters;
    });
    onProgress?.('indexes built');
    await writeAllDiscrepancies(trx, await openBulkWriter(trx), discrepancyComputer(clusters.length));
    onProgress?.('discrepancies written');

    for (const [system, cursor] of heads) {
      await sql`insert into feed_cursors (system, cursor) values (${system}, ${cursor}) on conflict (system) do update set cursor = excluded.cursor`.execute(trx);
    }
    await sql`insert into identity_meta (name, value) values ('loaded_at', now()::text), ('blocking_rules', ${blockingRulesFingerprint()})
      on conflict (name) do update set value = excluded.value`.execute(trx);
    const records = await trx.selectFrom('source_records').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return { records: records.n, customers: clusters.length, ms: Date.now() - started };
  });
}

/** The tables an initial load fills in bulk: their indexes are built once, after (discrepancies are written after the crosswalk's indexes exist). */
const BULK_TABLES = ['source_records', 'blocking_keys', 'search_keys', 'crosswalk'];
