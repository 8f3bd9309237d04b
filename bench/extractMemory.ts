/**
 * Heap used while extracting a whole population through the four adapters (the bulk extracts
 * identity resolution reads), with the simulators in a child process so only the adapters'
 * memory is measured. Target: under 300 MB of heap for the 1,000,000-person population.
 *
 *   npm run dataset -- --persons 1000000 --out /tmp/ds1m
 *   npx tsx bench/extractMemory.ts /tmp/ds1m
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createCallCenterAdapter } from '../adapters/call-center';
import type { SourceSystem } from '../adapters/canonical';
import { createCardsAdapter } from '../adapters/cards';
import { createCoreBankingAdapter } from '../adapters/core-banking';
import { createErpAdapter } from '../adapters/erp';
import { defaultSystemConfig } from '../adapters/kit/config';
import type { SourceAdapter } from '../adapters/kit/sourceAdapter';

async function startSimulators(dir: string) {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'extractSimulators.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let line = '';
  for await (const chunk of child.stdout!) {
    line += String(chunk);
    if (line.includes('\n')) break;
  }
  return { urls: JSON.parse(line) as Record<SourceSystem, string>, stop: async () => { child.kill('SIGTERM'); await once(child, 'exit'); } };
}

async function measure(adapter: SourceAdapter): Promise<{ records: number; seconds: number; peakHeapMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 25);
  const started = performance.now();
  let records = 0;
  for await (const party of adapter.extractParties()) {
    if (party.localId) records += 1;
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { records, seconds: (performance.now() - started) / 1000, peakHeapMb: peak / 2 ** 20 };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx bench/extractMemory.ts DATASET_DIR');
  const sims = await startSimulators(path.resolve(dir));
  const config = (system: SourceSystem) => ({ ...defaultSystemConfig(system, sims.urls[system]), timeoutMs: 30_000 });
  const adapters: SourceAdapter[] = [
    createCoreBankingAdapter(config('CORE_BANKING')),
    createCardsAdapter(config('CARDS')),
    createErpAdapter({ config: config('ERP') }),
    createCallCenterAdapter(config('CALL_CENTER')),
  ];
  try {
    console.log('system         records   seconds  records/s  peak heap MB');
    for (const adapter of adapters) {
      const r = await measure(adapter);
      console.log(`${adapter.system.padEnd(13)} ${String(r.records).padStart(8)} ${r.seconds.toFixed(1).padStart(9)} ${Math.round(r.records / r.seconds).toString().padStart(10)} ${r.peakHeapMb.toFixed(1).padStart(13)}`);
    }
  } finally {
    for (const adapter of adapters) adapter.close();
    await sims.stop();
  }
}

main().catch((error: Error) => {
  console.error(`extract bench failed: ${error.message}`);
  process.exit(1);
});
