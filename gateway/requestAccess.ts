import type { DocumentNode } from 'graphql';
import type { SensitivityClass } from './auth/fieldPolicy';
import type { GatewayContext } from './context';

/** Why the gateway refused a request's data, as the audit trail records it (`reason` of a DENIED event). */
export type RefusalReason = 'FORBIDDEN_FIELDS' | `FORBIDDEN_MUTATION ${string}` | 'OTHER_CUSTOMER' | 'CUSTOMER_LIST';

/**
 * What the access-control plugins decided about one request, for the audit trail to record
 * (gateway/plugins/useAuditTrail.ts): the plugins that decide write here, the audit plugin reads.
 */
export interface RequestAccess {
  /** The document as the client sent it, when a plugin rewrote the one the gateway plans. */
  clientDocument?: DocumentNode;
  /**
   * Global ids of every customer the executed operation resolved (useResolvedCustomers);
   * undefined until the operation has executed.
   */
  resolvedCustomerIds?: string[];
  /** Classes of the fields the policy refused while serving the rest (nulled with FORBIDDEN). */
  refusedClasses: Set<SensitivityClass>;
  /**
   * The whole request was refused: why, the classes refused (default: every class the
   * operation selects) and the customers it was refused for (beside those it names).
   */
  refusal?: { reason: RefusalReason; classes?: readonly SensitivityClass[]; customerIds?: readonly string[] };
}

declare module './context' {
  interface GatewayContext {
    /** Created on first use by accessOf(). */
    access?: RequestAccess;
  }
}

/** The request's access record (created empty on first use). */
export function accessOf(context: GatewayContext): RequestAccess {
  context.access ??= { refusedClasses: new Set() };
  return context.access;
}
