import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ProbeAnswer } from './allocationProbe';

const ROOT = path.join(__dirname, '..', '..');
const PROBE = path.join(__dirname, 'allocationProbe.ts');

/** One process of the split bench, started with its pid the real one (no wrapper process). */
export interface BenchChild {
  name: string;
  pid: number;
  /** Starts counting the V8 heap bytes the process allocates (allocationProbe.ts). */
  beginAllocation(): void;
  /** Bytes allocated since beginAllocation (main thread's V8 heap). */
  endAllocation(): Promise<number>;
  close(): Promise<void>;
}

export interface ChildSpec {
  name: string;
  /** Script path relative to the repository root (e.g. `gateway/main.ts`). */
  entry: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Node/V8 flags before the entry (the one-process product gets `npm start`'s, stack/runtimeFlags.ts). */
  nodeFlags?: readonly string[];
  /** Resolves when the process is ready; gets what follows the first `READY_PREFIX` line it prints on stdout. */
  ready(child: ChildProcess, readyLine: Promise<string>): Promise<void>;
}

/**
 * Starts `node --import tsx --import bench/split/allocationProbe.ts <entry>` (not the tsx CLI,
 * which would add a wrapper process, so the pid is the one doing the work) with an IPC channel
 * for the probe. stderr passes through; stdout's first line marked `READY_PREFIX` goes to `ready`.
 */
export async function startBenchChild(spec: ChildSpec): Promise<BenchChild> {
  // SPLIT_CPU_PROF_DIR: V8 CPU profiles of every child, one per thread (a gateway's workers have
  // their own), in a folder per child, written when it exits (Node refuses --cpu-prof in
  // NODE_OPTIONS, so it goes on the command line here).
  const profileDir = process.env.SPLIT_CPU_PROF_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, spec.name)}`] : [];
  const child = spawn(process.execPath, [...profile, ...(spec.nodeFlags ?? []), '--import', 'tsx', '--import', PROBE, path.join(ROOT, spec.entry), ...(spec.args ?? [])], {
    cwd: ROOT,
    env: spec.env ?? process.env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  // Not simply the first line: a child's log (pino writes JSON lines to stdout) can come first,
  // and a log line parsed as the child's answer left the gateway on its default subgraph ports.
  const readyLine = new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      if (!line.startsWith(READY_PREFIX)) return;
      lines.off('line', onLine);
      resolve(line.slice(READY_PREFIX.length));
    };
    lines.on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${spec.name} exited with code ${code} before it was ready`)));
  });
  // A process whose readiness is not its first line (the gateway: its health check) never awaits this.
  readyLine.catch(() => undefined);
  // Later output is drained so the process never blocks on a full pipe.
  lines.on('line', () => undefined);
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await spec.ready(child, readyLine);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    name: spec.name,
    pid: child.pid ?? 0,
    beginAllocation: () => child.send({ splitProbe: 'begin' }),
    endAllocation: () =>
      new Promise<number>((resolve, reject) => {
        const onMessage = (message: ProbeAnswer) => {
          if (message?.splitProbe !== 'allocated') return;
          child.off('message', onMessage);
          resolve(message.bytes);
        };
        child.on('message', onMessage);
        child.send({ splitProbe: 'end' }, (error) => error && reject(error));
      }),
    close,
  };
}

/** What a child prints before its one JSON line when it serves (benchChild reads nothing else as readiness). */
export const READY_PREFIX = 'SPLIT-READY ';

/** Prints a child's readiness: `READY_PREFIX` and the value as JSON, on a line of its own. */
export function announceReady(value: unknown): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(value)}\n`);
}

/** `ready` for a process that announces itself with `announceReady`: the parsed value goes to `onReady`. */
export function jsonLineReady<T>(onReady: (value: T) => void): ChildSpec['ready'] {
  return async (_child, readyLine) => onReady(JSON.parse(await readyLine) as T);
}
