import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../db/schema';

/**
 * Gathers the query planner's statistics on the identity tables (`analyze`).
 *
 * Why: the initial load fills the tables in bulk, and embedded PGlite has no autovacuum, so
 * nothing ever analysed them: the planner took the crosswalk for a 26-row table and answered
 * "this customer's current records" by scanning every current record (the whole
 * `crosswalk_current` index, then a bitmap AND), and counted live customers through a bitmap
 * over all of them. With statistics it reads the `crosswalk_by_customer` index for the
 * customers asked for. Measured on the 2,000-customer bench population (PGlite, one process):
 * the crosswalk read of one customer 2.2 -> 0.85 ms, a page of customers 3.5 -> 1.4 ms
 * (BENCHMARKS.md, "Golden profile memo and planner statistics"). On a PostgreSQL server autovacuum
 * would get there some time after a load; this makes it immediate there too.
 *
 * `analyze` samples (at most 300 x default_statistics_target rows a table), so its cost is
 * bounded whatever the population; it takes a lock that neither reads nor writes wait for, but
 * it waits for a writer's exclusive lock (a bulk load, an index rebuild): the identity service
 * runs it in the background for that reason.
 */
export async function refreshPlannerStatistics(db: Kysely<Schema>): Promise<void> {
  await sql`analyze`.execute(db);
}
