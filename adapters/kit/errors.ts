import type { SourceSystem } from '../canonical';

/**
 * The error taxonomy every adapter speaks. Messages name the system and the operation only:
 * never a customer's data, never an internal URL. `code` is what the graph puts in
 * `extensions.code`; `system` goes to `extensions.system`.
 */
export type UpstreamErrorCode =
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_PROTOCOL_ERROR'
  | 'BAD_USER_INPUT';

export abstract class UpstreamError extends Error {
  abstract readonly code: UpstreamErrorCode;
  /** Whether trying the same idempotent call again may succeed. */
  abstract readonly transient: boolean;

  constructor(
    readonly system: SourceSystem,
    readonly operation: string,
    /** What went wrong, without the system and operation (kept as the breaker's "last" cause). */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${system} ${operation}: ${detail}`, options);
    this.name = new.target.name;
  }
}

/** The call did not finish within its time budget. */
export class UpstreamTimeout extends UpstreamError {
  readonly code = 'UPSTREAM_TIMEOUT';
  readonly transient = true;
  constructor(system: SourceSystem, operation: string, timeoutMs: number, detail = `no answer within ${timeoutMs} ms`) {
    super(system, operation, detail);
  }
}

/**
 * The call was still running when the time its caller waits for ran out (the gateway gives each
 * subgraph request a deadline, carried in its signature). Stopped so the subgraph can still
 * answer everything else in time. Not the system's fault alone (the time may have gone before
 * the call started), so the breaker does not count it.
 */
export class UpstreamDeadlineReached extends UpstreamTimeout {
  constructor(system: SourceSystem, operation: string) {
    super(system, operation, 0, "no answer before the request's deadline");
  }
}

/** The reason a request scope's signal is aborted with when its deadline comes (not a hang-up). */
export class DeadlineReached extends Error {
  override readonly name = 'DeadlineReached';
  constructor() {
    super("the request's deadline has come");
  }
}

/** The system cannot serve: breaker open, connection refused or reset, 5xx, bulkhead full. */
export class UpstreamUnavailable extends UpstreamError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  readonly transient = true;
  constructor(
    system: SourceSystem,
    operation: string,
    detail: string,
    /** How long the system asked us to wait (HTTP Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(system, operation, detail);
  }
}

/** The system refused the request (4xx other than not-found, a SOAP client fault, an OData error). */
export class UpstreamRejected extends UpstreamError {
  readonly code = 'UPSTREAM_REJECTED';
  readonly transient: boolean;
  constructor(
    system: SourceSystem,
    operation: string,
    detail: string,
    /** Set for 429: the request may be retried after this many milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(system, operation, detail);
    this.transient = retryAfterMs !== undefined;
  }
}

/** The system answered something we cannot read: truncated record, invalid XML/JSON, wrong shape. */
export class UpstreamProtocolError extends UpstreamError {
  readonly code = 'UPSTREAM_PROTOCOL_ERROR';
  readonly transient = false;
}

/** An id refused locally, before any call, because it cannot be a valid key in that system. */
export class InvalidIdError extends UpstreamError {
  readonly code = 'BAD_USER_INPUT';
  readonly transient = false;
  constructor(system: SourceSystem, operation: string, expected: string) {
    super(system, operation, `invalid id: expected ${expected}`);
  }
}

/**
 * The request this call served was cancelled (the gateway hung up: client gone, deadline,
 * subgraph timeout) before the call finished. Nobody waits for the answer, so the call stops;
 * it says nothing about the legacy system's health (the breaker does not count it) and is
 * never retried.
 */
export class RequestCancelledError extends Error {
  override readonly name = 'RequestCancelledError';
  constructor(
    readonly system: SourceSystem,
    readonly operation: string,
  ) {
    super(`${system} ${operation}: request cancelled`);
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}
