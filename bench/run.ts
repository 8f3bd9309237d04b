/**
 * `npm run bench`: our gateway against a stock Apollo gateway over the same running subgraphs
 * and simulators, on customer360 and customerList, with instant and with realistic legacy
 * latency. Prints the machine, one table row per (cache, scenario, workload, gateway) and the
 * throughput ratio ours/plain. `--scenario faults` runs the fault matrix instead (our gateway
 * under load while each legacy system fails in four ways; bench/faultMatrix.ts). See
 * BENCHMARKS.md for measured figures.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDataset } from '../simulators/dataset/ensureDataset';
import { startStack, type RunningStack } from '../stack/startStack';
import { startBareGateway } from './bareGateway';
import { benchCommand, benchOptions, BenchOptionsError, type BenchOptions, type CacheMode } from './benchOptions';
import { startGatewayProcess } from './gatewayProcess';
import { describeMachine } from './machine';
import { measureAll } from './measure';
import { renderFaultMatrix, runFaultMatrix, type CellResult } from './faultMatrix';
import { startPlainGateway } from './plainGateway';
import { renderReport, type Measurement } from './report';
import { loadAverage, runSplitBench } from './split/splitBench';
import { renderSplitReport, summariseSplit } from './split/splitReport';
import { checkSameAnswers } from './responseCheck';
import { applyScenario, selectScenarios, type Scenario } from './scenarios';
import { benchStackFor, type BenchStack } from './stackVariants';
import type { Target } from './target';
import { customer360Workload, customerIds, customerListWorkload, type Workload } from './workloads';

const ROOT = path.join(__dirname, '..');
const SUPERGRAPH = path.join(ROOT, 'schema', 'supergraph.graphql');

const progress = (m: Measurement) =>
  console.error(
    `  ${m.cache}/${m.scenario} ${m.workload} ${m.gateway}: ${m.load.requestsPerSecond.toFixed(1)} req/s, p99 ${m.load.p99Ms} ms, ` +
      `${m.load.cpuMsPerRequest.toFixed(1)} CPU ms/op, ${m.load.failures} failures`,
  );

/** The scenarios on one stack: ours vs plain (vs bare), then (if asked) our gateway as a process per worker count. */
async function benchStack(stack: RunningStack, setup: BenchStack, cache: CacheMode, scenarios: readonly Scenario[], options: BenchOptions): Promise<Measurement[]> {
  const subgraphUrls = Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url]));
  const plain = await startPlainGateway(SUPERGRAPH, subgraphUrls);
  const bare = options.bare ? await startBareGateway(subgraphUrls) : undefined;
  const results: Measurement[] = [];
  try {
    const ours: Target = { name: 'ours', url: stack.gateway.url, headers: setup.headers };
    const targets: Target[] = [
      ours,
      { name: 'plain', url: plain.url, headers: {} },
      ...(bare ? [{ name: 'ours, no plugins', url: bare.url, headers: {} }] : []),
    ];
    const ids = await customerIds(ours, options.customerCount);
    const workloads: Workload[] = [customer360Workload(ids), customerListWorkload(50)];
    const settings = { durationSeconds: options.durationSeconds, connections: options.connections };
    for (const scenario of scenarios) {
      console.error(`${cache}/${scenario.name}: ${scenario.description}`);
      applyScenario(stack.simulators, scenario);
      for (const workload of workloads) await checkSameAnswers(workload, targets);
      const context = { cache, scenario: scenario.name, simulators: stack.simulators, settings };
      results.push(...(await measureAll(context, targets, workloads, { ...options, onResult: progress })));

      for (const workers of options.workers) {
        const gateway = await startGatewayProcess(workers, subgraphUrls, setup.gatewayEnv);
        try {
          const target = { name: `ours as process, GATEWAY_WORKERS=${workers} (observed ${gateway.observedWorkers})`, url: gateway.url, headers: setup.headers, externalCpuMs: gateway.cpuMs };
          await checkSameAnswers(workloads[0], [ours, target]);
          results.push(...(await measureAll(context, [target], workloads, { ...options, onResult: progress })));
        } finally {
          await gateway.close();
        }
      }
    }
  } finally {
    await plain.close();
    await bare?.close();
  }
  return results;
}

