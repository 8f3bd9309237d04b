import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientHooks } from './clientHooks';
import { sharedClientHooks } from './systemClient';

/** What a subgraph knows about the client request it is serving, for every legacy call made on its behalf. */
export interface RequestScope {
  /** The gateway's `x-request-id`, already checked to be an inert token. */
  requestId?: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';

// Adapters are shared by every request a subgraph serves and never see the request itself;
// AsyncLocalStorage carries the scope through DataLoader batches and policy callbacks to the
// axios call without threading a parameter through every adapter signature.
const storage = new AsyncLocalStorage<RequestScope>();

// Same rule as the gateway's: the id is echoed into upstream headers and logs.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The header value if it is a sane request id, otherwise undefined (never forwarded). */
export function acceptableRequestId(value: string | string[] | undefined): string | undefined {
  const id = Array.isArray(value) ? value[0] : value;
  return id !== undefined && ACCEPTABLE_REQUEST_ID.test(id) ? id : undefined;
}

/** Runs `fn` (and everything it starts asynchronously) inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Headers every legacy call made in the current scope carries: today the request id. */
export function requestScopeHeaders(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}

const INSTALLED = Symbol.for('unified-view.requestIdPropagation');

/**
 * Makes `hooks.headers()` (by default the kit's sharedClientHooks) add the current request id,
 * keeping any headers hook installed before. Idempotent: every subgraph of a process calls it.
 */
export function propagateRequestIdToLegacyCalls(hooks: ClientHooks = sharedClientHooks): void {
  const marked = hooks as ClientHooks & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  const previous = hooks.headers;
  hooks.headers = () => ({ ...(previous?.() ?? {}), ...requestScopeHeaders() });
  marked[INSTALLED] = true;
}
