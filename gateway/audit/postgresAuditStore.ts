import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { parseStoredAuditEvent, validAuditEvent, type AuditEvent, type StoredAuditEvent } from './auditEvent';
import type { AuditPage, AuditQuery, AuditStore } from './auditStore';

/**
 * The audit trail in PostgreSQL (or embedded PGlite): table `audit_trail`, append-only and
 * hash-chained by the database itself (db/migrations/0002_audit_trail.ts). An event's id is its
 * chain position (`seq`), gapless and in append order across every appending process.
 */
export class PostgresAuditStore implements AuditStore {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly db: Kysely<Schema>,
    /** Called by close(): the database's owner closes it (default: nothing, the database is shared). */
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  async append(event: AuditEvent): Promise<void> {
    // The JSON text as appended is what the chain hashes: stored as text, never re-serialised.
    await this.db.insertInto('audit_trail').values({ event: JSON.stringify(validAuditEvent(event)) }).execute();
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const after = query.afterId !== undefined ? Number(query.afterId) : 0;
    const rows = await this.db
      .selectFrom('audit_trail')
      .select(['seq', 'event'])
      .where(sql<boolean>`customer_ids @> array[${query.customerId}]::text[]`)
      .where('seq', '>', after)
      // Instants go in as ISO text: PGlite refuses a Date made in another realm (a test sandbox).
      .$if(query.from !== undefined, (q) => q.where(sql<boolean>`at >= ${query.from!.toISOString()}::timestamptz`))
      .$if(query.to !== undefined, (q) => q.where(sql<boolean>`at <= ${query.to!.toISOString()}::timestamptz`))
      .orderBy('seq')
      .limit(query.first + 1)
      .execute();
    const events: StoredAuditEvent[] = [];
    for (const row of rows.slice(0, query.first)) {
      const event = parseEvent(row.event);
      if (event) events.push({ ...event, id: String(row.seq) });
    }
    return { events, hasNextPage: rows.length > query.first };
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

function parseEvent(text: string): AuditEvent | undefined {
  try {
    return parseStoredAuditEvent(JSON.parse(text));
  } catch {
    return undefined;
  }
}
