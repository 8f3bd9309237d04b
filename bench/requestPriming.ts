import { postGraphQL } from './graphqlPost';
import type { Target } from './target';
import type { Workload } from './workloads';

/**
 * Sends every distinct request of a workload once through a gateway, a few at a time, before
 * anything is timed. Whoever touches a code path or a customer first pays for it (JIT, lazily
 * built state, and in a warm run the cache fill); priming every gateway on every request keeps
 * that cost out of the measured runs and off whichever gateway happens to run first. Errors are
 * not fatal here: the response check before each scenario is what refuses a broken stack.
 */
export async function primeRequests(gateway: Target, workload: Workload, concurrency = 4): Promise<void> {
  const pending = [...new Set(workload.bodies)];
  const worker = async () => {
    for (let body = pending.shift(); body !== undefined; body = pending.shift()) {
      await postGraphQL(gateway.url, body, gateway.headers).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
