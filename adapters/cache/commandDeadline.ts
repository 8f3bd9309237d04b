/** A Redis round trip that did not settle within its budget (the message says "timed out", as ioredis's). */
export class CommandDeadlineExceeded extends Error {
  constructor(budgetMs: number) {
    super(`Command timed out (no answer within ${budgetMs} ms)`);
    this.name = 'CommandDeadlineExceeded';
  }
}

/**
 * `work`, or a CommandDeadlineExceeded once it has had `budgetMs` of this process's attention
 * without settling.
 *
 * Why not a plain timer (ioredis's `commandTimeout`): a timer measures our own event loop as much
 * as Redis. Node runs expired timers before it polls for I/O, so when the loop was busy for
 * longer than the budget (a customer list computes for tens of milliseconds; eight at once block
 * the loop for far longer than 100 ms) the timer fires first and the command fails although
 * Redis's answer has been waiting in the socket; and a command issued just before a long
 * synchronous stretch is not even sent until it ends. A warm customerList at eight connections
 * made legacy calls for exactly that reason (BENCHMARKS.md). So:
 * - the verdict waits for `setImmediate`, which runs after the I/O poll of the same loop
 *   iteration: an answer already received settles `work` first;
 * - a timer that fired late (the loop was busy for more than half the budget past it) is armed
 *   once more for the whole budget: the command gets the time it was denied.
 * A Redis that really does not answer still fails the command: after one budget on an idle
 * loop, after at most two budgets plus the loop's delay on a busy one.
 */
export function withinCommandDeadline<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let verdict: NodeJS.Immediate | undefined;
    let rearmed = false;
    const arm = () => {
      const due = performance.now() + budgetMs;
      timer = setTimeout(() => {
        if (!rearmed && performance.now() - due > budgetMs / 2) {
          rearmed = true;
          arm();
          return;
        }
        verdict = setImmediate(() => {
          if (settled) return;
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
