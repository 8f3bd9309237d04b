/**
 * Measures, in a process of its own, how much heap forty 20-character slices retain when kept as
 * slices and when kept through detachString. Run by detachString.test.ts with --expose-gc: a jest
 * worker's heap also holds what earlier test files left for the collector, which made the same
 * measure inside the worker swing by more than the 10 MB it looks for.
 *
 * Prints one JSON line: { asSlices, detached } in bytes.
 */
import { detachString } from './detachString';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const letter = process.argv[2] ?? 'a';

function retainedWith(keep: (s: string) => string): number {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 40; i++) {
    // A flat parent string (Buffer decoding builds one), unique per iteration.
    const parent = Buffer.from(letter.repeat(250_000) + String(i).padStart(4, '0'), 'utf8').toString('utf8');
    kept.push(keep(parent.slice(1000, 1020)));
  }
  gc!();
  const retained = process.memoryUsage().heapUsed - before;
  if (kept.length !== 40) throw new Error('kept values lost');
  return retained;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [0, 1, 2];
// Alternate the two ways so any drift of the process affects both alike.
const asSlices: number[] = [];
const detached: number[] = [];
for (const _ of runs) {
  asSlices.push(retainedWith((s) => s));
  detached.push(retainedWith(detachString));
}
process.stdout.write(`${JSON.stringify({ asSlices: median(asSlices), detached: median(detached) })}\n`);
