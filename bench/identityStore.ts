/**
 * `npm run bench:identity -- --dataset <dir> [--embedded] [--edits 100] [--poll-ms 250] [--from-files] [--cpu-prof <dir>]`: the
 * identity store's figures on one population (BENCHMARKS.md, "Identity on PostgreSQL").
 *
 * Server (default; a fresh database on TEST_DATABASE_SERVER_URL, dropped afterwards):
 *   1. initial load: an identity process (subgraphs/identity/main.ts) on the empty database,
 *      from spawn to ready (extract, match, write); its peak RSS;
 *   2. restart to ready: the same process stopped and started again on the loaded store;
 *   3. change to graph: a stack (gateway, subgraphs; its identity a standby reader) over the same
 *      database; each edit moves a call-center contact to another person; the time from the
 *      edit's change entering its feed to the gateway answering with the contact in the target's
 *      crosswalk and its email among the target's golden-profile candidates; p50 and p99;
 *   4. the identity process's RSS while following (sampled every 200 ms during 3).
 * Above 200,000 persons (or with `--from-files`) the simulators stream the extracts from the
 * dataset's files instead of reading it whole (bench/fileSimulators.ts).
 * Embedded (`--embedded`): the whole stack in this process on PGlite in a temporary directory;
 * the same steps, RSS being the whole process's.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createTestDatabase } from '../db/testing/testDatabase';
import { loadDataset, readManifest, type Dataset } from '../simulators/dataset/loadDataset';
import { startAllSimulators, type RunningSimulators } from '../simulators/startAllSimulators';
import { startStack, type RunningStack } from '../stack/startStack';
import { SYSTEM_REGISTRY } from '../systems/registry';
import { adminEdit, contactMoves, simulatorEnv, type ContactMove } from '../tests/support/identityScenario';
import { startFileSimulators } from './fileSimulators';
import { describeMachine } from './machine';
import { securityOptionsFromEnv } from '../gateway/auth/securityOptions';

const ROOT = path.join(__dirname, '..');
/** Populations above this many persons are served from their files, not read into memory. */
const FILE_SIMULATORS_ABOVE = 200_000;
/** Persons (from the start of the truth) whose records the file simulators serve by id: the edits are chosen among them. */
const LOOKUP_PERSONS = 20_000;
/** Systems with an online interface (the adapters' page timeouts); a file drop has none. */
const ONLINE_SYSTEMS = SYSTEM_REGISTRY.filter((entry) => entry.dialect !== 'file-drop').map((entry) => entry.name);
/** The manifest's counts of source records (one per system; advisors are not parties). */
const SOURCE_FILES = new Set<string>(SYSTEM_REGISTRY.map((entry) => entry.handle));

const rssKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process has gone
  }
};
/** User + system CPU seconds a process has used so far (Linux clock ticks of 1/100 s). */
const cpuSeconds = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};
/** The `count` slowest of `times` with their place in the run (1-based): outliers early in a run point at warm-up. */
const slowest = (times: readonly number[], count: number) =>
  times
    .map((ms, i) => [i + 1, ms] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([n, ms]) => `${n}: ${ms}`)
    .join(', ');
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

interface IdentityChild {
  pid: number;
  ready: Promise<number>;
  stop(): Promise<void>;
}

