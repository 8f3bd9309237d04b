import { z } from 'zod/v4';
import { SENSITIVITY_CLASSES, type SensitivityClass } from '../auth/fieldPolicy';

/** The classes of sensitive data a field can belong to (the `@sensitive(class:)` vocabulary, gateway/auth/fieldPolicy.ts). */
export const FIELD_CLASSES = SENSITIVITY_CLASSES;
export type FieldClass = SensitivityClass;

export const AUDIT_EVENT_KINDS = ['ACCESS', 'DENIED', 'STEWARD_DECISION'] as const;
export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

/**
 * One entry of the audit trail. ACCESS: someone read customer data through the gateway.
 * DENIED: the gateway refused someone data (fields of a class their roles may not read, a
 * mutation they may not call, another customer than their own); `fieldClasses` are the refused
 * classes and `reason` says why. STEWARD_DECISION: a data steward linked/unlinked records or
 * chose a value (recorded by the identity/steward flow through `recordAuditEvent`).
 *
 * An event names customers by their global id and never carries customer data itself: the
 * trail says who looked at what class of data, not what they saw.
 */
export interface AuditEvent {
  kind: AuditEventKind;
  /** ISO 8601 UTC instant. */
  at: string;
  /** The authenticated subject (`sub` of the token); `anonymous` when the request carried none (authentication off, development only). */
  subject: string;
  /** The channel the principal acts through (branch, mobile, call-center, ...), when known. */
  channel: string | null;
  roles: string[];
  /** Global customer ids (`cust_...`) the request touched. */
  customerIds: string[];
  fieldClasses: FieldClass[];
  /** The GraphQL operation name; `(unnamed)` for an unnamed operation (`query { ... }`, auditOperationName.ts); null for a non-GraphQL action. */
  operationName: string | null;
  /** The gateway request id (correlates with logs); null when the action did not come through it. */
  requestId: string | null;
  /** STEWARD_DECISION: what was decided (`LINK`, `UNLINK`, `CHOOSE_VALUE`, ...). */
  action?: string;
  /**
   * STEWARD_DECISION: the steward's reason, as a short code or text without customer data.
   * DENIED: why the gateway refused (`FORBIDDEN_FIELDS`, `FORBIDDEN_MUTATION Mutation.x`,
   * `OTHER_CUSTOMER`, `CUSTOMER_LIST`).
   */
  reason?: string;
}

/** An event as read back from a store, with the store's position as its id. */
export interface StoredAuditEvent extends AuditEvent {
  /** Redis stream id (`1732694400000-0`) or JSONL line number; unique and ordered within a store. */
  id: string;
}

const boundedText = (max: number) => z.string().min(1).max(max);

/**
 * The boundary check for an event, applied before writing (a caller's bug must not poison the
 * trail) and after reading (a hand-edited or foreign line is skipped, never served).
 */
export const auditEventSchema = z
  .object({
    kind: z.enum(AUDIT_EVENT_KINDS),
    at: z.iso.datetime({ offset: false }),
    subject: boundedText(256),
    channel: boundedText(64).nullable(),
    roles: z.array(boundedText(64)).max(64),
    customerIds: z.array(boundedText(128)).max(10_000),
    fieldClasses: z.array(z.enum(FIELD_CLASSES)).max(FIELD_CLASSES.length),
    operationName: boundedText(256).nullable(),
    requestId: boundedText(128).nullable(),
    action: boundedText(64).optional(),
    reason: boundedText(1000).optional(),
  })
  .strict();

export class InvalidAuditEventError extends Error {
  override readonly name = 'InvalidAuditEventError';
  constructor(readonly issues: string[]) {
    super(`invalid audit event: ${issues.join('; ')}`);
  }
}

/** The event if it is well-formed, else throws InvalidAuditEventError naming the bad fields (never their values). */
export function validAuditEvent(event: unknown): AuditEvent {
  const parsed = auditEventSchema.safeParse(event);
  if (!parsed.success) throw new InvalidAuditEventError(parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.code}`));
  return parsed.data;
}

/** The event if it is well-formed, else undefined (for reading back). */
export function parseStoredAuditEvent(raw: unknown): AuditEvent | undefined {
  const parsed = auditEventSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
