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
