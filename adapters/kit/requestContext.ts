import { AsyncLocalStorage } from 'node:async_hooks';
import { sharedClientHooks, type ClientHooks } from './clientHooks';

/** Who a subgraph serves, as the gateway's signed call says (subgraphs/runtime/callSignature.ts). */
export interface CallerPrincipal {
  /** The token's subject at the gateway: an employee or service id (not a customer). */
  subject: string;
  roles: string[];
  channel?: string;
}

/** What a subgraph knows about the client request it is serving, for every legacy call made on its behalf. */
export interface RequestScope {
  /** The gateway's request id, already checked to be an inert token. */
  requestId?: string;
  /**
   * Aborted when the request's answer is no longer wanted: the gateway hung up (client
   * disconnect, deadline, subgraph timeout). Legacy calls made in the scope stop there: the call
   * in flight is aborted and no retry starts.
   */
  signal?: AbortSignal;
  /** The verified principal of the gateway's signed call. */
  principal?: CallerPrincipal;
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

/** The cancellation signal of the request being served; undefined outside a request (feed following, extracts). */
export function currentRequestSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}

/** The verified principal of the request being served, if any. */
export function currentPrincipal(): CallerPrincipal | undefined {
  return storage.getStore()?.principal;
}

/**
 * Runs `fn` in the current scope with its signal replaced: for work shared by several requests
 * (a coalesced cache read), which must stop only when all of them have gone (see SharedSignal).
 */
export function runWithSignal<T>(signal: AbortSignal | undefined, fn: () => T): T {
  return storage.run({ ...storage.getStore(), signal }, fn);
}

/**
 * A signal for work several requests wait on: aborted once every request that joined has been
 * cancelled, never while one of them still wants the answer. A waiter without a signal (work
 * outside any request) keeps it alive for good.
 */
export class SharedSignal {
  private readonly controller = new AbortController();
  private waiting = 0;
  private pinned = false;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Adds a waiter; returns false when the work is already cancelled (join too late: start new work). */
  join(signal: AbortSignal | undefined): boolean {
    if (this.controller.signal.aborted) return false;
    if (!signal) {
      this.pinned = true;
      return true;
    }
    this.waiting += 1;
    if (signal.aborted) {
      this.leave(signal.reason);
      return true;
    }
    signal.addEventListener('abort', () => this.leave(signal.reason), { once: true });
    return true;
  }

  private leave(reason: unknown): void {
    this.waiting -= 1;
    if (this.waiting === 0 && !this.pinned) this.controller.abort(reason);
  }
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
