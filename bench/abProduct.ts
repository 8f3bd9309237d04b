/**
 * `npm run bench:ab -- --before DIR [--workload customer360|customerList] [--rounds 6] [--duration 10] [--warmup 15] [--connections 2]`:
 * the product's CPU per cold request, before and after a change, measured alternately in the same
 * minutes. Two product processes (bench/split/productMain.ts, as `npm start` runs the product):
 * one from the checkout at DIR ("before": e.g. `git worktree add /tmp/before <rev>` with
 * `node_modules` linked from this checkout), one from this checkout ("after"), over one simulators
 * process. Each round measures both, one after the other, the order swapped every round; the
 * report is each round's after/before ratio and their median.
 *
 * Why: on this shared VM the same code's CPU per request moves by 20-40% between runs minutes
 * apart (BENCHMARKS.md), so two runs of a bench one after the other cannot show a 10% change. Two
 * processes alive at once and measured in alternation see the same neighbours.
 *
 * DIR must hold a checkout whose bench/split/benchChild.ts and productMain.ts take the arguments
 * they take here (any revision since the split bench's product child took a cache state).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDataset } from '../simulators/dataset/ensureDataset';
import { PRODUCT_NODE_FLAGS } from '../stack/runtimeFlags';
import { positiveInteger } from './benchOptions';
import { runLoad } from './loadRunner';
import { describeMachine } from './machine';
import { primeRequests } from './requestPriming';
import { startBenchChild, jsonLineReady, type BenchChild } from './split/benchChild';
import { cpuMsOfTrees } from './split/processCpu';
import { loadAverage } from './split/splitBench';
import { median } from './split/splitReport';
import { benchStackFor } from './stackVariants';
import type { Target } from './target';
import { customer360Workload, customerIds, customerListWorkload } from './workloads';
import type { SourceSystem } from '../adapters/canonical';

const ROOT = path.join(__dirname, '..');
const USAGE = 'usage: npm run bench:ab -- --before DIR [--workload customer360|customerList] [--rounds 6] [--duration 10] [--warmup 15] [--connections 2]';

/** One product process started from the checkout at `root`, with that checkout's own child launcher. */
async function startProduct(label: string, root: string, datasetDir: string, simulatorUrls: Record<SourceSystem, string>, env: NodeJS.ProcessEnv): Promise<{ child: BenchChild; url: string }> {
  const launcher = (await import(path.join(root, 'bench', 'split', 'benchChild.ts'))) as typeof import('./split/benchChild');
  let url = '';
  const child = await launcher.startBenchChild({
    name: `product-${label}`,
    entry: 'bench/split/productMain.ts',
    nodeFlags: PRODUCT_NODE_FLAGS,
    args: [datasetDir, JSON.stringify(simulatorUrls), path.join(ROOT, 'data', `bench-ab-audit-${label}.jsonl`), 'cold'],
    // One PGlite directory per process.
    env: { ...env, LOG_LEVEL: 'silent', PGLITE_DIR: path.join(ROOT, 'data', `bench-ab-pglite-${label}`) },
    ready: launcher.jsonLineReady((value: { url: string }) => (url = value.url)),
  });
  return { child, url };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      before: { type: 'string' },
      workload: { type: 'string', default: 'customer360' },
      rounds: { type: 'string', default: '6' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '15' },
      connections: { type: 'string', default: '2' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.before) throw new Error(`--before is required (${USAGE})`);
  if (values.workload !== 'customer360' && values.workload !== 'customerList') throw new Error(`--workload must be customer360 or customerList (${USAGE})`);
  const before = path.resolve(values.before);
  const rounds = positiveInteger('rounds', values.rounds);
  const durationSeconds = positiveInteger('duration', values.duration);
  const warmupSeconds = positiveInteger('warmup', values.warmup);
  const connections = positiveInteger('connections', values.connections);

  const machine = describeMachine();
  const started = new Date();
  const datasetDir = path.join(ROOT, 'data', 'dataset');
  const setup = await benchStackFor(await ensureDataset(datasetDir, {}), 'cold', true);
  const children: BenchChild[] = [];
  const cpu: Record<'before' | 'after', number[]> = { before: [], after: [] };
  try {
    let simulatorUrls = {} as Record<SourceSystem, string>;
    children.push(await startBenchChild({ name: 'simulators', entry: 'bench/split/simulatorsMain.ts', args: [datasetDir], ready: jsonLineReady((urls: Record<SourceSystem, string>) => (simulatorUrls = urls)) }));
    const env = { ...process.env, ...setup.gatewayEnv };
    const products = [] as { label: 'before' | 'after'; child: BenchChild; target: Target }[];
    for (const [label, root] of [['before', before], ['after', ROOT]] as const) {
      const { child, url } = await startProduct(label, root, datasetDir, simulatorUrls, env);
      children.push(child);
      products.push({ label, child, target: { name: label, url, headers: setup.headers } });
    }
    const workload = values.workload === 'customerList' ? customerListWorkload() : customer360Workload(await customerIds(products[0].target, 200));
    for (const { target } of products) {
      await primeRequests(target, workload);
      await runLoad(target, workload, { connections, durationSeconds: warmupSeconds });
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const product of round % 2 === 0 ? products : [...products].reverse()) {
        const cpuBefore = await cpuMsOfTrees({ product: product.child.pid });
        const load = await runLoad(product.target, workload, { connections, durationSeconds });
        const cpuAfter = await cpuMsOfTrees({ product: product.child.pid });
        if (load.failures > 0) throw new Error(`${product.label}: ${load.failures} failed requests (${JSON.stringify(load.failureKinds)})`);
        const perRequest = (cpuAfter.product - cpuBefore.product) / load.completed;
        cpu[product.label].push(perRequest);
        console.error(`  round ${round + 1} ${product.label}: ${perRequest.toFixed(2)} ms CPU per request, ${load.requestsPerSecond.toFixed(1)} req/s`);
      }
    }
  } finally {
    for (const child of children.reverse()) await child.close();
  }
  const ratios = cpu.after.map((after, round) => after / cpu.before[round]);
  console.log(
    [
      `Command: npm run bench:ab -- --before ${values.before} --workload ${values.workload} --rounds ${rounds} --duration ${durationSeconds} --warmup ${warmupSeconds} --connections ${connections}`,
      `Started ${started.toISOString()}, ended ${new Date().toISOString()}; load average at the end (1, 5, 15 min): ${loadAverage()}.`,
      `Machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
      `${values.workload}, cold (CACHE_TTL_MS=0), one product process per checkout, measured alternately; product CPU per request from /proc.`,
      '',
      '| round | before ms CPU/request | after ms CPU/request | after / before |',
      '|---|---|---|---|',
      ...ratios.map((ratio, round) => `| ${round + 1} | ${cpu.before[round].toFixed(2)} | ${cpu.after[round].toFixed(2)} | ${ratio.toFixed(2)} |`),
      `| **median** | ${median(cpu.before).toFixed(2)} | ${median(cpu.after).toFixed(2)} | **${median(ratios).toFixed(3)}** |`,
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  console.error(`bench:ab failed: ${error.message}`);
  process.exitCode = 1;
});
