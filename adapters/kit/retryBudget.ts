/**
 * A retry budget: retries may add at most `ratio` extra load on top of first attempts, plus a
 * small floor per second so a quiet system still gets its retries. When a system struggles,
 * every caller retrying at once is what turns a slowdown into an outage; the budget caps that.
 * (Same idea as Finagle's and Linkerd's retry budgets; cockatiel has no budget of its own.)
 *
 * A token bucket in constant memory (two numbers, whatever the traffic):
 * - every first attempt deposits `ratio` tokens; deposits fade with time constant `windowMs`,
 *   so under steady traffic the bucket holds about `ratio x the window's first attempts`, and a
 *   long healthy period cannot bank a retry storm;
 * - a reserve refills at `minPerSecond`, up to `minPerSecond x windowMs` worth;
 * - only a retry that is about to be sent takes a token (the client asks after deciding that
 *   another attempt is allowed at all, so the last attempt of a call spends nothing).
 */
export interface RetryBudgetOptions {
  /** Extra retries allowed per first attempt, e.g. 0.2 = at most 20% more load. */
  ratio: number;
  /** Retries always allowed per second, whatever the traffic. */
  minPerSecond: number;
  /** How long deposits last (time constant of their fading) and how much reserve builds up. */
  windowMs: number;
}

// 0.2 deposited five times is 0.9999999999999999: a token is a token within rounding.
const ONE_TOKEN = 1 - 1e-9;

export class RetryBudget {
  private deposits = 0;
  private reserve: number;
  private updatedAt: number;
  private readonly reserveCapacity: number;

  constructor(
    private readonly options: RetryBudgetOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.reserveCapacity = (options.minPerSecond * options.windowMs) / 1000;
    this.reserve = this.reserveCapacity;
    this.updatedAt = now();
  }

  /** Records a first attempt (deposits `ratio` tokens). */
  recordAttempt(): void {
    this.refresh();
    this.deposits += this.options.ratio;
  }

  /** Takes one token for a retry about to be sent; false when the budget is spent. */
  tryRetry(): boolean {
    this.refresh();
    if (this.deposits + this.reserve < ONE_TOKEN) return false;
    // Deposits first: they fade anyway; the reserve is what a quiet moment has to offer.
    const fromDeposits = Math.min(1, this.deposits);
    this.deposits -= fromDeposits;
    this.reserve = Math.max(0, this.reserve - (1 - fromDeposits));
    return true;
  }

  /** Tokens available now (for /health and tests). */
  available(): number {
    this.refresh();
    return this.deposits + this.reserve;
  }

  private refresh(): void {
    const now = this.now();
    const elapsed = now - this.updatedAt;
    if (elapsed <= 0) return;
    this.updatedAt = now;
    if (this.deposits > 0) this.deposits *= Math.exp(-elapsed / this.options.windowMs);
    this.reserve = Math.min(this.reserveCapacity, this.reserve + (this.options.minPerSecond * elapsed) / 1000);
  }
}
