/**
 * A retry budget: retries may add at most `ratio` extra load on top of first attempts, plus a
 * small floor per second so a quiet system still gets its retries. When a system struggles,
 * every caller retrying at once is what turns a slowdown into an outage; the budget caps that.
 * (Same idea as Finagle's and Envoy's retry budgets; cockatiel has no budget of its own.)
 */
export interface RetryBudgetOptions {
  /** Extra retries allowed per first attempt, e.g. 0.2 = at most 20% more load. */
  ratio: number;
  /** Retries always allowed per second, whatever the traffic. */
  minPerSecond: number;
  /** Window over which attempts are counted. */
  windowMs: number;
}

export class RetryBudget {
  private attempts: number[] = [];
  private retries: number[] = [];

  constructor(
    private readonly options: RetryBudgetOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a first attempt. */
  recordAttempt(): void {
    this.attempts.push(this.now());
  }

  /** Takes one retry from the budget; false when the budget is spent. */
  tryRetry(): boolean {
    const now = this.now();
    const since = now - this.options.windowMs;
    this.attempts = this.attempts.filter((t) => t > since);
    this.retries = this.retries.filter((t) => t > since);
    const allowed = this.options.minPerSecond * (this.options.windowMs / 1000) + this.options.ratio * this.attempts.length;
    if (this.retries.length + 1 > allowed) return false;
    this.retries.push(now);
    return true;
  }
}
