import { RetryBudget } from './retryBudget';

describe('RetryBudget', () => {
  it('allows the floor of retries with no traffic, then refuses', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0, minPerSecond: 1, windowMs: 2000 }, () => now);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    now = 2500;
    expect(budget.tryRetry()).toBe(true);
  });

  it('grows with first attempts by the ratio', () => {
    const budget = new RetryBudget({ ratio: 0.2, minPerSecond: 0, windowMs: 1000 }, () => 0);
    for (let i = 0; i < 10; i++) budget.recordAttempt();
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
  });
});

describe('RetryBudget as a token bucket', () => {
  it('lets deposits fade: a healthy hour banks no retry storm', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0.5, minPerSecond: 0, windowMs: 1000 }, () => now);
    for (let i = 0; i < 10_000; i++) budget.recordAttempt();
    // 5000 tokens deposited at t=0; ten time constants later e^-10 of them are left (about 0.23).
    now = 10_000;
    expect(budget.available()).toBeCloseTo(5000 * Math.exp(-10), 6);
    expect(budget.tryRetry()).toBe(false);
  });

  it('refills the reserve at minPerSecond up to one window of it', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0, minPerSecond: 2, windowMs: 1500 }, () => now);
    expect(budget.available()).toBe(3);
    for (let i = 0; i < 3; i++) expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    now = 500; // one token back (2 per second)
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    now = 60_000; // long quiet: capped at 3, not 119
    expect(budget.available()).toBe(3);
  });

  it('keeps constant memory however many calls it has seen', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0.2, minPerSecond: 5, windowMs: 10_000 }, () => now);
    const size = () => JSON.stringify(budget).length;
    budget.recordAttempt();
    const before = Object.keys(budget).length;
    for (let i = 0; i < 1_000_000; i++) {
      now += 1;
      budget.recordAttempt();
      if (i % 3 === 0) budget.tryRetry();
    }
    // Same fields, each a number: nothing grows with traffic (the old budget kept a timestamp per call).
    expect(Object.keys(budget).length).toBe(before);
    for (const value of Object.values(budget)) expect(['number', 'object', 'function']).toContain(typeof value);
    expect(size()).toBeLessThan(300);
  });
});

describe('RetryBudget: where a retry\'s token comes from', () => {
  it('takes a token from deposits first and the rest from the reserve', () => {
    // Reserve: 0.5 per second over a one-second window = 0.5 tokens.
    const budget = new RetryBudget({ ratio: 0.25, minPerSecond: 0.5, windowMs: 1000 }, () => 0);
    budget.recordAttempt();
    budget.recordAttempt();
    expect(budget.available()).toBeCloseTo(1, 9);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.available()).toBeCloseTo(0, 9);
    expect(budget.tryRetry()).toBe(false);
  });

  it('keeps the reserve when deposits alone pay for the retry', () => {
    const budget = new RetryBudget({ ratio: 1, minPerSecond: 1, windowMs: 2000 }, () => 0);
    budget.recordAttempt();
    budget.recordAttempt();
    expect(budget.tryRetry()).toBe(true);
    expect(budget.available()).toBeCloseTo(3, 9);
  });

  it('counts five deposits of 0.2 as one token, despite rounding', () => {
    const budget = new RetryBudget({ ratio: 0.2, minPerSecond: 0, windowMs: 1000 }, () => 0);
    for (let i = 0; i < 5; i++) budget.recordAttempt();
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
  });

  it('refuses a retry when just under one token is left', () => {
    const budget = new RetryBudget({ ratio: 0.99, minPerSecond: 0, windowMs: 1000 }, () => 0);
    budget.recordAttempt();
    expect(budget.tryRetry()).toBe(false);
  });

  it('fades deposits by e per window and ignores a clock that goes back', () => {
    let now = 1000;
    const budget = new RetryBudget({ ratio: 1, minPerSecond: 0, windowMs: 1000 }, () => now);
    budget.recordAttempt();
    now = 2000;
    expect(budget.available()).toBeCloseTo(Math.exp(-1), 9);
    now = 1500;
    expect(budget.available()).toBeCloseTo(Math.exp(-1), 9);
  });
});
