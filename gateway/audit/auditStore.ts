import type { AuditEvent, StoredAuditEvent } from './auditEvent';

/** What an auditor asks: one customer's events in a time window, a page at a time. */
export interface AuditQuery {
  customerId: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Inclusive upper bound. */
  to?: Date;
  first: number;
  /** An event id from a previous page (`StoredAuditEvent.id`): the page starts after it. */
  afterId?: string;
}

export interface AuditPage {
  events: StoredAuditEvent[];
  hasNextPage: boolean;
}

/**
 * The append-only audit trail. `append` never edits or removes an earlier event; there is no
 * delete. Readers scan oldest first (the order events happened).
 */
export interface AuditStore {
  /** `file`: a JSONL file on this host; `redis`: a Redis Stream; `postgres`: the hash-chained table. */
  readonly kind: 'file' | 'redis' | 'postgres';
  append(event: AuditEvent): Promise<void>;
  query(query: AuditQuery): Promise<AuditPage>;
  close(): Promise<void>;
}

/** Whether an event falls in the query's window and names its customer. */
export function matchesAuditQuery(event: AuditEvent, query: AuditQuery): boolean {
  if (!event.customerIds.includes(query.customerId)) return false;
  const at = Date.parse(event.at);
  if (query.from && at < query.from.getTime()) return false;
  if (query.to && at > query.to.getTime()) return false;
  return true;
}
