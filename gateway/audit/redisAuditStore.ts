import type { Redis } from 'ioredis';
import { parseStoredAuditEvent, validAuditEvent, type AuditEvent, type StoredAuditEvent } from './auditEvent';
import { matchesAuditQuery, type AuditPage, type AuditQuery, type AuditStore } from './auditStore';

export interface RedisAuditStoreOptions {
  /** Key prefix shared with the rest of the product's Redis keys; the stream is `<prefix>audit`. */
  keyPrefix?: string;
  /**
   * Approximate cap on the stream length (XADD MAXLEN ~). Unset by default: the trail is
   * append-only and retention is a compliance decision, not a default.
   */
  maxLength?: number;
  /** Entries read per XRANGE round trip while scanning a window. Default 500. */
  scanBatch?: number;
  /** Whether close() also closes the connection (false when it is shared). Default true. */
  ownsConnection?: boolean;
}

/**
 * How far an event's `at` may be from the Redis clock when it is appended (clock skew between
 * replicas and Redis, a write stamped just before a slow XADD). `recordAuditEvent` stamps now.
 */
const CLOCK_SLACK_MS = 60_000;

/**
 * The audit trail as a Redis Stream (`XADD <prefix>audit * event <json>`), shared by every
 * gateway replica. Stream ids are millisecond timestamps, so a time window is an XRANGE
 * between two instants, scanned in batches and filtered by customer id; the page cursor is the
 * last stream id, and the next page starts just after it (exclusive range, Redis >= 6.2).
 */
export class RedisAuditStore implements AuditStore {
  readonly kind = 'redis' as const;
  readonly key: string;
  private readonly scanBatch: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisAuditStoreOptions = {},
  ) {
    this.key = `${options.keyPrefix ?? ''}audit`;
    this.scanBatch = options.scanBatch ?? 500;
  }

  async append(event: AuditEvent): Promise<void> {
    const json = JSON.stringify(validAuditEvent(event));
    if (this.options.maxLength) await this.redis.xadd(this.key, 'MAXLEN', '~', String(this.options.maxLength), '*', 'event', json);
    else await this.redis.xadd(this.key, '*', 'event', json);
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const events: StoredAuditEvent[] = [];
    // Stream ids carry Redis's clock and `at` the writer's: the id range is widened by a clock
    // slack and the window itself is applied to `at`.
    let start = query.afterId ? `(${query.afterId}` : query.from ? String(Math.max(0, query.from.getTime() - CLOCK_SLACK_MS)) : '-';
    const end = query.to ? String(query.to.getTime() + CLOCK_SLACK_MS) : '+';
    for (;;) {
      const batch = await this.redis.xrange(this.key, start, end, 'COUNT', this.scanBatch);
      for (const [id, fields] of batch) {
        const event = decodeEntry(fields);
        if (!event || !matchesAuditQuery(event, query)) continue;
        if (events.length === query.first) return { events, hasNextPage: true };
        events.push({ ...event, id });
      }
      if (batch.length < this.scanBatch) return { events, hasNextPage: false };
      start = `(${batch[batch.length - 1][0]}`;
    }
  }

  async close(): Promise<void> {
    if (this.options.ownsConnection !== false) await this.redis.quit().catch(() => undefined);
  }
}

function decodeEntry(fields: string[]): AuditEvent | undefined {
  const index = fields.indexOf('event');
  if (index < 0 || index + 1 >= fields.length) return undefined;
  try {
    return parseStoredAuditEvent(JSON.parse(fields[index + 1]));
  } catch {
    return undefined;
  }
}
