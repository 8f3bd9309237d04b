import { Worker } from 'node:worker_threads';

/**
 * A worker thread running `script` (a path from require.resolve). Run from TypeScript sources
 * (tsx, ts-jest), the thread needs tsx's loader to read its own modules; compiled, it needs nothing.
 */
export function startWorker(script: string, workerData?: unknown): Worker {
  const execArgv = script.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : [];
  return new Worker(script, { workerData, execArgv });
}
