import type { Readable } from 'node:stream';
import { Axios, AxiosError, type AxiosAdapter, type AxiosRequestConfig } from 'axios';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  DelegateBackoff,
  SamplingBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
} from 'cockatiel';
import type { SourceSystem } from '../canonical';
import { sharedClientHooks, type BreakerState, type ClientHooks } from './clientHooks';
import type { SystemClientConfig } from './config';
import {
  DeadlineReached,
  RequestCancelledError,
  UpstreamDeadlineReached,
  UpstreamError,
  UpstreamProtocolError,
  UpstreamRejected,
  UpstreamTimeout,
  UpstreamUnavailable,
  isUpstreamError,
} from './errors';
import { currentRequestSignal } from './requestContext';
import { createPooledAxiosAdapter } from './pooledAxiosAdapter';
import { parseRetryAfter } from './retryAfter';
import { RetryBudget } from './retryBudget';
import { registerSystemHealth } from './systemHealth';

/** An upstream answer as a codec sees it: the body is text, whatever the dialect. */
export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface CallOptions {
  /** Named in errors, metrics and simulator stats (e.g. `customerInquiry`). */
  operation: string;
  request: AxiosRequestConfig;
  /**
   * Reads are idempotent and retried. A write is retried only when it carries an idempotency
   * key (`idempotencyKey`), so a repeat cannot book twice.
   */
  idempotent: boolean;
  idempotencyKey?: string;
}

export interface SystemClient {
  readonly system: SourceSystem;
  readonly config: SystemClientConfig;
  /**
   * One call through the resilience policies. `decode` turns the raw answer into a value or
   * throws an UpstreamError (use `statusError` for the generic mapping of 4xx/5xx); anything else
   * it throws (a parse error, a zod error) becomes an UpstreamProtocolError.
   */
  call<T>(options: CallOptions, decode: (response: UpstreamResponse) => T): Promise<T>;
  /** Opens a streamed response (bulk extracts): breaker and connect timeout apply, no retry. */
  openStream(options: Omit<CallOptions, 'idempotent'>): Promise<{ status: number; stream: Readable }>;
  breakerState(): BreakerState;
  close(): void;
}

const BREAKER_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** The generic meaning of an HTTP status, for codecs whose dialect has nothing more specific. */
export function statusError(system: SourceSystem, operation: string, response: UpstreamResponse): UpstreamError {
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  if (response.status === 429) return new UpstreamRejected(system, operation, 'rate limited (429)', retryAfterMs ?? 1000);
  if (response.status >= 500) return new UpstreamUnavailable(system, operation, `server error (${response.status})`, retryAfterMs);
  return new UpstreamRejected(system, operation, `request refused (${response.status})`);
}

/** What every system's requests send unless a call says otherwise (axios's own default). */
const DEFAULT_ACCEPT = 'application/json, text/plain, */*';

/**
 * The axios instance's settings, and nothing else. `axios.create` would copy axios's global
 * defaults into the instance (a request transform that guesses JSON, a header table per method,
 * transitional flags, XSRF names, ...) and axios merges every one of them into every call's config
 * again: about 3% of a customer360's CPU in one process (BENCHMARKS.md). The adapters use none of
 * them: bodies are text or bytes they encode themselves (pooledAxiosAdapter refuses anything
 * else), codecs parse every dialect, statuses are judged by the codecs. axios's own `Axios` class
 * with these few settings merges a handful of keys per call and sends the same request.
 */
function axiosDefaults(baseUrl: string, adapter: AxiosAdapter): AxiosRequestConfig {
  return {
    baseURL: baseUrl,
    adapter,
    // Codecs parse every dialect themselves; axios must not guess.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { Accept: DEFAULT_ACCEPT },
  };
}

