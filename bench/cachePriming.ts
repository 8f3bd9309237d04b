import { postGraphQL } from './graphqlPost';
import type { Workload } from './workloads';

/**
 * Reads every distinct request of a workload once through a gateway, a few at a time, so a warm
 * run measures cache hits rather than first reads. Errors are not fatal here: the response
 * check before each run is what refuses a broken stack.
 */
export async function primeCache(gatewayUrl: string, workload: Workload, concurrency = 4): Promise<void> {
  const pending = [...new Set(workload.bodies)];
  const worker = async () => {
    for (let body = pending.shift(); body !== undefined; body = pending.shift()) {
      await postGraphQL(gatewayUrl, body).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
