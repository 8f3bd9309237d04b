import autocannon from 'autocannon';
import type { Target } from './target';
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
  /**
   * CPU time (user + system) spent per completed request by this process (subgraphs, simulators,
   * load generator and the in-process gateways) plus a target's own processes if it has any.
   * Other processes on a shared machine slow the wall clock but move this much less, so it shows
   * a gateway's own cost where req/s is noisy.
   */
  cpuMsPerRequest: number;
  /** Non-2xx answers, connection errors and timeouts, and 2xx answers carrying GraphQL errors. */
  failures: number;
  /** What the failures were: HTTP status, connection error, or the GraphQL errors' extensions.code. */
  failureKinds: Record<string, number>;
}

/** The distinct error codes of a GraphQL answer carrying errors (parsed only then: answers are large). */
function errorCodes(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return [...new Set((parsed.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
  } catch {
    return ['UNPARSEABLE_BODY'];
  }
}

/**
 * Drives one gateway with one workload for a fixed time over a few keep-alive connections,
 * cycling through the workload's request bodies, and keeps what the report needs.
 */
export async function runLoad(target: Target, workload: Workload, settings: LoadSettings): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const failureKinds: Record<string, number> = {};
  const count = (kind: string, n = 1) => {
    if (n > 0) failureKinds[kind] = (failureKinds[kind] ?? 0) + n;
  };
  const cpuBefore = process.cpuUsage();
  const externalBefore = (await target.externalCpuMs?.()) ?? 0;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { ...target.headers, 'content-type': 'application/json' },
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
        onResponse: (status, body) => {
          if (status >= 300) count(`HTTP ${status}`);
          else if (body.includes('"errors":[')) {
            graphqlErrors += 1;
            for (const code of errorCodes(body)) count(code);
          }
        },
      },
    ],
  });
  const cpu = process.cpuUsage(cpuBefore);
  const externalMs = ((await target.externalCpuMs?.()) ?? 0) - externalBefore;
  count('connection error or timeout', result.errors);
  return {
    cpuMsPerRequest: result.requests.total === 0 ? 0 : ((cpu.user + cpu.system) / 1000 + externalMs) / result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    completed: result.requests.total,
    sent: result.requests.sent,
    failures: result.non2xx + result.errors + graphqlErrors,
    failureKinds,
  };
}
