import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as identity from './migrations/0001_identity';
import * as auditTrail from './migrations/0002_audit_trail';
import * as reviewQueue from './migrations/0003_review_queue';
import * as mortgageStore from './migrations/0004_mortgage_store';

/**
 * Every migration, in order: db/migrations/ is the schema's history. Listed here rather than
 * read from the folder so the same list works under tsx, ts-jest and a bundle.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_identity': identity,
  '0002_audit_trail': auditTrail,
  '0003_review_queue': reviewQueue,
  '0004_mortgage_store': mortgageStore,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Brings the schema up to date. Kysely's migrator records what ran in `kysely_migration` and
 * takes a lock, so several processes starting at once migrate once.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
