import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import { createTestDatabase } from '../../db/testing/testDatabase';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import { GENERATOR_VERSION } from '../../simulators/dataset/writeDataset';
import { startStack, type RunningStack, type StackOptions } from '../../stack/startStack';
import { testSecurityOptions } from './testAuth';

/** A small population shared by the end-to-end tests (generated once per machine, then reused). */
export async function testDataset(persons = 300, seed = 7): Promise<{ dataset: Dataset; dir: string }> {
  // One directory per checkout and generator version: suites of several checkouts (or branches
  // whose generators differ) can run on one machine without regenerating each other's data.
  const checkout = createHash('sha256').update(path.resolve(__dirname, '..', '..')).digest('hex').slice(0, 8);
  const dir = path.join(os.tmpdir(), `unified-view-e2e-${seed}-${persons}-g${GENERATOR_VERSION}-${checkout}`);
  return { dataset: await ensureDataset(dir, { seed, persons, noise: 'default' }), dir };
}

/** The cache layer off: every read goes to the legacy system, no change-feed polling. */
export const UNCACHED: NodeJS.ProcessEnv = { CACHE_TTL_MS: '0', CHANGE_POLL_MS: '0' };

/**
 * The whole stack on free ports with tight upstream timeouts, so failure tests finish quickly,
 * and the gateway's real authentication and field policy with the test secret (testAuth.ts:
 * `tokenFor(role)`; postGraphQL sends the least-privileged role unless the file names one with callAs), over a database of its own
 * on the PostgreSQL test server. Uncached and unfollowed unless a test passes its own
 * `cacheEnv`: most end-to-end tests are about what the legacy systems answer (failures,
 * batching), which a warm cache would hide; tests/caching.e2e.test.ts opts in.
 */
export async function startTestStack(dataset: Dataset, overrides: Partial<StackOptions> = {}): Promise<RunningStack> {
  // A database of its own on the test server (dropped when the stack closes), unless the test
  // shares one between replicas.
  const created = overrides.databaseOptions ? null : await createTestDatabase();
  let stack: RunningStack;
  try {
    stack = await startStack({
      dataset,
      ports: 'free',
      gatewayLogger: pino({ level: 'silent' }),
      security: testSecurityOptions(),
      databaseOptions: created ? { url: created.url, poolSize: 4 } : undefined,
      cacheEnv: UNCACHED,
      // Each stack its own audit file, which tests read back line by line; `auditStore: undefined`
      // gives the stack's default (the database's hash-chained table behind the spool).
      auditStore: new JsonlAuditStore(path.join(os.tmpdir(), 'unified-view-audit', `${randomUUID()}.jsonl`)),
      tuneClient: (config) => ({
        ...config,
        // Generous: the machine is shared with every other test; failure tests use outages and
        // malformed answers, which fail at once, not timeouts.
        timeoutMs: 5000,
        retry: { ...config.retry, maxRetries: 1, initialDelayMs: 5, maxDelayMs: 20 },
        breaker: { ...config.breaker, halfOpenAfterMs: 500 },
      }),
      ...overrides,
    });
  } catch (error) {
    await created?.drop();
    throw error;
  }
  const close = stack.close;
  return {
    ...stack,
    close: async () => {
      await close();
      await created?.drop();
    },
  };
}
