import autocannon from 'autocannon';
import type { Workload } from './workloads';

export interface LoadSettings {
  durationSeconds: number;
  connections: number;
}

export interface LoadResult {
  /** Completed requests per second over the run. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received. */
  completed: number;
  /** Requests sent, including those still in flight when the run stopped (they still reach the systems). */
  sent: number;
  /** Non-2xx answers, connection errors and timeouts, and 2xx answers carrying GraphQL errors. */
  failures: number;
}

/**
 * Drives one gateway with one workload for a fixed time over a few keep-alive connections,
 * cycling through the workload's request bodies, and keeps what the report needs.
 */
export async function runLoad(url: string, workload: Workload, settings: LoadSettings): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: settings.connections,
    duration: settings.durationSeconds,
    requests: [
      {
        setupRequest: (request) => {
          const body = workload.bodies[next % workload.bodies.length];
          next += 1;
          return { ...request, body };
        },
        // Apollo answers partial failures with HTTP 200 and an `errors` array; count them too.
        onResponse: (_status, body) => {
          if (body.includes('"errors":[')) graphqlErrors += 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    completed: result.requests.total,
    sent: result.requests.sent,
    failures: result.non2xx + result.errors + graphqlErrors,
  };
}
