import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { subgraphUrlEnvName } from '../gateway/subgraphUrls';

export interface GatewayProcess {
  url: string;
  /** CPU ms (user + system) used so far by the gateway process and its workers. */
  cpuMs(): Promise<number>;
  /** Processes serving: the gateway process's direct children when it forked workers, else 1. */
  observedWorkers: number;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway process exited with code ${child.exitCode} before it was healthy`);
    const healthy = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gateway process not healthy within ${timeoutMs} ms`);
}

async function childPids(pid: number): Promise<number[]> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((line) => line.trim() !== '').map(Number);
}

// Linux /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;
async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : 0;
}

/**
 * EXTENSION POINT for gateway scaling: the production entry point (gateway/main.ts) as its own
 * process, with GATEWAY_WORKERS set and the subgraph urls of the bench's stack. Until the gateway
 * forks node:cluster workers, GATEWAY_WORKERS is ignored and `observedWorkers` says 1, which the
 * report shows next to the figures, so a "2 workers" row can never be a 1-worker measurement in disguise.
 */
export async function startGatewayProcess(workers: number, subgraphUrls: Record<string, string>, extraEnv: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const root = path.join(__dirname, '..');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    GATEWAY_WORKERS: String(workers),
    SUPERGRAPH_PATH: path.join(root, 'schema', 'supergraph.graphql'),
    ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphUrlEnvName(name), url])),
  };
  // node --import tsx (not the tsx CLI, which adds a wrapper process) so the gateway's own pid is ours.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'gateway', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForHealth(baseUrl, child, 30_000);
    const pid = child.pid ?? 0;
    const children = await childPids(pid);
    const cpuMs = async () => {
      const all = await Promise.all([pid, ...(await childPids(pid))].map(processCpuMs));
      return all.reduce((sum, ms) => sum + ms, 0);
    };
    return { url: `${baseUrl}/graphql`, observedWorkers: Math.max(1, children.length), cpuMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
