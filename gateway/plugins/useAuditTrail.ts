import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSensitiveFieldIndex } from '../auth/sensitiveFieldIndex';
import type { AuditStore } from '../audit/auditStore';
import { FIELD_CLASSES, type FieldClass } from '../audit/auditEvent';
import { fieldClassesTouched, STATIC_FIELD_CLASSES, type FieldClassIndex } from '../audit/fieldClasses';
import { customerIdsNamedIn } from '../audit/namedCustomerIds';
import { principalOf } from '../audit/principalOf';
import { processAuditStore, recordAuditEvent, type AuditEventInput } from '../audit/recordAuditEvent';
import { SpooledAuditStore } from '../audit/spooledAuditStore';
import type { GatewayContext } from '../context';
import { resolveOperation } from '../operationResolution';
import { auditOperationName } from '../audit/auditOperationName';
import { accessOf } from '../requestAccess';
import type { GatewayPlugin } from './gatewayPlugin';

export interface AuditTrailOptions {
  /**
   * Where events go. Default the process store (gateway/audit/recordAuditEvent.ts: the store
   * from the environment behind the local spool).
   */
  store?: AuditStore;
  /**
   * The field -> class index to use, called per request. Default: the index of the
   * supergraph's `@sensitive(class:)` applications (the same one the field policy enforces),
   * rebuilt on each supergraph load; STATIC_FIELD_CLASSES when the supergraph has none.
   */
  fieldClasses?: () => FieldClassIndex | undefined;
  /**
   * Refuse to answer (503 AUDIT_UNAVAILABLE, no data) when an access cannot be recorded, i.e.
   * when neither the store nor its spool took the event. Default: always in production
   * (`context.production`), elsewhere when AUDIT_REQUIRED=true; otherwise the failure is logged
   * and counted and the client still gets its answer.
   */
  required?: boolean;
  /** Told about each write (metrics). */
  onRecorded?(outcome: 'recorded' | 'failed'): void;
  /** Given the spool's pending-event count when the store has a spool (metrics); returns its removal. */
  watchSpool?(pending: () => number): () => void;
}

export const AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE';

/**
 * The audit trail of customer access. Every customer whose data leaves the gateway is recorded,
 * however the client selected it: the customers come from useResolvedCustomers (a reserved id
 * alias in every customer selection of the executed document) plus every customer id the
 * operation names in its arguments (a lookup that finds nothing is still an attempt).
 *
 * - ACCESS: written right after execution, before any response hook runs and before the answer
 *   is sent: who (principal, channel, roles), which customers, the classes of data the executed
 *   operation selected, the operation name (null when unnamed), the time and the request id.
 *   When it cannot be written and the trail is `required`, the answer is replaced by
 *   503 AUDIT_UNAVAILABLE: no unrecorded data leaves.
 * - DENIED: every refusal (fields of a class the roles may not read, a mutation they may not
 *   call, another customer than a customer-bound token's own), with the refused classes and why.
 *
 * Needs useResolvedCustomers, and comes after every plugin that may refuse after execution
 * (useCustomerScope), so what it records as ACCESS is what is sent.
 */
