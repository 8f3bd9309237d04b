import type { Logger } from 'pino';

/**
 * The per-request context every plugin, resolver hook and subgraph data source sees.
 *
 * Plugins that need more fields (auth adds a principal, audit adds a trail) extend this
 * interface by declaration merging in their own file:
 *
 *   declare module '../context' { interface GatewayContext { principal?: Principal } }
 *
 * so the context stays one typed object instead of a bag of `unknown`.
 */
export interface GatewayContext {
  /** Correlates the client request, gateway logs and subgraph requests (set by useRequestId). */
  requestId?: string;
  /** Request-scoped logger (a pino child carrying requestId once it is known). */
  log: Logger;
  /** Strict mode: no stack traces, no internal URLs, no introspection. */
  production: boolean;
  /**
   * Set by the HTTP handler (graphqlHttpHandler.ts) once Apollo has returned the whole answer:
   * the plan has run to its end and nothing of this request is still working.
   */
  executionOver?: boolean;
}