/** The kit's client for one legacy system: every call through bulkhead, retry (within the budget), breaker and timeout. */
export function createSystemClient(config: SystemClientConfig, hooks: ClientHooks = sharedClientHooks): SystemClient {
  const { system } = config;
  // axios stays the API; the calls go over one undici pool per system, as many connections as
  // the bulkhead lets calls through (pooledAxiosAdapter.ts says why).
  const transport = createPooledAxiosAdapter(config.baseUrl, config.bulkhead.maxConcurrent);
  const instance = new Axios(axiosDefaults(config.baseUrl, transport.adapter));

  const budget = new RetryBudget(config.retryBudget);
  // Calls the open breaker refused: retrying them only waits to be refused again.
  const breakerRejections = new WeakSet<object>();
  const sampler = new SamplingBreaker({
    threshold: config.breaker.failureRatio,
    duration: config.breaker.samplingWindowMs,
    minimumRps: config.breaker.minimumCalls / (config.breaker.samplingWindowMs / 1000),
  });
  const breaker = circuitBreaker(
    // What the system's health is judged on: its timeouts and unavailability (a deadline that came
    // while the call ran says as much about the request as about the system).
    handleWhen((error) => (error instanceof UpstreamTimeout && !(error instanceof UpstreamDeadlineReached)) || error instanceof UpstreamUnavailable),
    { halfOpenAfter: config.breaker.halfOpenAfterMs, breaker: sampler },
  );
  // The root cause, kept from the moment the breaker opened: "circuit open" alone tells an
  // operator nothing, "after 12 of 14 calls failed; last: connection failed (ECONNRESET)" does.
  let openedBecause = '';
  // cockatiel announces the break before the state change, so this still holds the state it broke from.
  let previousState = CircuitState.Closed;
  breaker.onBreak((reason) => {
    const last = 'error' in reason && isUpstreamError(reason.error) ? reason.error.detail : 'failed';
    const counts = sampler.state as { currentFailures: number; currentSuccesses: number };
    openedBecause =
      previousState === CircuitState.HalfOpen
        ? `breaker open again: the trial call failed; last: ${last}`
        : `breaker open after ${counts.currentFailures} of ${counts.currentFailures + counts.currentSuccesses} calls failed within ${Math.round(config.breaker.samplingWindowMs / 1000)} s; last: ${last}`;
  });
  breaker.onStateChange((state) => {
    previousState = state;
    hooks.onBreakerState?.({ system, state: BREAKER_STATES[state] });
  });
  // abortOnReturn: false: the attempt's signal is aborted when the timeout fires (or the request
  // is cancelled), which is what stops the HTTP call in flight; aborting it again after every
  // successful return, cockatiel's default, only built a DOMException per call for nobody.
  const attemptTimeout = timeout(config.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
  // A stream outlives the policy call that opened it: cockatiel aborts the signal on return by
  // default, which would cut every streamed body right after its headers arrived.
  const streamOpenTimeout = timeout(config.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
  const limiter = bulkhead(config.bulkhead.maxConcurrent, config.bulkhead.maxQueued);

  const backoff = new DelegateBackoff<{ attempt: number; result: { error?: Error } | { value: unknown } }>((context) => {
    const error = 'error' in context.result ? context.result.error : undefined;
    const asked = error instanceof UpstreamRejected || error instanceof UpstreamUnavailable ? error.retryAfterMs : undefined;
    if (asked !== undefined) return asked;
    // Exponential backoff with full jitter: spreads retries of many callers apart.
    const ceiling = Math.min(config.retry.maxDelayMs, config.retry.initialDelayMs * 2 ** (context.attempt - 1));
    return Math.round(Math.random() * ceiling);
  });

  // The failures of a call's last allowed attempt (by count, or its timeouts beyond
  // maxTimeoutRetries): no retry follows them, so asking the budget for one would spend a token on nothing.
  const lastAttemptFailures = new WeakSet<object>();
  const retryable = (error: Error): boolean => {
    if (!isUpstreamError(error) || !error.transient) return false;
    // No retry follows a call's last attempt, a refusal by the open breaker, or the deadline.
    if (lastAttemptFailures.has(error) || breakerRejections.has(error) || error instanceof UpstreamDeadlineReached) return false;
    const asked = error instanceof UpstreamRejected || error instanceof UpstreamUnavailable ? error.retryAfterMs : undefined;
    if (asked !== undefined && asked > config.retry.maxRetryAfterMs) return false;
    return budget.tryRetry();
  };
  const retryPolicy = retry(handleWhen(retryable), { maxAttempts: config.retry.maxRetries, backoff });

  const toUpstreamError = (error: unknown, operation: string): UpstreamError | RequestCancelledError => {
    if (isUpstreamError(error) || error instanceof RequestCancelledError) return error;
    if (error instanceof TaskCancelledError) return new UpstreamTimeout(system, operation, config.timeoutMs);
    if (error instanceof BrokenCircuitError) {
      const refused = new UpstreamUnavailable(system, operation, openedBecause || 'breaker open');
      breakerRejections.add(refused);
      return refused;
    }
    if (error instanceof BulkheadRejectedError) return new UpstreamUnavailable(system, operation, 'too many concurrent calls');
    if (error instanceof AxiosError || (error instanceof Error && 'code' in error)) {
      const code = (error as { code?: string }).code ?? 'network error';
      if (code === 'ECONNABORTED' || code === 'ERR_CANCELED') return new UpstreamTimeout(system, operation, config.timeoutMs);
      // An answer that came but cannot be read as sent (compressed unasked, past the size limit):
      // the system's doing, and asking again gets the same.
      if (code === AxiosError.ERR_BAD_RESPONSE) return new UpstreamProtocolError(system, operation, 'unreadable response');
      return new UpstreamUnavailable(system, operation, `connection failed (${code})`);
    }
    return new UpstreamUnavailable(system, operation, 'call failed');
  };

  const headersFor = (options: Omit<CallOptions, 'idempotent'>): Record<string, string> => ({
    ...(hooks.headers?.() ?? {}),
    ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    ...((options.request.headers as Record<string, string> | undefined) ?? {}),
  });

  /** What a call ends with once its request's signal has fired: the deadline came, or the caller hung up. */
  const stopped = (cancelled: AbortSignal, operation: string): Error =>
    cancelled.reason instanceof DeadlineReached ? new UpstreamDeadlineReached(system, operation) : new RequestCancelledError(system, operation);

  /**
   * One attempt: breaker, then the attempt's timeout, then the HTTP call. `cancelled` is the
   * request's own signal: once it fires, nothing new is sent and the call in flight is aborted
   * (cockatiel's timeout derives its signal from it), and the failure is the request's doing
   * (`stopped`), not a timeout of the system.
   */
  const attempt = <T>(options: CallOptions, decode: (response: UpstreamResponse) => T, cancelled: AbortSignal | undefined): Promise<T> => {
    if (cancelled?.aborted) return Promise.reject(stopped(cancelled, options.operation));
    return breaker.execute(
      () =>
        attemptTimeout.execute(async ({ signal }) => {
          let response;
          try {
            response = await instance.request<string>({ ...options.request, headers: headersFor(options), signal });
          } catch (error) {
            if (cancelled?.aborted) throw stopped(cancelled, options.operation);
            throw toUpstreamError(signal.aborted ? new TaskCancelledError() : error, options.operation);
          }
          const upstream: UpstreamResponse = {
            status: response.status,
            headers: response.headers as Record<string, string | undefined>,
            body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
          };
          if (upstream.status === 429) throw statusError(system, options.operation, upstream);
          try {
            return decode(upstream);
          } catch (error) {
            if (isUpstreamError(error)) throw error;
            // The cause is kept for debugging in-process only; it is never put into a message.
            throw new UpstreamProtocolError(system, options.operation, 'unreadable response', { cause: error });
          }
        }, cancelled)
          // Inside the breaker, so that it judges our errors: cockatiel's aggressive timeout rejects
          // with its own TaskCancelledError, which the breaker would not count as a timeout.
          .catch((error: unknown) => {
            throw cancelled?.aborted ? stopped(cancelled, options.operation) : toUpstreamError(error, options.operation);
          }),
      cancelled,
    );
  };

  const call = async <T>(options: CallOptions, decode: (response: UpstreamResponse) => T): Promise<T> => {
    const started = performance.now();
    const canRetry = options.idempotent || options.idempotencyKey !== undefined;
    const cancelled = currentRequestSignal();
    const { maxRetries, maxTimeoutRetries = maxRetries } = config.retry;
    let timeouts = 0;
    budget.recordAttempt();
    try {
      const value = await limiter.execute(
        () =>
          canRetry
            ? retryPolicy.execute(async ({ attempt: retries }) => {
                try {
                  return await attempt(options, decode, cancelled);
                } catch (error) {
                  const failure = toUpstreamError(error, options.operation);
                  const timedOut = failure instanceof UpstreamTimeout && ++timeouts > maxTimeoutRetries;
                  if (retries >= maxRetries || timedOut) lastAttemptFailures.add(failure);
                  throw failure;
                }
              }, cancelled)
            : attempt(options, decode, cancelled),
        cancelled,
      );
      hooks.onCall?.({ system, operation: options.operation, durationMs: performance.now() - started, outcome: 'ok' });
      return value;
    } catch (error) {
      // Stopped while queued in the bulkhead or between retries: still the request's doing.
      const failure = cancelled?.aborted ? stopped(cancelled, options.operation) : toUpstreamError(error, options.operation);
      const outcome = failure instanceof RequestCancelledError ? 'CANCELLED' : (failure as UpstreamError).code;
      hooks.onCall?.({ system, operation: options.operation, durationMs: performance.now() - started, outcome });
      throw failure;
    }
  };

  retryPolicy.onRetry((event) => {
    hooks.onRetry?.({ system, operation: 'retry', attempt: event.attempt, delayMs: event.delay });
  });

  const openStream = async (options: Omit<CallOptions, 'idempotent'>): Promise<{ status: number; stream: Readable }> => {
    try {
      return await limiter.execute(() =>
        breaker.execute(() =>
          streamOpenTimeout.execute(async ({ signal }) => {
            // The timeout covers connecting and the first byte; the body then streams at its own pace.
            const controller = new AbortController();
            signal.addEventListener('abort', () => controller.abort());
            const response = await instance.request<Readable>({
              ...options.request,
              headers: headersFor(options),
              responseType: 'stream',
              transformResponse: undefined,
              signal: controller.signal,
            });
            if (response.status >= 400) {
              response.data.resume();
              throw statusError(system, options.operation, { status: response.status, headers: {}, body: '' });
            }
            return { status: response.status, stream: response.data };
          }),
        ),
      );
    } catch (error) {
      throw toUpstreamError(error, options.operation);
    }
  };

  const breakerState = () => BREAKER_STATES[breaker.state];
  const unregister = registerSystemHealth({
    system,
    health: () => {
      const state = breakerState();
      return { system, breaker: state, ...(state === 'closed' ? {} : { reason: openedBecause || state }) };
    },
  });

  return {
    system,
    config,
    call,
    openStream,
    breakerState,
    close() {
      unregister();
      void transport.destroy();
    },
  };
}
