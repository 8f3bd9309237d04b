import type { AuditEvent } from './auditEvent';
import type { AuditStore } from './auditStore';
import { databaseOptionsFromEnv } from '../../db/database';
import { createAuditStoreFromEnv } from './auditStoreFromEnv';
import { withAuditSpool } from './spooledAuditStore';

/** An event as a caller gives it: the time defaults to now and the optional parts to empty. */
export type AuditEventInput = Pick<AuditEvent, 'kind' | 'subject' | 'customerIds'> &
  Partial<Omit<AuditEvent, 'kind' | 'subject' | 'customerIds'>>;

let processStore: AuditStore | undefined;

/**
 * The store this process records to: the one set with `useAuditStore` (the stack sets the
 * same store on the gateway and the audit subgraph), else the one from the environment behind
 * the local spool (spooledAuditStore.ts), so a store outage loses no event.
 */
export function processAuditStore(): AuditStore {
  processStore ??= withAuditSpool(createAuditStoreFromEnv(), databaseOptionsFromEnv());
  return processStore;
}

/** Makes `store` the process's audit store (undefined: back to the environment's on next use). */
export function useAuditStore(store: AuditStore | undefined): void {
  processStore = store;
}

/** A complete event from a caller's input. */
export function completeAuditEvent(input: AuditEventInput, now: Date = new Date()): AuditEvent {
  return {
    kind: input.kind,
    at: input.at ?? now.toISOString(),
    subject: input.subject,
    channel: input.channel ?? null,
    roles: input.roles ?? [],
    customerIds: [...new Set(input.customerIds)],
    fieldClasses: input.fieldClasses ?? [],
    operationName: input.operationName ?? null,
    requestId: input.requestId ?? null,
    ...(input.action !== undefined ? { action: input.action } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  };
}

/**
 * Appends one event to the audit trail (ACCESS from the gateway, STEWARD_DECISION from the
 * steward flow). Rejects with InvalidAuditEventError on a malformed event, or with the store's
 * error when the write fails: the caller decides whether its action may proceed unaudited.
 */
export async function recordAuditEvent(input: AuditEventInput, store: AuditStore = processAuditStore()): Promise<AuditEvent> {
  const event = completeAuditEvent(input);
  await store.append(event);
  return event;
}
