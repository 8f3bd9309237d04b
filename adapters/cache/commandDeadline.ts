import { performance } from 'node:perf_hooks';

/**
 * ioredis's own command timeout beside a budget: only a backstop (a command on a process that
 * never idles, a command nobody times itself), so well past what withinCommandDeadline waits.
 */
export function backstopTimeoutMs(budgetMs: number): number {
  return Math.max(1000, 4 * budgetMs);
}

/** A Redis round trip that did not settle within its budget (the message says "timed out", as ioredis's). */
export class CommandDeadlineExceeded extends Error {
  constructor(budgetMs: number) {
    super(`Command timed out (no answer within ${budgetMs} ms)`);
    this.name = 'CommandDeadlineExceeded';
  }
}

/**
 * `work`, or a CommandDeadlineExceeded once Redis has had `budgetMs` to answer it and has not,
 * where "had" means this process was free to send the command and read the answer.
 *
 * Why not a plain timer (ioredis's `commandTimeout`): a timer measures our own event loop as much
 * as Redis. A command is only written when the loop gets to it (ioredis sends auto-pipelined
 * commands in a `setImmediate`), its answer is only read when the loop polls for I/O, and Node
 * runs expired timers before it polls. A gateway busy for longer than the budget (eight customer
 * lists at once keep the loop busy for hundreds of milliseconds) failed commands Redis answered
 * at once: warm reads became legacy calls and the rate limit switched itself off under load
 * (BENCHMARKS.md). So, once the budget has passed:
 * - the verdict waits for `setImmediate`, which runs after the I/O poll of that loop iteration:
 *   an answer already received settles `work` first;
 * - the command fails only if the loop spent at least half the budget idle (waiting for I/O)
 *   since it was issued: Redis had its chance. Otherwise the budget starts again.
 * A Redis that does not answer fails its commands after one budget on an idle loop; on a loop
 * that never idles, ioredis's own command timeout (the backstop, 1 s or more) ends them.
 */
export function withinCommandDeadline<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let verdict: NodeJS.Immediate | undefined;
    const issued = performance.eventLoopUtilization();
    const arm = () => {
      timer = setTimeout(() => {
        verdict = setImmediate(() => {
          if (settled) return;
          if (performance.eventLoopUtilization(issued).idle < budgetMs / 2) {
            arm();
            return;
          }
          settled = true;
          reject(new CommandDeadlineExceeded(budgetMs));
        });
      }, budgetMs);
    };
    arm();
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      if (verdict) clearImmediate(verdict);
    };
    work.then(
      (value) => {
        if (settled) return;
        finish();
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        finish();
        reject(error);
      },
    );
  });
}
