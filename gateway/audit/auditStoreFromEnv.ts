import cluster from 'node:cluster';
import { Redis } from 'ioredis';
import { databaseOptionsFromEnv, DatabaseConfigError, openDatabase, type Database } from '../../db/database';
import type { AuditEvent } from './auditEvent';
import type { AuditPage, AuditQuery, AuditStore } from './auditStore';
import { PostgresAuditStore } from './postgresAuditStore';
import { IpcAuditStore } from './postgresAuditStoreIpc';
import { RedisAuditStore } from './redisAuditStore';

/** @deprecated the trail is in the database now; kept for callers that still import it. */
export const DEFAULT_AUDIT_LOG_PATH = 'data/audit.jsonl';
export const DEFAULT_AUDIT_KEY_PREFIX = 'uv:';

export class AuditConfigError extends Error {
  override readonly name = 'AuditConfigError';
}

/**
 * The audit store the environment asks for: the hash-chained `audit_trail` table in the store of
 * record. With DATABASE_URL every process (every gateway replica) appends to the same PostgreSQL
 * table; without it the trail lives in the embedded database, which one process owns: a gateway
 * worker (GATEWAY_WORKERS) then hands its events to the primary that owns it, and a process on
 * its own opens it (PGLITE_DIR, default data/pglite).
 *
 * The database is opened on first use (this stays synchronous for the plugins that call it).
 */
export function createAuditStoreFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AuditStore {
  let options;
  try {
    options = databaseOptionsFromEnv(env, cwd);
  } catch (error) {
    throw new AuditConfigError(error instanceof DatabaseConfigError ? error.message : String(error));
  }
  if (!options.url && cluster.isWorker) return new IpcAuditStore();
  return new LazyPostgresAuditStore(() => openDatabase(options));
}

/**
 * A trail as a Redis Stream `<keyPrefix>audit`, for callers that construct one on purpose (tests
 * of the spool over a store that goes away); the product's trail is the database's.
 */
export function createRedisAuditStore(url: string, options: { keyPrefix?: string; maxLength?: number } = {}): AuditStore {
  if (!/^rediss?:\/\//.test(url)) throw new AuditConfigError('a Redis URL must start with redis:// or rediss://');
  // A bounded command time: an audit write that cannot complete is reported, not left hanging.
  // No offline queue and no resending after a reconnect: a write that failed has gone to the
  // local spool (spooledAuditStore.ts), and ioredis sending it later anyway would record it twice.
  const redis = new Redis(url, { commandTimeout: 2000, maxRetriesPerRequest: 2, enableOfflineQueue: false, autoResendUnfulfilledCommands: false });
  redis.on('error', () => undefined); // surfaced by the failing command instead
  return new RedisAuditStore(redis, { keyPrefix: options.keyPrefix ?? DEFAULT_AUDIT_KEY_PREFIX, maxLength: options.maxLength });
}

/** A PostgresAuditStore over a database it opens on first use and closes with itself. */
class LazyPostgresAuditStore implements AuditStore {
  readonly kind = 'postgres' as const;
  private opened: Promise<{ database: Database; store: PostgresAuditStore }> | null = null;

  constructor(private readonly open: () => Promise<Database>) {}

  private store(): Promise<PostgresAuditStore> {
    this.opened ??= this.open().then(
      (database) => ({ database, store: new PostgresAuditStore(database.db) }),
      (error: unknown) => {
        // The next call tries again (the database may come back).
        this.opened = null;
        throw error;
      },
    );
    return this.opened.then((o) => o.store);
  }

  async append(event: AuditEvent): Promise<void> {
    await (await this.store()).append(event);
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    return (await this.store()).query(query);
  }

  async close(): Promise<void> {
    const opened = await this.opened?.catch(() => null);
    this.opened = null;
    await opened?.database.close();
  }
}
