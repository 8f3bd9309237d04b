import { readFile } from 'node:fs/promises';
import { parseProcStat, treeCpuMs, type ProcStat } from './processCpu';

describe('reading /proc/<pid>/stat', () => {
  it('reads ppid and utime + stime + cutime + cstime (clock ticks of 10 ms)', () => {
    // Fields 14-17: utime 250, stime 30, cutime 7, cstime 3 ticks = 2900 ms.
    const line = '4242 (node) S 4200 4242 13163 0 -1 4194304 97 0 0 0 250 30 7 3 20 0 11 0 64451 3133440 412 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4200, cpuMs: 2900 });
  });

  it('counts fields after the last parenthesis: a command name may hold spaces and parentheses', () => {
    const line = '77 (a b) (c)) R 1 77 77 0 -1 0 0 0 0 0 100 0 0 0 20 0 1 0 1 1 1';
    expect(parseProcStat(line)).toEqual({ pid: 77, ppid: 1, cpuMs: 1000 });
  });

  it.each([[''], ['not a stat line'], ['12 (x) S 1 2 3']])('gives nothing for %j', (line) => {
    expect(parseProcStat(line)).toBeUndefined();
  });

  it('reads this very process', async () => {
    const stat = parseProcStat(await readFile('/proc/self/stat', 'utf8'));
    expect(stat?.pid).toBeGreaterThan(0);
    expect(stat?.cpuMs).toBeGreaterThanOrEqual(0);
  });
});

describe('CPU of a process tree', () => {
  const stats: ProcStat[] = [
    { pid: 1, ppid: 0, cpuMs: 1000 },
    { pid: 10, ppid: 1, cpuMs: 50 },
    { pid: 11, ppid: 10, cpuMs: 7 },
    { pid: 12, ppid: 10, cpuMs: 3 },
    { pid: 13, ppid: 11, cpuMs: 1 },
    { pid: 20, ppid: 1, cpuMs: 400 },
  ];

  it('adds every descendant, at any depth, and nothing outside the tree', () => {
    expect(treeCpuMs(stats, 10)).toBe(61);
    expect(treeCpuMs(stats, 20)).toBe(400);
    expect(treeCpuMs(stats, 11)).toBe(8);
  });

  it('is 0 for a process that is gone', () => {
    expect(treeCpuMs(stats, 99)).toBe(0);
  });
});
