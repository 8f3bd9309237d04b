import http from 'node:http';
import type { Target } from '../target';
import type { Workload } from '../workloads';

export interface ClosedLoopResult {
  /** Requests sent, every one of them answered (none is abandoned when the time is up). */
  completed: number;
  /** Seconds from the first request sent to the last answer received. */
  seconds: number;
  requestsPerSecond: number;
  /** Non-2xx answers, connection errors, and 2xx answers carrying GraphQL errors. */
  failures: number;
}

/**
 * Load for the split bench: `connections` keep-alive connections, each sending the workload's
 * next request as soon as its previous answer arrived, until `durationSeconds` have passed; then
 * every request already sent is awaited. Unlike a load generator that hangs up on the requests
 * in flight when its time is up, every request whose work the processes did is counted, so CPU
 * over the window / completed is the cost of a request, however slow the machine makes them.
 */
export async function runClosedLoop(target: Target, workload: Workload, settings: { durationSeconds: number; connections: number }): Promise<ClosedLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.connections });
  const url = new URL(target.url);
  let next = 0;
  let completed = 0;
  let failures = 0;
  const post = (body: string) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        url,
        { method: 'POST', agent, headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            completed += 1;
            if ((response.statusCode ?? 0) >= 300 || Buffer.concat(chunks).includes('"errors":[')) failures += 1;
            resolve();
          });
          response.on('error', () => {
            completed += 1;
            failures += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        completed += 1;
        failures += 1;
        resolve();
      });
      request.end(body);
    });
  const started = performance.now();
  const stopAt = started + settings.durationSeconds * 1000;
  const connection = async () => {
    while (performance.now() < stopAt) {
      const body = workload.bodies[next % workload.bodies.length];
      next += 1;
      await post(body);
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.connections }, connection));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { completed, seconds, requestsPerSecond: completed / seconds, failures };
}
