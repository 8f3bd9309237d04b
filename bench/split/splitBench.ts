import os from 'node:os';
import path from 'node:path';
import type { SourceSystem } from '../../adapters/canonical';
import { subgraphUrlEnvName } from '../../gateway/subgraphUrls';
import type { BenchOptions } from '../benchOptions';
import { freePort, waitForHealth } from '../gatewayProcess';
import { primeRequests } from '../requestPriming';
import { checkSameAnswers } from '../responseCheck';
import type { BenchStack } from '../stackVariants';
import type { Target } from '../target';
import { customer360Workload, customerIds, customerInsightsWorkload, customerListWorkload, type Workload } from '../workloads';
import { PRODUCT_NODE_FLAGS } from '../../stack/runtimeFlags';
import { startBenchChild, jsonLineReady, type BenchChild } from './benchChild';
import { runClosedLoop } from './closedLoopLoad';
import { cpuMsOfTrees } from './processCpu';
import { legacyCallsBetween, readLegacyCalls, settledRemoteLegacyCalls } from './remoteLegacyCalls';
import { GROUPS, type Group, type SplitRun } from './splitReport';

const ROOT = path.join(__dirname, '..', '..');

interface SplitProcesses {
  children: Record<Group, BenchChild>;
  simulatorUrls: Record<SourceSystem, string>;
  ours: Target;
  stock: Target;
  /** The whole product in one process, as `npm start` runs it (productMain.ts). */
  product: Target;
}

/** Starts the four processes in dependency order; whatever started is stopped if a later one fails. */
async function startProcesses(datasetDir: string, setup: BenchStack, started: BenchChild[]): Promise<SplitProcesses> {
  const track = (child: BenchChild) => {
    started.push(child);
    return child;
  };
  let simulatorUrls = {} as Record<SourceSystem, string>;
  const simulators = track(await startBenchChild({ name: 'simulators', entry: 'bench/split/simulatorsMain.ts', args: [datasetDir], ready: jsonLineReady((urls: Record<SourceSystem, string>) => (simulatorUrls = urls)) }));
  const auditPath = setup.gatewayEnv.AUDIT_LOG_PATH;
  let subgraphUrls: Record<string, string> = {};
  const backends = track(
    await startBenchChild({
      name: 'backends',
      entry: 'bench/split/backendsMain.ts',
      args: [datasetDir, JSON.stringify(simulatorUrls), auditPath],
      ready: jsonLineReady((urls: Record<string, string>) => (subgraphUrls = urls)),
    }),
  );
  // Our gateway exactly as production starts it (gateway/main.ts), one process, no workers.
  const port = await freePort();
  const gatewayEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...setup.gatewayEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SUPERGRAPH_PATH: path.join(ROOT, 'schema', 'supergraph.graphql'),
    ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphUrlEnvName(name), url])),
  };
  delete gatewayEnv.GATEWAY_WORKERS;
  const baseUrl = `http://127.0.0.1:${port}`;
  const gateway = track(await startBenchChild({ name: 'gateway', entry: 'gateway/main.ts', env: gatewayEnv, ready: (child) => waitForHealth(baseUrl, child, 60_000) }));
  let stockUrl = '';
  const stock = track(await startBenchChild({ name: 'stock', entry: 'bench/split/stockGatewayMain.ts', args: [JSON.stringify(subgraphUrls)], ready: jsonLineReady((value: { url: string }) => (stockUrl = value.url)) }));
  let productUrl = '';
  const product = track(
    await startBenchChild({
      name: 'product',
      entry: 'bench/split/productMain.ts',
      nodeFlags: PRODUCT_NODE_FLAGS,
      args: [datasetDir, JSON.stringify(simulatorUrls), `${auditPath}.product.jsonl`],
      // The gateway's settings; an embedded store of its own (one PGlite directory has one process).
      env: { ...process.env, ...setup.gatewayEnv, LOG_LEVEL: 'silent', PGLITE_DIR: path.join(ROOT, 'data', 'bench-product-pglite') },
      ready: jsonLineReady((value: { url: string }) => (productUrl = value.url)),
    }),
  );
  return {
    children: { simulators, backends, gateway, stock, product },
    simulatorUrls,
    ours: { name: 'ours', url: `${baseUrl}/graphql`, headers: setup.headers },
    stock: { name: 'stock', url: stockUrl, headers: {} },
    product: { name: 'product', url: productUrl, headers: setup.headers },
  };
}

