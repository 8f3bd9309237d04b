import type { FormattedExecutionResult } from 'graphql';
import type { CallerPrincipal } from '../../adapters/kit/requestContext';

/**
 * A subgraph call from a gateway in the same process (`npm start`, one replica of the whole
 * stack): the same operation, principal, request id and wait as a signed HTTP call, handed over
 * as values instead of a signed body on a socket.
 *
 * Why: a customer360 is seven subgraph calls. Over loopback HTTP each pays, on both sides, a JSON
 * encode and parse of the operation and of the answer, an HTTP parse and socket writes, and a JWT
 * sign and verify with a body hash (BENCHMARKS.md "Subgraph calls in-process"). In one process
 * there is no network to cross, so there is nothing for a signature to protect: nothing but this
 * process's own gateway holds the function. Subgraphs in other processes are still called over
 * HTTP and still refuse unsigned calls.
 */
export interface InProcessRequest {
  /** The operation as the gateway would have sent it in the HTTP body. */
  request: { query: string; operationName?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> };
  /** Who the call is for, as the gateway verified it (absent for its own probes and with authentication off). */
  principal?: CallerPrincipal;
  requestId?: string;
  /** How long the gateway waits for the answer (ms), as a signed call's `wait` claim says. */
  waitMs?: number;
  /** Aborted when the gateway stops waiting (client gone, request deadline, subgraph timeout). */
  signal: AbortSignal;
}

/** The subgraph's answer: the HTTP status it would have sent, and the body as values (never serialised). */
export interface InProcessAnswer {
  status: number;
  result: FormattedExecutionResult;
}

export type InProcessSubgraph = (call: InProcessRequest) => Promise<InProcessAnswer>;

/** The error a call to a stopped in-process subgraph fails with: the one a refused connection gives. */
export class InProcessSubgraphStopped extends Error {
  override readonly name = 'InProcessSubgraphStopped';
  readonly code = 'ECONNREFUSED';
  constructor(subgraph: string) {
    super(`subgraph "${subgraph}" is stopped`);
  }
}
