/**
 * Loaded into every process of `npm run bench -- --split` (`node --import tsx --import
 * bench/split/allocationProbe.ts ...`), beside the process's own code, which it does not touch.
 * Over the IPC channel the bench opens, `{ splitProbe: 'begin' }` starts counting the V8 heap
 * bytes this process allocates and `{ splitProbe: 'end' }` answers
 * `{ splitProbe: 'allocated', bytes }` (heapAllocation.ts); the process exits when the channel
 * closes. Without an IPC channel it does nothing.
 */
import v8 from 'node:v8';
import { allocatedBytes } from './heapAllocation';

export type ProbeRequest = { splitProbe: 'begin' } | { splitProbe: 'end' };
export type ProbeAnswer = { splitProbe: 'allocated'; bytes: number };

if (process.send) {
  let window: { profiler: v8.GCProfiler; usedAtStart: number } | undefined;
  process.on('message', (message: ProbeRequest) => {
    if (message?.splitProbe === 'begin') {
      window?.profiler.stop();
      const profiler = new v8.GCProfiler();
      window = { profiler, usedAtStart: v8.getHeapStatistics().used_heap_size };
      profiler.start();
    } else if (message?.splitProbe === 'end' && window) {
      const usedAtEnd = v8.getHeapStatistics().used_heap_size;
      const { statistics } = window.profiler.stop();
      // Node reports these in camelCase (usedHeapSize), whatever @types/node says (used_heap_size).
      const used = (sizes: unknown) => (sizes as { usedHeapSize: number }).usedHeapSize;
      const collections = statistics.map((gc) => ({ beforeUsedBytes: used(gc.beforeGC.heapStatistics), afterUsedBytes: used(gc.afterGC.heapStatistics) }));
      const answer: ProbeAnswer = { splitProbe: 'allocated', bytes: allocatedBytes(window.usedAtStart, usedAtEnd, collections) };
      window = undefined;
      process.send?.(answer);
    }
  });
  // The channel must not keep a process alive that would otherwise exit; and a bench process
  // must not outlive the bench (a crashed bench closes the channel without SIGTERM).
  process.channel?.unref();
  process.once('disconnect', () => process.exit(0));
}
