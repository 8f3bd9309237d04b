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
   * The field -> class index to use (the field policy's, built from `@sensitive` in the
   * supergraph); called per request so a hot-reloaded supergraph is picked up. Returning
   * undefined, or no function, falls back to STATIC_FIELD_CLASSES.
   */
  fieldClasses?: () => FieldClassIndex | undefined;
  /**
   * Refuse to answer when the access cannot be recorded (AUDIT_REQUIRED=true): the data is
   * replaced by an AUDIT_UNAVAILABLE error. Default false: the write failure is logged and
   * counted, and the client still gets its answer.
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
  return {
    name: 'auditTrail',
    apollo: {
      async requestDidStart() {
        return {
          async willSendResponse({ response, contextValue, operationName, document, schema, request }) {
            const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const customerIds = customerIdsTouched(single?.data, request.variables);
            if (customerIds.length === 0) return;
            const index = options.fieldClasses?.() ?? STATIC_FIELD_CLASSES;
            const fieldClasses: FieldClass[] = document ? fieldClassesTouched(document, schema, index) : [];
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
              if (options.required && single) {
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
