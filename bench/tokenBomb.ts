/**
 * `npm run bench:token-bomb [-- --parallel 10 --rounds 5 --bytes 1000000]`: what refusing a token
 * bomb costs the gateway. Starts the gateway (gateway/main.ts) as its own process over the
 * product supergraph (no subgraph is needed: the refusal happens before planning), warms it with
 * small queries, then sends `parallel` documents of `bytes` bytes (three bytes per token: about
 * 330k tokens in 1 MB) at once. Each of the `rounds` rounds is a fresh gateway process (a process
 * keeps the heap a first bomb grew, which would hide the growth of later ones). Reports per round
 * the slowest refusal and the gateway's peak RSS over its resting RSS (sampled from /proc every
 * 5 ms), then the medians. Every answer must be a 400.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '../gateway/auth/mintToken';
import { describeMachine } from './machine';

const SECRET = 'token-bomb-bench-secret-0123456789abcdef';

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      parallel: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '5' },
      bytes: { type: 'string', default: '1000000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench:token-bomb -- [--parallel 10] [--rounds 5] [--bytes 1000000]');
    return;
  }
  const parallel = Number(values.parallel);
  const rounds = Number(values.rounds);
  const bytes = Number(values.bytes);
  const root = path.join(__dirname, '..');
  const token = await mintToken({ secret: new TextEncoder().encode(SECRET), roles: ['auditor'], subject: 'bench', ttl: 600 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const body = JSON.stringify({ query: `{ ${'ab '.repeat(Math.floor((bytes - 4) / 3))}}` });
  const results: Array<{ slowestMs: number; restingMiB: number; rssGrowthMiB: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    const gateway = await startGateway(root);
    try {
      // Warm up with small queries: code paths and JIT, not the heap a bomb would grow.
      for (let i = 0; i < 20; i += 1) await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const resting = await rssKiB(gateway.pid);
      let peak = resting;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, await rssKiB(gateway.pid));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: parallel }, async () => {
          const response = await fetch(gateway.url, { method: 'POST', headers, body });
          await response.text();
          return { status: response.status, ms: performance.now() - started };
        }),
      );
      sampling = false;
      await sampler;
      if (answers.some((a) => a.status !== 400)) throw new Error(`expected every answer to be 400, got ${answers.map((a) => a.status).join(',')}`);
      results.push({ slowestMs: Math.max(...answers.map((a) => a.ms)), restingMiB: resting / 1024, rssGrowthMiB: (peak - resting) / 1024 });
    } finally {
      await gateway.stop();
    }
  }
  const machine = describeMachine();
  console.log(`machine: ${machine.cpuModel} x${machine.cpuCount}, ${machine.totalMemoryGb} GiB, node ${machine.node}`);
  console.log(`${parallel} x ${bytes} bytes (~${Math.floor((bytes - 4) / 3)} tokens) in parallel, ${rounds} rounds (a fresh gateway each)`);
  for (const [i, r] of results.entries()) {
    console.log(`  round ${i + 1}: slowest refusal ${r.slowestMs.toFixed(0)} ms, RSS ${r.restingMiB.toFixed(0)} MiB at rest, +${r.rssGrowthMiB.toFixed(0)} MiB peak`);
  }
  console.log(`median: slowest refusal ${median(results.map((r) => r.slowestMs)).toFixed(0)} ms, RSS +${median(results.map((r) => r.rssGrowthMiB)).toFixed(0)} MiB`);
}

/** gateway/main.ts as its own process on a free port, with its audit files in a scratch directory. */
async function startGateway(root: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'uv-token-bomb-'));
  // tsx as a loader in this very process (its CLI would run the gateway in a child, and the RSS read would be the CLI's).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'gateway', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      AUTH_HS256_SECRET: SECRET,
      RATE_LIMIT_MAX: '0',
      REDIS_URL: '',
      AUDIT_LOG_PATH: path.join(scratch, 'audit.jsonl'),
      AUDIT_SPOOL_DIR: path.join(scratch, 'spool'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"url":"(http:[^"]+)"/.exec(buffered);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with code ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill('SIGKILL');
      await exited;
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

main().catch((error: Error) => {
  console.error(`token-bomb bench failed: ${error.message}`);
  process.exit(1);
});
