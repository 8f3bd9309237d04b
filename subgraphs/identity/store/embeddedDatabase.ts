import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../db/schema';

/**
 * Whether the connection is to embedded PGlite rather than a PostgreSQL server: the bulk paths
 * differ (PGlite has no COPY FROM STDIN over a socket and takes one statement a query).
 */
export async function isEmbeddedDatabase(db: Kysely<Schema>): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
  return /PGlite/i.test(rows[0]?.v ?? '');
}
