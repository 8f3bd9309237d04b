import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then refuses with a whole-second Retry-After', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 2, () => now);
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: true });
    expect(bucket.take()).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 500; // one token flowed back in
    expect(bucket.take()).toEqual({ allowed: true });
  });

  it('rounds the wait up for slow rates', () => {
    let now = 0;
    const bucket = new TokenBucket(0.25, 1, () => now);
    expect(bucket.take().allowed).toBe(true);
    expect(bucket.take()).toEqual({ allowed: false, retryAfterSeconds: 4 });
    now = 4000;
    expect(bucket.take().allowed).toBe(true);
  });

  it('never holds more than its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 1, () => now);
    bucket.take();
    now = 60_000;
    expect(bucket.take().allowed).toBe(true);
    expect(bucket.take().allowed).toBe(false);
  });

  it('refills fully on reset', () => {
    const bucket = new TokenBucket(1, 1, () => 0);
    bucket.take();
    expect(bucket.take().allowed).toBe(false);
    bucket.refillFully();
    expect(bucket.take().allowed).toBe(true);
  });

  it('refuses a non-positive rate', () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
    expect(() => new TokenBucket(Number.NaN)).toThrow(RangeError);
  });
});
