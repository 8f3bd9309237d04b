import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';

/**
 * Real Redis for the cache's tests: a unique key prefix on the shared 127.0.0.1:6379, and
 * throw-away redis-server processes (single node, 3-master Cluster) on free loopback ports.
 */

const run = promisify(execFile);

export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniqueKeyPrefix(): string {
  return `uvtest:${process.pid}:${randomBytes(4).toString('hex')}:`;
}

/** SCAN + DEL of every key under `prefix`, on every master of a Cluster. */
export async function deleteKeysWithPrefix(client: Redis | Cluster, prefix: string): Promise<number> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      // One DEL per key: keys of one SCAN page may sit in different Cluster slots.
      for (const key of keys) deleted += await node.del(key);
    } while (cursor !== '0');
  }
  return deleted;
}

async function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port below 55535 whose cluster-bus port (+10000) is free too. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 25_000);
    if ((await canListen(port)) && (await canListen(port + 10_000))) return port;
  }
  throw new Error('no free port pair found');
}

export interface RedisProcess {
  port: number;
  url: string;
  /** SIGSTOP / SIGCONT: a Redis that holds connections open but never answers. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** Resolves when redis-server logs `marker` (it accepts connections), rejects if it exits first. */
function awaitReady(child: ChildProcess, timeoutMs: number, marker = 'Ready to accept connections'): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => done(new Error(`redis-server not ready within ${timeoutMs} ms: ${output.slice(-500)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) done();
    };
    const onExit = () => done(new Error(`redis-server exited: ${output.slice(-500)}`));
    function done(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function startRedisServer(options: { port?: number; extraArgs?: string[] } = {}): Promise<RedisProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...(options.extraArgs ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await awaitReady(child, 10_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode === null && (child.signalCode === null || child.signalCode === 'SIGSTOP')) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** A Sentinel monitoring `masterPort` under `name` (quorum 1); its config lives in a temp dir. */
export async function startRedisSentinel(masterPort: number, name: string): Promise<RedisProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uv-redis-sentinel-'));
  const port = await freePort();
  const config = path.join(dir, 'sentinel.conf');
  writeFileSync(config, `port ${port}\nbind 127.0.0.1\ndir ${dir}\nsentinel monitor ${name} 127.0.0.1 ${masterPort} 1\n`);
  const child = spawn('redis-server', [config, '--sentinel'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await awaitReady(child, 10_000, '+monitor master');
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisClusterProcesses {
  nodes: Array<{ host: string; port: number }>;
  /** `REDIS_CLUSTER_NODES` form. */
  nodeList: string;
  stop(): Promise<void>;
}

/** Three masters, no replicas, slots assigned by `redis-cli --cluster create`; resolves at cluster_state:ok. */
export async function startRedisCluster(masters = 3): Promise<RedisClusterProcesses> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uv-redis-cluster-'));
  const servers: RedisProcess[] = [];
  const stop = async () => {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i += 1) {
      const port = await freePort();
      servers.push(
        await startRedisServer({
          port,
          extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--dir', dir],
        }),
      );
    }
    const addresses = servers.map((s) => `127.0.0.1:${s.port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 20_000 });
    for (const server of servers) await awaitClusterOk(server.port);
    return { nodes: servers.map((s) => ({ host: '127.0.0.1', port: s.port })), nodeList: addresses.join(','), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Bounded poll of CLUSTER INFO until the node sees every slot served. */
async function awaitClusterOk(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
    if (stdout.includes('cluster_state:ok')) return;
    if (Date.now() > deadline) throw new Error(`cluster not ok on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls `condition` until it holds (at most `timeoutMs`); the test fails with `what` otherwise. */
export async function eventually(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 5000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
