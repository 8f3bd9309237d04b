import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ensureDataset } from '../../simulators/dataset/ensureDataset';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import { startStack, type RunningStack, type StackOptions } from '../../stack/startStack';

/** A small population shared by the end-to-end tests (generated once per machine, then reused). */
export async function testDataset(persons = 300, seed = 7): Promise<{ dataset: Dataset; dir: string }> {
  const dir = path.join(os.tmpdir(), `unified-view-e2e-${seed}-${persons}`);
  return { dataset: await ensureDataset(dir, { seed, persons, noise: 'default' }), dir };
}

/** The whole stack on free ports with tight upstream timeouts, so failure tests finish quickly. */
export async function startTestStack(dataset: Dataset, overrides: Partial<StackOptions> = {}): Promise<RunningStack> {
  return startStack({
    dataset,
    ports: 'free',
    gatewayLogger: pino({ level: 'silent' }),
    tuneClient: (config) => ({
      ...config,
      timeoutMs: 800,
      retry: { ...config.retry, maxRetries: 1, initialDelayMs: 5, maxDelayMs: 20 },
      breaker: { ...config.breaker, halfOpenAfterMs: 500 },
    }),
    ...overrides,
  });
}
