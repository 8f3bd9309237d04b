import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { AuditStore } from './auditStore';
import { JsonlAuditStore } from './jsonlAuditStore';
import { RedisAuditStore } from './redisAuditStore';

export const DEFAULT_AUDIT_LOG_PATH = 'data/audit.jsonl';
export const DEFAULT_AUDIT_KEY_PREFIX = 'uv:';

export class AuditConfigError extends Error {
  override readonly name = 'AuditConfigError';
}

/**
 * The audit store the environment asks for: a Redis Stream `<AUDIT_KEY_PREFIX>audit` (default
 * `uv:audit`) when REDIS_URL is set, so every replica writes one trail; otherwise the JSONL file
 * AUDIT_LOG_PATH (default data/audit.jsonl, relative to the working directory).
 * AUDIT_STREAM_MAXLEN caps the stream (approximately) when set; unset, nothing is ever trimmed.
 */
export function createAuditStoreFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AuditStore {
  const url = env.REDIS_URL?.trim();
  if (url) {
    if (!/^rediss?:\/\//.test(url)) throw new AuditConfigError('REDIS_URL must start with redis:// or rediss://');
    const rawMax = env.AUDIT_STREAM_MAXLEN?.trim();
    const maxLength = rawMax ? Number(rawMax) : undefined;
    if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1)) {
      throw new AuditConfigError('AUDIT_STREAM_MAXLEN must be a positive integer');
    }
    // A bounded command time: an audit write that cannot complete is reported, not left hanging.
    // No offline queue and no resending after a reconnect: a write that failed has gone to the
    // local spool (spooledAuditStore.ts), and ioredis sending it later anyway would record it twice.
    const redis = new Redis(url, { commandTimeout: 2000, maxRetriesPerRequest: 2, enableOfflineQueue: false, autoResendUnfulfilledCommands: false });
    redis.on('error', () => undefined); // surfaced by the failing command instead
    return new RedisAuditStore(redis, { keyPrefix: env.AUDIT_KEY_PREFIX ?? DEFAULT_AUDIT_KEY_PREFIX, maxLength });
  }
  return new JsonlAuditStore(resolve(cwd, env.AUDIT_LOG_PATH?.trim() || DEFAULT_AUDIT_LOG_PATH));
}
