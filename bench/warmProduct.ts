/**
 * `npm run bench:warm -- [--connections 1,8] [--duration 10] [--repeat 3] [--warmup 2] [--customers 200] [--follow]`:
 * warm customer360 as `npm start` runs it with `REDIS_URL` set (issue 16's yardstick;
 * BENCHMARKS.md, "Warm reads from memory"). The whole product runs in one process
 * (bench/split/productMain.ts, with npm start's Node flags), the simulators in another, and the
 * load generator (autocannon over keep-alive connections) in this one, so the latency measured is
 * the product's alone, not that of a client sharing its event loop (the in-process `npm run bench
 * -- --cache warm` has that). Every customer is read twice before anything is timed, so every
 * source read is in Redis and in the product's in-process layer.
 *
 * Per connection count: req/s, p50 and p99 latency, the product process's CPU per request and the
 * legacy calls per request (0 when warm); medians over `--repeat` runs, the connection counts
 * interleaved. The cache keys live under a fresh prefix, deleted at the end. The identity
 * follower is off, as in every bench (its change-feed polls would count as legacy calls), unless
 * `--follow`: then it polls as under `npm start` (CHANGE_POLL_MS, default 250 ms), its polls are
 * counted with the requests' legacy calls, and their rate at idle is measured first and reported.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { deleteKeysWithPrefix } from '../adapters/cache/testing/redisTestkit';
import { ensureDataset } from '../simulators/dataset/ensureDataset';
import { PRODUCT_NODE_FLAGS } from '../stack/runtimeFlags';
import { postGraphQL } from './graphqlPost';
import { positiveInteger } from './benchOptions';
import { runLoad } from './loadRunner';
import { describeMachine } from './machine';
import { primeRequests } from './requestPriming';
import { startBenchChild, jsonLineReady, type BenchChild } from './split/benchChild';
import { cpuMsOfTrees } from './split/processCpu';
import { legacyCallsBetween, readLegacyCalls, settledRemoteLegacyCalls } from './split/remoteLegacyCalls';
import { loadAverage } from './split/splitBench';
import { median } from './split/splitReport';
import { benchStackFor } from './stackVariants';
import type { Target } from './target';
import { customer360Workload, customerIds } from './workloads';
import type { SourceSystem } from '../adapters/canonical';

const ROOT = path.join(__dirname, '..');
const USAGE = 'usage: npm run bench:warm -- [--connections 1,8] [--duration 10] [--repeat 3] [--warmup 2] [--customers 200] [--follow]   (REDIS_URL must be set)';

interface WarmRun {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  legacyCallsPerRequest: number;
  failures: number;
}

async function measure(product: BenchChild, target: Target, simulatorUrls: Record<SourceSystem, string>, bodies: ReturnType<typeof customer360Workload>, connections: number, durationSeconds: number, following: boolean): Promise<WarmRun> {
  const callsBefore = await readLegacyCalls(simulatorUrls);
  const cpuBefore = await cpuMsOfTrees({ product: product.pid });
  const load = await runLoad(target, bodies, { connections, durationSeconds });
  const cpuAfter = await cpuMsOfTrees({ product: product.pid });
  // A following product never stops calling (its polls): read at once rather than wait for quiet.
  const calls = legacyCallsBetween(callsBefore, following ? await readLegacyCalls(simulatorUrls) : await settledRemoteLegacyCalls(simulatorUrls, 250));
  const perRequest = (value: number) => (load.completed === 0 ? 0 : value / load.completed);
  return {
    connections,
    requestsPerSecond: load.requestsPerSecond,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    // Requests still in flight when autocannon stopped did their work in the window too: a slight
    // overestimate per completed request, the same for every run.
    cpuMsPerRequest: perRequest(cpuAfter.product - cpuBefore.product),
    legacyCallsPerRequest: perRequest(calls.total),
    failures: load.failures,
  };
}

function report(runs: readonly WarmRun[], connectionCounts: readonly number[]): string {
  const rows = connectionCounts.map((connections) => {
    const mine = runs.filter((run) => run.connections === connections);
    const cell = (pick: (run: WarmRun) => number, digits: number) => {
      const values = mine.map(pick);
      const each = values.length > 1 ? ` (${values.map((v) => v.toFixed(digits)).join(', ')})` : '';
      return `${median(values).toFixed(digits)}${each}`;
    };
    return `| ${connections} | ${cell((r) => r.requestsPerSecond, 1)} | ${cell((r) => r.p50Ms, 1)} | ${cell((r) => r.p99Ms, 1)} | ${cell((r) => r.cpuMsPerRequest, 2)} | ${cell((r) => r.legacyCallsPerRequest, 2)} | ${mine.reduce((sum, r) => sum + r.failures, 0)} |`;
  });
  return ['| connections | req/s | p50 ms | p99 ms | product CPU ms/request | legacy calls/request | failures |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '1,8' },
      duration: { type: 'string', default: '10' },
      repeat: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '2' },
      customers: { type: 'string', default: '200' },
      follow: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error(`REDIS_URL is not set: the warm bench measures the product as it runs with Redis (${USAGE})`);
  const connectionCounts = values.connections.split(',').map((raw) => positiveInteger('connections', raw.trim()));
  const durationSeconds = positiveInteger('duration', values.duration);
  const repeat = positiveInteger('repeat', values.repeat);
  const warmupSeconds = Number(values.warmup);
  const customerCount = positiveInteger('customers', values.customers);

  const machine = describeMachine();
  const started = new Date();
  const datasetDir = path.join(ROOT, 'data', 'dataset');
  const setup = await benchStackFor(await ensureDataset(datasetDir, {}), 'warm', true);
  const prefix = `uvbench:${randomBytes(4).toString('hex')}:`;
  const children: BenchChild[] = [];
  const janitor = new Redis(redisUrl);
  const runs: WarmRun[] = [];
  let followerCallsPerSecond = 0;
  try {
    let simulatorUrls = {} as Record<SourceSystem, string>;
    children.push(await startBenchChild({ name: 'simulators', entry: 'bench/split/simulatorsMain.ts', args: [datasetDir], ready: jsonLineReady((urls: Record<SourceSystem, string>) => (simulatorUrls = urls)) }));
    let productUrl = '';
    const product = await startBenchChild({
      name: 'product',
      entry: 'bench/split/productMain.ts',
      nodeFlags: PRODUCT_NODE_FLAGS,
      args: [datasetDir, JSON.stringify(simulatorUrls), `${setup.gatewayEnv.AUDIT_LOG_PATH}.warm.jsonl`, 'warm', ...(values.follow ? ['follow'] : [])],
      env: { ...process.env, ...setup.gatewayEnv, LOG_LEVEL: 'silent', CACHE_KEY_PREFIX: prefix, RATE_LIMIT_PREFIX: prefix, PGLITE_DIR: path.join(ROOT, 'data', 'bench-product-pglite') },
      ready: jsonLineReady((value: { url: string }) => (productUrl = value.url)),
    });
    children.push(product);
    const target: Target = { name: 'product', url: productUrl, headers: setup.headers };
    const workload = customer360Workload(await customerIds(target, customerCount));
    const check = await postGraphQL(target.url, workload.bodies[0], target.headers);
    if (check.errors?.length) throw new Error(`customer360 answered errors: ${check.errors.map((e) => e.extensions?.code ?? e.message).join(', ')}`);
    // Twice: the first pass fills Redis and the in-process layer, the second finds both full.
    for (let pass = 0; pass < 2; pass += 1) await primeRequests(target, workload);
    if (warmupSeconds > 0) await runLoad(target, workload, { connections: Math.max(...connectionCounts), durationSeconds: warmupSeconds });
    if (values.follow) {
      const idleBefore = await readLegacyCalls(simulatorUrls);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      followerCallsPerSecond = legacyCallsBetween(idleBefore, await readLegacyCalls(simulatorUrls)).total / 5;
    }
    for (let round = 0; round < repeat; round += 1) {
      for (const connections of connectionCounts) {
        const run = await measure(product, target, simulatorUrls, workload, connections, durationSeconds, values.follow);
        console.error(`  ${connections} connection(s): ${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.cpuMsPerRequest.toFixed(2)} ms CPU, ${run.legacyCallsPerRequest.toFixed(2)} legacy calls per request`);
        runs.push(run);
      }
    }
  } finally {
    for (const child of children.reverse()) await child.close();
    await deleteKeysWithPrefix(janitor, prefix);
    janitor.disconnect();
  }
  console.log(
    [
      `Command: npm run bench:warm -- --connections ${connectionCounts.join(',')} --duration ${durationSeconds} --repeat ${repeat} --warmup ${warmupSeconds} --customers ${customerCount}`,
      `Started ${started.toISOString()}, ended ${new Date().toISOString()}; load average at the end (1, 5, 15 min): ${loadAverage()}.`,
      `Machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
      `customer360 over ${customerCount} customers, warm (REDIS_URL set, CACHE_TTL_MS=3600000, every customer read twice before timing), bearer token verified on every request; ` +
        `${durationSeconds} s per run${repeat > 1 ? `, medians of ${repeat} runs (each run in parentheses)` : ''}; ` +
        (values.follow
          ? `identity follower polling the change feeds as under npm start (${followerCallsPerSecond.toFixed(1)} legacy calls a second at idle, counted in the legacy calls below).`
          : 'identity follower off.'),
      '',
      report(runs, connectionCounts),
    ].join('\n'),
  );
}

main().catch((error: Error) => {
  console.error(`bench:warm failed: ${error.message}`);
  process.exitCode = 1;
});