/** One timed run: CPU of every process tree, heap allocation of every process and the legacy counters, before and after. */
async function measureRun(processes: SplitProcesses, target: Target, workload: Workload, options: BenchOptions): Promise<SplitRun> {
  const { children } = processes;
  const pids = Object.fromEntries(GROUPS.map((g) => [g, children[g].pid]));
  const callsBefore = await readLegacyCalls(processes.simulatorUrls);
  for (const group of GROUPS) children[group].beginAllocation();
  const cpuBefore = await cpuMsOfTrees(pids);
  const load = await runClosedLoop(target, workload, { durationSeconds: options.durationSeconds, connections: options.connections });
  const cpuAfter = await cpuMsOfTrees(pids);
  const allocated = await Promise.all(GROUPS.map((g) => children[g].endAllocation()));
  // Every request sent has been answered: the counters only need to be read once they are still.
  const callsAfter = await settledRemoteLegacyCalls(processes.simulatorUrls, 250);
  const calls = legacyCallsBetween(callsBefore, callsAfter);
  const perRequest = (value: number) => (load.completed === 0 ? 0 : value / load.completed);
  return {
    workload: workload.name,
    gateway: target === processes.ours ? 'ours' : target === processes.stock ? 'stock' : 'product',
    requestsPerSecond: load.requestsPerSecond,
    completed: load.completed,
    cpuMsPerRequest: Object.fromEntries(GROUPS.map((g) => [g, perRequest(cpuAfter[g] - cpuBefore[g])])) as Record<Group, number>,
    allocatedBytesPerRequest: Object.fromEntries(GROUPS.map((g, i) => [g, perRequest(allocated[i])])) as Record<Group, number>,
    legacyCallsPerRequest: perRequest(calls.total),
    legacyCalls: calls,
    failures: load.failures,
  };
}

/**
 * `npm run bench -- --split`: simulators, backends (adapters + subgraphs), our gateway, a stock
 * @apollo/gateway, and the whole product in one process (as `npm start` runs it, subgraphs called
 * in-process) as five processes; the load generator is this process (closedLoopLoad.ts).
 * Each workload runs cold against the three targets, `repeat` times in rotating order, after
 * priming and warm-up.
 */
export async function runSplitBench(datasetDir: string, setup: BenchStack, options: BenchOptions, onRun: (run: SplitRun) => void): Promise<SplitRun[]> {
  const started: BenchChild[] = [];
  try {
    const processes = await startProcesses(datasetDir, setup, started);
    const targets = [processes.ours, processes.stock, processes.product];
    const ids = await customerIds(processes.ours, options.customerCount);
    const workloads: Workload[] = [customer360Workload(ids), customerListWorkload(50), ...(options.insights ? [customerInsightsWorkload(ids)] : [])];
    for (const workload of workloads) await checkSameAnswers(workload, targets);
    for (const workload of workloads) for (const target of targets) await primeRequests(target, workload);
    if (options.warmupSeconds > 0) {
      for (const workload of workloads) for (const target of targets) await runClosedLoop(target, workload, { durationSeconds: options.warmupSeconds, connections: options.connections });
    }
    const runs: SplitRun[] = [];
    for (let repeat = 0; repeat < options.repeat; repeat += 1) {
      for (const [index, workload] of workloads.entries()) {
        const shift = (repeat + index) % targets.length;
        const ordered = [...targets.slice(shift), ...targets.slice(0, shift)];
        for (const target of ordered) {
          const run = await measureRun(processes, target, workload, options);
          onRun(run);
          runs.push(run);
        }
      }
    }
    return runs;
  } finally {
    for (const child of started.reverse()) await child.close();
  }
}

/** The load average when a run ends: the figures mean little on a busy machine without it. */
export const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(2)).join(', ');