export function useAuditTrail(options: AuditTrailOptions = {}): GatewayPlugin {
  const store = () => options.store ?? processAuditStore();
  const requiredFor = (context: GatewayContext) => options.required ?? (context.production || process.env.AUDIT_REQUIRED === 'true');
  let supergraphIndex: FieldClassIndex | undefined;
  const fieldClassIndex = () => options.fieldClasses?.() ?? supergraphIndex ?? STATIC_FIELD_CLASSES;
  // Apollo reuses the parsed document of a repeated query, so its classes are worked out once
  // (per index: a new supergraph can change them).
  const classesByDocument = new WeakMap<object, { index: FieldClassIndex; classes: FieldClass[] }>();
  const classesOf = (document: DocumentNode, schema: GraphQLSchema): FieldClass[] => {
    const index = fieldClassIndex();
    const known = classesByDocument.get(document);
    if (known && known.index === index) return known.classes;
    const classes = fieldClassesTouched(document, schema, index);
    classesByDocument.set(document, { index, classes });
    return classes;
  };

  const write = async (context: GatewayContext, event: Omit<AuditEventInput, 'subject'>): Promise<boolean> => {
    try {
      await recordAuditEvent({ ...principalOf(context), requestId: context.requestId ?? null, ...event }, store());
      options.onRecorded?.('recorded');
      return true;
    } catch (error) {
      options.onRecorded?.('failed');
      // The error's name only: a store error can echo the command, which holds customer ids.
      context.log.error({ reason: (error as Error).name, kind: event.kind, customers: event.customerIds.length }, 'audit write failed');
      return false;
    }
  };

  return {
    name: 'auditTrail',
    apollo: {
      async serverWillStart() {
        const current = store();
        const unwatch = current instanceof SpooledAuditStore ? options.watchSpool?.(() => current.pendingEvents()) : undefined;
        return {
          async serverWillStop() {
            unwatch?.();
          },
          schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
            if (!coreSupergraphSdl) return;
            try {
              const index = buildSensitiveFieldIndex(coreSupergraphSdl);
              supergraphIndex = index.size > 0 ? index : undefined;
            } catch {
              // Keep the previous index; the field policy plugin reports the unreadable directive.
            }
          },
        };
      },
      async requestDidStart() {
        return {
          // Refusals: the request never executed (or its answer was withheld), nothing else to protect.
          async willSendResponse({ contextValue, document, schema, request, operationName }) {
            const access = contextValue.access;
            if (!access?.refusal || !document) return;
            const clientDocument = access.clientDocument ?? document;
            const customerIds = [...new Set([...namedIn(clientDocument, request), ...(access.refusal.customerIds ?? [])])];
            await write(contextValue, {
              kind: 'DENIED',
              customerIds,
              fieldClasses: [...(access.refusal.classes ?? classesOf(clientDocument, schema))],
              operationName: auditOperationName(operationName),
              reason: access.refusal.reason,
            });
          },
        };
      },
    },
    async didExecuteOperation({ context, resolvedDocument, schema, operationName, variables }) {
      const access = accessOf(context);
      const clientDocument = access.clientDocument ?? resolvedDocument;
      if (access.resolvedCustomerIds === undefined) {
        // useResolvedCustomers missing: the customers cannot be known, so nothing may leave.
        context.log.error('audit trail cannot see resolved customers (useResolvedCustomers is not installed)');
        throw unavailable();
      }
      const customerIds = [...new Set([...access.resolvedCustomerIds, ...namedIn(clientDocument, { operationName, variables })])];
      // `(unnamed)` for an unnamed operation (`query { ... }`); resolvable, or it would have been refused (400).
      const common = { customerIds, operationName: auditOperationName(resolveOperation(resolvedDocument, operationName).name?.value) };
      if (access.refusedClasses.size > 0) {
        await write(context, { kind: 'DENIED', ...common, fieldClasses: FIELD_CLASSES.filter((c) => access.refusedClasses.has(c)), reason: 'FORBIDDEN_FIELDS' });
      }
      if (customerIds.length === 0) return;
      // resolvedDocument is what was executed: the fields the policy refused are no longer in it.
      const recorded = await write(context, { kind: 'ACCESS', ...common, fieldClasses: classesOf(resolvedDocument, schema) });
      if (!recorded && requiredFor(context)) throw unavailable();
    },
  };
}

function namedIn(document: DocumentNode, request: { operationName?: string | null; variables?: Record<string, unknown> }): string[] {
  try {
    return customerIdsNamedIn(document, request.operationName, request.variables);
  } catch {
    // An operation that cannot be resolved was refused (400) before anything ran.
    return [];
  }
}

function unavailable(): GraphQLError {
  return new GraphQLError('The access could not be recorded in the audit trail; try again later', {
    extensions: { code: AUDIT_UNAVAILABLE, http: { status: 503 } },
  });
}
