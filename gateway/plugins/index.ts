import type { GatewayPlugin } from './gatewayPlugin';
import { securityOptionsFromEnv, type SecurityOptions } from '../auth/securityOptions';
import { useAbuseLimits } from './useAbuseLimits';
import { useAuthentication, useAuthenticationOff } from './useAuthentication';
import { useAuditTrail, type AuditTrailOptions } from './useAuditTrail';
import { useConsole } from './useConsole';
import { useCors } from './useCors';
import { useDiscrepancyCsv } from './useDiscrepancyCsv';
import { useRequestId } from './useRequestId';
import { useFieldAuthorization } from './useFieldAuthorization';
import { useRateLimit } from './useRateLimit';
import { useRequestDeadline } from './useRequestDeadline';
import { useRequestCancellation } from './useRequestCancellation';
import { useMetrics, type MetricsOptions } from './useMetrics';
import { useRequestLogging } from './useRequestLogging';
import { useStaleMarker } from './useStaleMarker';
import { useOperationSafelist } from './useOperationSafelist';
import { useOperationResolution } from './useOperationResolution';
import { useResolvedCustomers } from './useResolvedCustomers';
import { useCustomerScope } from './useCustomerScope';
import { safelistFromEnv } from '../operationSafelist';

export type { GatewayPlugin, GatewayRoute, GraphQLHttpRequestArgs, SubgraphRequestOptions } from './gatewayPlugin';
export { useRequestId, REQUEST_ID_HEADER } from './useRequestId';
export { useRequestLogging } from './useRequestLogging';
export { useCors, corsOriginsFromEnv } from './useCors';
export { useMetrics, METRICS_PATH, type MetricsOptions } from './useMetrics';
export { useAuditTrail, type AuditTrailOptions } from './useAuditTrail';
export type { SecurityOptions } from '../auth/securityOptions';

export interface DefaultPluginOptions {
  /** Browser origins allowed by CORS; none means no CORS headers (server-to-server only). */
  corsOrigins?: readonly string[];
  /** Auth, field policy, rate limit, shape limits, deadline; default securityOptionsFromEnv(process.env) (throws in production without token keys). */
  security?: SecurityOptions;
  /** Prometheus registry and legacy hook source for GET /metrics (default: a fresh registry per gateway). */
  metrics?: MetricsOptions;
  /** Audit trail store and field class index; `false` turns the audit trail off. */
  audit?: AuditTrailOptions | false;
  /**
   * Safelist mode: only these operation fingerprints run (gateway/operationSafelist.ts). Default:
   * `OPERATION_SAFELIST=on` loads schema/operations/ plus `SAFELIST_DIRS`; otherwise off.
   */
  safelist?: ReadonlySet<string> | null;
}

/**
 * The gateway's cross-cutting features, in the order they run. This list is the one place
 * to read what the gateway does to a request; add a feature by adding its file and a line.
 * useRequestId comes first so every later plugin logs with the request id; CORS next so a
 * preflight is answered before anything else looks at the request. The order matters for the
 * gateway's own execution hooks, which run one after the other: useResolvedCustomers finds the
 * customers in the answer, useCustomerScope may then refuse it, and useAuditTrail, last, records
 * what is actually sent (docs/security.md).
 */
export function defaultGatewayPlugins(options: DefaultPluginOptions = {}): GatewayPlugin[] {
  const security = options.security ?? securityOptionsFromEnv(process.env, { production: process.env.NODE_ENV === 'production' });
  const metrics = useMetrics(options.metrics);
  const audit = options.audit;
  const safelist = options.safelist === undefined ? safelistFromEnv(process.env) : options.safelist;
  return [
    useRequestId(),
    useRequestCancellation(),
    ...(options.corsOrigins?.length ? [useCors({ origins: options.corsOrigins })] : []),
    metrics,
    useRequestLogging(),
    security.auth
      ? useAuthentication({ keys: security.auth, onRefused: (reason) => metrics.metrics.unauthenticated.inc({ reason }) })
      : useAuthenticationOff(),
    ...(security.rateLimit ? [useRateLimit(security.rateLimit)] : []),
    useRequestDeadline({ deadlineMs: security.deadlineMs }),
    useAbuseLimits(security.limits),
    useOperationResolution(),
    ...(safelist ? [useOperationSafelist(safelist)] : []),
    ...(security.auth ? [useFieldAuthorization({ policy: security.fieldPolicy })] : []),
    useResolvedCustomers(),
    ...(security.auth ? [useCustomerScope({ policy: security.fieldPolicy })] : []),
    useStaleMarker(),
    useDiscrepancyCsv(),
    useConsole(),
    ...(audit === false
      ? []
      : [
          useAuditTrail({
            onRecorded: (outcome) => metrics.metrics.auditEvents.inc({ outcome }),
            watchSpool: (pending) => metrics.metrics.watchAuditSpool(pending),
            ...audit,
          }),
        ]),
  ];
}
