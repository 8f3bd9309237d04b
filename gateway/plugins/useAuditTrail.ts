import { buildSensitiveFieldIndex } from '../auth/sensitiveFieldIndex';
import type { AuditStore } from '../audit/auditStore';
import { customerIdsTouched } from '../audit/customerIdsTouched';
import { fieldClassesTouched, STATIC_FIELD_CLASSES, type FieldClassIndex } from '../audit/fieldClasses';
import { principalOf } from '../audit/principalOf';
import { processAuditStore, recordAuditEvent } from '../audit/recordAuditEvent';
import type { FieldClass } from '../audit/auditEvent';
import type { GatewayPlugin } from './gatewayPlugin';

export interface AuditTrailOptions {
  /** Where events go. Default the process store (REDIS_URL stream, else AUDIT_LOG_PATH file). */
  store?: AuditStore;
  /**
   * The field -> class index to use, called per request. Default: the index of the
   * supergraph's `@sensitive(class:)` applications (the same one the field policy enforces),
   * rebuilt on each supergraph load; STATIC_FIELD_CLASSES when the supergraph has none.
   */
  fieldClasses?: () => FieldClassIndex | undefined;
  /**
   * Refuse to answer when the access cannot be recorded (AUDIT_REQUIRED=true): the data is
   * replaced by an AUDIT_UNAVAILABLE error. Default false: the write failure is logged and
   * counted, and the client still gets its answer. Default: AUDIT_REQUIRED=true in the environment.
   */
  required?: boolean;
  /** Told about each write (metrics). */
  onRecorded?(outcome: 'recorded' | 'failed'): void;
}

/**
 * The audit trail of customer access: after each GraphQL operation, if it touched any customer
 * (customer ids in the response data or in the variables), one ACCESS event names who asked
 * (principal, channel), which customers, which classes of data the operation selected, the
 * operation name, the time and the request id. The write is awaited before the response goes
 * out, so a client that got its answer was recorded (or, with `required`, got no data).
 */
export function useAuditTrail(options: AuditTrailOptions = {}): GatewayPlugin {
  const store = () => options.store ?? processAuditStore();
  const required = options.required ?? process.env.AUDIT_REQUIRED === 'true';
  let supergraphIndex: FieldClassIndex | undefined;
  const fieldClassIndex = () => options.fieldClasses?.() ?? supergraphIndex ?? STATIC_FIELD_CLASSES;
  // Apollo reuses the parsed document of a repeated query, so its classes are worked out once
  // (per index: a new supergraph can change them).
  const classesByDocument = new WeakMap<object, { index: FieldClassIndex; classes: FieldClass[] }>();
  const classesOf = (document: NonNullable<Parameters<typeof fieldClassesTouched>[0]>, schema: Parameters<typeof fieldClassesTouched>[1]): FieldClass[] => {
    const index = fieldClassIndex();
    const known = classesByDocument.get(document);
    if (known && known.index === index) return known.classes;
    const classes = fieldClassesTouched(document, schema, index);
    classesByDocument.set(document, { index, classes });
    return classes;
  };
  return {
    name: 'auditTrail',
    apollo: {
      async serverWillStart() {
        return {
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
          async willSendResponse({ response, contextValue, operationName, document, schema, request }) {
            const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const customerIds = customerIdsTouched(single?.data, request.variables);
            if (customerIds.length === 0) return;
            // `document` is what was executed: fields the policy refused are no longer in it.
            const fieldClasses: FieldClass[] = document ? classesOf(document, schema) : [];
            const principal = principalOf(contextValue);
            try {
              await recordAuditEvent(
                {
                  kind: 'ACCESS',
                  ...principal,
                  customerIds,
                  fieldClasses,
                  operationName: operationName ?? null,
                  requestId: contextValue.requestId ?? null,
                },
                store(),
              );
              options.onRecorded?.('recorded');
            } catch (error) {
              options.onRecorded?.('failed');
              // The error's name only: a store error can echo the command, which holds customer ids.
              contextValue.log.error({ reason: (error as Error).name, customers: customerIds.length }, 'audit write failed');
              if (required && single) {
                single.data = null;
                single.errors = [{ message: 'The access could not be recorded in the audit trail; try again later', extensions: { code: 'AUDIT_UNAVAILABLE' } }];
                response.http.status = 503;
              }
            }
          },
        };
      },
    },
  };
}