function startIdentityChild(env: Record<string, string>, cpuProfileDir?: string): IdentityChild {
  const started = Date.now();
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, ['--max-old-space-size=12000', ...profile, '--import', 'tsx', path.join(ROOT, 'subgraphs', 'identity', 'main.ts')], {
    env: { ...process.env, IDENTITY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      // Lifecycle lines other than ready (loaded, error, leading) go to the report as they come.
      for (const line of chunk.toString().split('\n')) if (line.includes('"event":"') && !line.includes('"event":"ready"')) console.log(`identity: ${line}`);
      buffered += chunk.toString();
      if (buffered.includes('"event":"ready"')) resolve(Date.now() - started);
      if (buffered.includes('"event":"failed"')) reject(new Error(buffered));
    });
    child.once('exit', (code) => reject(new Error(`identity exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Where the initial load spends its time: what the identity process's connection is doing,
 * sampled every 2 s, printed when it changes (with the seconds since spawn and the identity
 * process's CPU seconds so far). "idle in transaction" is the process computing (the matcher).
 */
function watchLoadStages(url: string, pid: number): { stop(): Promise<void> } {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  let last = '';
  let stopped = false;
  const connected = client.connect().catch(() => undefined);
  const sample = async () => {
    const { rows } = await client.query<{ state: string; query: string }>(
      `select state, query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle' order by xact_start limit 1`,
    );
    const row = rows[0];
    const stage = row ? (row.state === 'active' ? row.query.replace(/\s+/g, ' ').slice(0, 60) : row.state) : 'no transaction';
    const kind = stage.replace(/\(.*$/, '').replace(/ (from|where|values|select).*$/i, '');
    if (kind !== last) {
      last = kind;
      console.log(`load stage at ${((Date.now() - started) / 1000).toFixed(0)} s (identity CPU ${cpuSeconds(pid).toFixed(0)} s): ${kind}`);
    }
  };
  const timer = setInterval(() => {
    if (!stopped) connected.then(sample).catch(() => undefined);
  }, 2000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await client.end().catch(() => undefined);
    },
  };
}

const VISIBLE = `query($id: ID!) { customer(id: $id) { sourceKeys { system localId } profile { email { candidates { system localId } } } } }`;

/** Edits one move and waits until the graph shows it; the milliseconds it took. */
async function changeToGraph(stack: RunningStack, simulators: RunningSimulators, move: ContactMove, targetId: string): Promise<number> {
  await adminEdit(simulators, 'CALL_CENTER', { contactId: move.contactId, changes: move.changes });
  const appended = Date.now();
  for (;;) {
    const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: VISIBLE, variables: { id: targetId } }) });
    const body = (await response.json()) as { data?: { customer?: { sourceKeys: Array<{ localId: string }>; profile?: { email?: { candidates: Array<{ localId: string }> } } } } };
    const customer = body.data?.customer;
    const inCrosswalk = customer?.sourceKeys.some((k) => k.localId === move.contactId);
    const inProfile = customer?.profile?.email?.candidates.some((c) => c.localId === move.contactId);
    if (inCrosswalk && inProfile) return Date.now() - appended;
    if (Date.now() - appended > 60_000) throw new Error('a change did not reach the graph within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function targetIdOf(stack: RunningStack, cif: string): Promise<string> {
  const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ customerBySourceKey(system: CORE_BANKING, localId: "${cif}") { id } }` }) });
  return ((await response.json()) as { data: { customerBySourceKey: { id: string } } }).data.customerBySourceKey.id;
}

async function latencies(stack: RunningStack, simulators: RunningSimulators, dataset: Dataset, edits: number): Promise<number[]> {
  const moves = contactMoves(dataset, edits, Math.min(1000, Math.floor(dataset.truth.length / 4)));
  const times: number[] = [];
  for (const move of moves) times.push(await changeToGraph(stack, simulators, move, await targetIdOf(stack, move.toCif)));
  return times;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dataset: { type: 'string' }, embedded: { type: 'boolean', default: false }, edits: { type: 'string', default: '100' }, 'poll-ms': { type: 'string', default: '250' }, 'from-files': { type: 'boolean', default: false }, 'cpu-prof': { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help || !values.dataset) {
    console.log('usage: npm run bench:identity -- --dataset <dir> [--embedded] [--edits 100] [--poll-ms 250] [--from-files] [--cpu-prof <dir>]');
    return;
  }
  const edits = Number(values.edits);
  const pollMs = values['poll-ms']!;
  console.log(JSON.stringify({ machine: describeMachine(), load: os.loadavg() }));
  const t = Date.now();
  const manifest = await readManifest(values.dataset);
  if (!manifest) throw new Error(`${values.dataset} holds no dataset`);
  const records = Object.entries(manifest.counts).filter(([name]) => SOURCE_FILES.has(name)).reduce((sum, [, n]) => sum + Number(n), 0);
  // A large population is not read whole: its extracts stream from the files (bench/fileSimulators.ts).
  const fromFiles = !values.embedded && (values['from-files'] || manifest.persons > FILE_SIMULATORS_ABOVE);
  const { dataset, simulators } = fromFiles
    ? await startFileSimulators(values.dataset, LOOKUP_PERSONS)
    : await loadDataset(values.dataset).then(async (whole) => ({ dataset: whole, simulators: await startAllSimulators(whole, 'free', {}) }));
  console.log(`dataset: ${manifest.persons} persons, ${records} source records (simulators ready in ${Date.now() - t} ms${fromFiles ? ', extracts streamed from the files' : ''})`);
  // The bench polls the gateway until each edit shows: at a million persons 100 edits passed the
  // default 600 requests a minute and were answered 429. The limit is off in the bench's stack.
  const security = securityOptionsFromEnv({ ...process.env, RATE_LIMIT_MAX: '0' }, { production: false });
  const stackOptions = { dataset, simulators, ports: 'free' as const, security };
  try {
    if (values.embedded) {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'uv-bench-pglite-'));
      const cacheEnv = { CACHE_TTL_MS: '0', CHANGE_POLL_MS: pollMs };
      try {
        let started = Date.now();
        let stack = await startStack({ ...stackOptions, databaseOptions: { dataDir }, cacheEnv });
        console.log(`embedded: initial load + stack start ${Date.now() - started} ms, peak RSS ${mb(rssKb(process.pid, 'VmHWM'))}`);
        await stack.close();
        started = Date.now();
        stack = await startStack({ ...stackOptions, databaseOptions: { dataDir }, cacheEnv });
        console.log(`embedded: restart to ready ${Date.now() - started} ms`);
        const samples: number[] = [];
        const sampler = setInterval(() => samples.push(rssKb(process.pid, 'VmRSS')), 200);
        const times = await latencies(stack, simulators, dataset, edits);
        clearInterval(sampler);
        console.log(`embedded: change to graph p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms, max ${Math.max(...times)} ms (${times.length} edits)`);
        console.log(`embedded: process RSS while following (whole stack) median ${mb(percentile(samples, 50))}, max ${mb(Math.max(...samples))}`);
        await stack.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
      return;
    }
    const database = await createTestDatabase();
    try {
      // Simulators sharing two busy cores can take seconds to answer one page of a bulk extract:
      // at a large population the adapters wait 10 s instead of 2 before giving up on a page.
      const timeouts = fromFiles ? Object.fromEntries(ONLINE_SYSTEMS.map((system) => [`${system}_TIMEOUT_MS`, '10000'])) : {};
      const env = { DATABASE_URL: database.url, CHANGE_POLL_MS: pollMs, ...simulatorEnv(simulators), ...timeouts };
      let identity = startIdentityChild(env, values['cpu-prof']);
      const stages = watchLoadStages(database.url, identity.pid);
      const loadMs = await identity.ready.finally(() => stages.stop());
      console.log(`server: initial load (spawn to ready) ${loadMs} ms, identity CPU ${cpuSeconds(identity.pid).toFixed(0)} s, peak RSS ${mb(rssKb(identity.pid, 'VmHWM'))}; load average ${os.loadavg()[0].toFixed(1)}`);
      await identity.stop();
      identity = startIdentityChild(env);
      const restartMs = await identity.ready;
      console.log(`server: restart to ready ${restartMs} ms, RSS at ready ${mb(rssKb(identity.pid, 'VmRSS'))}; load average ${os.loadavg()[0].toFixed(1)}`);
      const stack = await startStack({ ...stackOptions, databaseOptions: { url: database.url, poolSize: 4 }, cacheEnv: { CACHE_TTL_MS: '0', CHANGE_POLL_MS: '0' } });
      try {
        const samples: number[] = [];
        const sampler = setInterval(() => samples.push(rssKb(identity.pid, 'VmRSS')), 200);
        const times = await latencies(stack, simulators, dataset, edits);
        clearInterval(sampler);
        console.log(`server: change to graph p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms, max ${Math.max(...times)} ms (${times.length} edits)`);
        console.log(`server: slowest edits (n-th edit: ms) ${slowest(times, 5)}`);
        console.log(`server: identity RSS while following median ${mb(percentile(samples, 50))}, max ${mb(Math.max(...samples))}, peak since restart ${mb(rssKb(identity.pid, 'VmHWM'))}`);
      } finally {
        await stack.close();
        await identity.stop();
      }
    } finally {
      await database.drop();
    }
  } finally {
    await simulators.close();
    console.log(JSON.stringify({ loadAfter: os.loadavg() }));
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:identity failed: ${error.message}`);
    process.exit(1);
  },
);
