import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SourceAdapter } from '../../../adapters/kit/sourceAdapter';
import type { Schema } from '../../../db/schema';
import { anchorOf, resolveNormalisedParties, type ResolvedCluster } from '../matcherApi';
import { blockingRulesFingerprint } from './blockingRules';
import { IDENTITY_LOCKS } from './locks';
import { openBulkWriter } from './bulkRows';
import { loadSourceRecords, type LoadOptions } from './loadSourceRecords';
import { dropIndexes } from './deferredIndexes';
import { customerRecordBatches, memberTextNumbers } from './customerRecordBatches';
import { computeAllDiscrepancies, DISCREPANCY_BATCH, writeDiscrepancies } from './discrepancyPass';
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
 * (the latter computed from each record's JSON kept since the extract, off the heap:
 * partyTexts.ts, while the database writes the crosswalk).
 * Peak memory is the batch matcher's plus those texts.
 * Rows go in with COPY on a server (`bulkRows.ts`); a system whose extract fails is extracted
 * again on its own (`loadSourceRecords.ts`).
 */
export async function initialLoad(
  db: Kysely<Schema>,
  adapters: readonly SourceAdapter[],
  onProgress?: (stage: string) => void,
  options: LoadOptions = {},
): Promise<InitialLoadStats> {
  const started = Date.now();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${IDENTITY_LOCKS.WRITE})`.execute(trx);
    const already = await trx.selectFrom('identity_meta').select('value').where('name', '=', 'loaded_at').executeTakeFirst();
    if (already) return { records: 0, customers: 0, ms: 0 };

    const heads = await Promise.all(adapters.map(async (adapter) => [adapter.system, await feedHead(adapter)] as const));
    const sourceIndexes = await dropIndexes(trx, SOURCE_TABLES);
    const crosswalkIndexes = await dropIndexes(trx, CUSTOMER_TABLES);
    const discrepancyIndexes = await dropIndexes(trx, ['discrepancies']);
    const { normalised, textNumbers, texts } = await loadSourceRecords(trx, adapters, onProgress, options);
    // The source tables' indexes are built by the database while the matcher runs on this thread,
    // one build process at a time: at a million persons (2 cores, the database on the same machine)
    // the builds' parallel workers beside the matcher made both slower than one after the other
    // (229 s against 126 s of matching then 78 s of parallel builds).
    const sourceIndexesBuilt = sourceIndexes.rebuild({ serial: true });
    sourceIndexesBuilt.catch(() => undefined); // awaited after the matcher; never unhandled meanwhile
    await nextTurn(); // the statements leave before the matcher holds this thread
    const { clusters, model, reviewPairs } = resolveNormalisedParties(normalised);
    onProgress?.(`${normalised.length} records matched`);
    // The discrepancies are computed (on threads for a large load) while the database builds the
    // source indexes and takes the customers and the crosswalk, which leave this thread and a
    // core idle; their rows are written once the crosswalk is in.
    const memberTexts = memberTextNumbers(clusters, normalised, textNumbers);
    const computer = discrepancyComputer(clusters.length);
    const discrepancies = computeAllDiscrepancies(computer, customerRecordBatches(clusters, memberTexts, texts, DISCREPANCY_BATCH));
    discrepancies.catch(() => undefined); // awaited after the crosswalk; never unhandled meanwhile
    try {
      await sourceIndexesBuilt;
      onProgress?.('source indexes built');
      await saveInitialReviewQueue(trx, reviewPairs, normalised, model);
      normalised.length = 0;
      await saveMatchModel(trx, model);
      onProgress?.(`${clusters.length} customers resolved`);
      await writeCustomers(trx, clusters);
      onProgress?.('crosswalk written');
      await crosswalkIndexes.rebuild();
      onProgress?.('crosswalk indexes built');
      await gatherLoadStatistics(trx, [...CUSTOMER_TABLES, ...SOURCE_TABLES]);
    } catch (error) {
      await computer.close(); // the threads stop with the load
      throw error;
    }
    await writeDiscrepancies(await openBulkWriter(trx), await discrepancies);
    await discrepancyIndexes.rebuild();
    await gatherLoadStatistics(trx, ['discrepancies']);
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

/** The customers and their current crosswalk, as the batch matcher clustered the records (one identity change, the initial load). */
async function writeCustomers(trx: Transaction<Schema>, clusters: readonly ResolvedCluster[]): Promise<void> {
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
}

/**
 * The planner's statistics on the tables just filled, inside the load's transaction (nothing else
 * sees its rows, so autovacuum cannot). Without them a read is planned over tables the planner
 * takes for empty: when the discrepancy pass still read each batch of customers' records back,
 * that was a scan of every source record per batch (700 s at a million persons). Every table the
 * load filled gets them, so the first changes followed after the load (their reads of
 * blocking_keys, search_keys and the crosswalk) are never planned over tables taken for empty
 * while the background `analyze` of a restart runs. `analyze` samples a bounded number of rows a
 * table, so it costs seconds at any population.
 */
async function gatherLoadStatistics(trx: Transaction<Schema>, tables: readonly string[]): Promise<void> {
  await sql`analyze ${sql.join(tables.map((table) => sql.table(table)))}`.execute(trx);
}

/**
 * The tables an initial load fills from the extracts: their indexes are built once, after; the
 * customers' and the crosswalk's (foreign keys too) once those are written; the discrepancies'
 * once that pass has written them.
 */
const SOURCE_TABLES = ['source_records', 'blocking_keys', 'search_keys'];
const CUSTOMER_TABLES = ['customers', 'crosswalk'];
