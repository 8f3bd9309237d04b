import { readdir, readFile } from 'node:fs/promises';

/** What the bench needs of one line of /proc/<pid>/stat. */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime in ms: the process's own CPU and that of the children it has reaped. */
  cpuMs: number;
}

// USER_HZ: /proc reports times in clock ticks of 1/100 s on Linux.
const TICKS_PER_SECOND = 100;

/**
 * Parses /proc/<pid>/stat (proc(5)): the command name (field 2) is in parentheses and may hold
 * spaces or parentheses, so fields are counted after its last closing parenthesis. Fields 4
 * (ppid) and 14 to 17 (utime, stime, cutime, cstime) are read. Undefined for text that is not a
 * stat line (a process that exited between listing and reading).
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  const pid = Number(text.slice(0, text.indexOf(' ')));
  if (close < 0 || !Number.isInteger(pid)) return undefined;
  // After ") ": field 3 (state) is index 0, so field n is index n - 3.
  const fields = text.slice(close + 2).trim().split(' ');
  const ppid = Number(fields[1]);
  const ticks = [11, 12, 13, 14].map((i) => Number(fields[i]));
  if (!Number.isInteger(ppid) || ticks.some((t) => !Number.isFinite(t))) return undefined;
  return { pid, ppid, cpuMs: (ticks.reduce((sum, t) => sum + t, 0) * 1000) / TICKS_PER_SECOND };
}

/**
 * CPU ms of a process and all its descendants from a list of stat lines: live descendants
 * through their own lines, exited (reaped) ones through their parent's cutime/cstime. A
 * descendant that exits and is reaped inside a window moves its CPU from its line to its
 * parent's, so the sum stays whole.
 */
export function treeCpuMs(stats: readonly ProcStat[], rootPid: number): number {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return 0;
  let total = 0;
  const pending = [root];
  for (let next = pending.pop(); next; next = pending.pop()) {
    total += next.cpuMs;
    pending.push(...(children.get(next.pid) ?? []));
  }
  return total;
}

/** Every process's stat line now (Linux). */
export async function readAllProcStats(): Promise<ProcStat[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const stats = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/stat`, 'utf8').then(parseProcStat, () => undefined)));
  return stats.filter((s): s is ProcStat => s !== undefined);
}

/** CPU ms used so far by each root process with its descendants, read in one pass over /proc. */
export async function cpuMsOfTrees(rootPids: Record<string, number>): Promise<Record<string, number>> {
  const stats = await readAllProcStats();
  return Object.fromEntries(Object.entries(rootPids).map(([name, pid]) => [name, treeCpuMs(stats, pid)]));
}
