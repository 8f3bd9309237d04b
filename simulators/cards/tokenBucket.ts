/**
 * A token bucket: `ratePerSecond` tokens flow in per second up to a burst of `capacity`;
 * each request takes one. The clock is injected so the arithmetic is testable without waiting.
 */
export type Clock = () => number;

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number = Math.max(1, ratePerSecond),
    private readonly now: Clock = Date.now,
  ) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) throw new RangeError('rate must be a positive number');
    if (!(capacity >= 1) || !Number.isFinite(capacity)) throw new RangeError('capacity must be at least 1');
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes a token, or says how long until one is available (whole seconds, at least 1, as Retry-After needs). */
  take(): TakeResult {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const waitSeconds = (1 - this.tokens) / this.ratePerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }

  /** Back to a full bucket (the operator's reset). */
  refillFully(): void {
    this.tokens = this.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const at = this.now();
    const elapsedSeconds = Math.max(0, at - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.ratePerSecond);
    this.last = at;
  }
}