async function main(): Promise<void> {
  // `--help` prints the options and exits here, before anything starts.
  const commandLine = benchCommand().parse();
  let options: BenchOptions;
  try {
    options = benchOptions(commandLine.opts());
  } catch (error) {
    if (!(error instanceof BenchOptionsError)) throw error;
    console.error(`${error.message}\n`);
    commandLine.outputHelp({ error: true });
    process.exitCode = 2;
    return;
  }
  const machine = describeMachine();
  console.error(`machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}`);
  const datasetDir = path.join(ROOT, 'data', 'dataset');
  const dataset = await ensureDataset(datasetDir, {});
  if (options.split) return splitMain(datasetDir, dataset, options, machine);
  const scenarios = selectScenarios(options.scenario);

  const measurements: Measurement[] = [];
  const faultCells: CellResult[] = [];
  const faultSettings = { faultSeconds: options.faultSeconds, recoverySeconds: options.recoverySeconds, connections: options.connections, customerCount: Math.min(options.customerCount, 100) };
  for (const cache of options.cacheModes) {
    const setup = await benchStackFor(dataset, cache, options.auth);
    const stack = await startStack(setup.options);
    // Nothing edits records during a bench; the identity change-feed follower's polls would
    // otherwise land in the simulators' counters as legacy calls no operation made.
    stack.identity.stopFollowing();
    try {
      if (options.scenario === 'faults') {
        console.error(`${cache}/faults: ${faultSettings.faultSeconds} s per fault, ${faultSettings.recoverySeconds} s of recovery`);
        const ours = { name: 'ours', url: stack.gateway.url, headers: setup.headers };
        faultCells.push(...(await runFaultMatrix(stack, ours, faultSettings, (c) => console.error(`  ${c.system} ${c.fault}: kept ${(c.keptShare * 100).toFixed(1)}%, p99 ${c.p99Ms.toFixed(0)} ms`))));
      } else {
        measurements.push(...(await benchStack(stack, setup, cache, scenarios, options)));
      }
    } finally {
      await stack.close();
    }
  }

  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const settings = { command, durationSeconds: options.durationSeconds, connections: options.connections, repeat: options.repeat, auth: options.auth };
  if (faultCells.length) console.log(`Command: ${command}\n${renderFaultMatrix(faultCells, faultSettings)}`);
  else console.log(renderReport(machine, settings, measurements));
  if (options.jsonPath) writeFileSync(options.jsonPath, JSON.stringify({ machine, options, measurements, faultCells }, null, 2));
}

/** `--split`: five processes, OS CPU and allocation per request of each (bench/split/). */
async function splitMain(datasetDir: string, dataset: Awaited<ReturnType<typeof ensureDataset>>, options: BenchOptions, machine: ReturnType<typeof describeMachine>): Promise<void> {
  const started = new Date();
  const setup = await benchStackFor(dataset, 'cold', options.auth);
  const runs = await runSplitBench(datasetDir, setup, options, (run) =>
    console.error(
      `  ${run.workload} ${run.gateway}: ${run.requestsPerSecond.toFixed(1)} req/s; CPU ms/request simulators ${run.cpuMsPerRequest.simulators.toFixed(2)}, ` +
        `backends ${run.cpuMsPerRequest.backends.toFixed(2)}, gateway ${run.cpuMsPerRequest.gateway.toFixed(2)}, stock ${run.cpuMsPerRequest.stock.toFixed(2)}, ` +
        `one-process product ${run.cpuMsPerRequest.product.toFixed(2)}; ` +
        `${run.legacyCallsPerRequest.toFixed(2)} legacy calls/request; ${run.failures} failures`,
    ),
  );
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  console.log(
    [
      `Command: ${command}`,
      `Started ${started.toISOString()}, ended ${new Date().toISOString()}; load average at the end (1, 5, 15 min): ${loadAverage()}.`,
      `Machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
      `Runs: ${options.durationSeconds} s each, ${options.connections} connections, ${options.repeat} run(s) per gateway and workload${options.repeat > 1 ? ' (figures are medians)' : ''}; ` +
        `cold (CACHE_TTL_MS=0), identity follower and change polling off; ${options.auth ? 'bearer token verified on every request' : 'authentication off'}.`,
      '',
      renderSplitReport(summariseSplit(runs)),
    ].join('\n'),
  );
  if (options.jsonPath) writeFileSync(options.jsonPath, JSON.stringify({ machine, options, runs }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `bench failed: ${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
