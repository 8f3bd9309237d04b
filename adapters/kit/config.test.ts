import { defaultSystemConfig, systemConfigFromEnv } from './config';

// The defaults as docs/resilience.md states them, written out by hand.
const ERP_DEFAULTS = {
  system: 'ERP',
  baseUrl: 'http://127.0.0.1:4103',
  timeoutMs: 2000,
  retry: { maxRetries: 4, maxTimeoutRetries: 1, initialDelayMs: 50, maxDelayMs: 1000, maxRetryAfterMs: 2000 },
  retryBudget: { ratio: 1, minPerSecond: 5, windowMs: 10_000 },
  breaker: { failureRatio: 0.7, samplingWindowMs: 5000, minimumCalls: 10, halfOpenAfterMs: 5000 },
  bulkhead: { maxConcurrent: 64, maxQueued: 1024 },
};

describe('defaultSystemConfig', () => {
  it('gives each system its simulator port on the loopback', () => {
    expect(defaultSystemConfig('CORE_BANKING').baseUrl).toBe('http://127.0.0.1:4101');
    expect(defaultSystemConfig('CARDS').baseUrl).toBe('http://127.0.0.1:4102');
    expect(defaultSystemConfig('ERP').baseUrl).toBe('http://127.0.0.1:4103');
    expect(defaultSystemConfig('CALL_CENTER').baseUrl).toBe('http://127.0.0.1:4104');
    expect(defaultSystemConfig('CARDS', 'http://cards.internal:8080').baseUrl).toBe('http://cards.internal:8080');
  });
});

describe('systemConfigFromEnv', () => {
  it('is the defaults with nothing set, or with every setting empty', () => {
    expect(systemConfigFromEnv('ERP', {})).toEqual(ERP_DEFAULTS);
    const empty = Object.fromEntries(
      ['TIMEOUT_MS', 'MAX_RETRIES', 'MAX_TIMEOUT_RETRIES', 'RETRY_BUDGET_RATIO', 'RETRY_BUDGET_MIN_PER_SECOND', 'BREAKER_FAILURE_RATIO', 'BREAKER_WINDOW_MS', 'BREAKER_MIN_CALLS', 'BREAKER_HALF_OPEN_MS', 'MAX_CONCURRENT'].map((name) => [`ERP_${name}`, '']),
    );
    expect(systemConfigFromEnv('ERP', empty)).toEqual(ERP_DEFAULTS);
  });

  it('reads every setting from the variables named after the system, and only those', () => {
    const env = {
      ERP_URL: 'http://erp.internal:9000',
      ERP_TIMEOUT_MS: '1500',
      ERP_MAX_RETRIES: '2',
      ERP_MAX_TIMEOUT_RETRIES: '0',
      ERP_RETRY_BUDGET_RATIO: '0.2',
      ERP_RETRY_BUDGET_MIN_PER_SECOND: '3',
      ERP_BREAKER_FAILURE_RATIO: '0.5',
      ERP_BREAKER_WINDOW_MS: '8000',
      ERP_BREAKER_MIN_CALLS: '20',
      ERP_BREAKER_HALF_OPEN_MS: '3000',
      ERP_MAX_CONCURRENT: '16',
      // Another system's settings are not read.
      CARDS_TIMEOUT_MS: '99',
      CARDS_URL: 'http://cards.internal',
    };
    expect(systemConfigFromEnv('ERP', env)).toEqual({
      system: 'ERP',
      baseUrl: 'http://erp.internal:9000',
      timeoutMs: 1500,
      retry: { maxRetries: 2, maxTimeoutRetries: 0, initialDelayMs: 50, maxDelayMs: 1000, maxRetryAfterMs: 2000 },
      retryBudget: { ratio: 0.2, minPerSecond: 3, windowMs: 10_000 },
      breaker: { failureRatio: 0.5, samplingWindowMs: 8000, minimumCalls: 20, halfOpenAfterMs: 3000 },
      bulkhead: { maxConcurrent: 16, maxQueued: 1024 },
    });
  });

  it.each([
    ['not a number', 'ERP_TIMEOUT_MS', 'soon'],
    ['negative', 'ERP_MAX_RETRIES', '-1'],
    ['infinite', 'ERP_BREAKER_WINDOW_MS', 'Infinity'],
  ])('refuses a setting that is %s, naming it', (_why, name, value) => {
    expect(() => systemConfigFromEnv('ERP', { [name]: value })).toThrow(new Error(`${name} must be a non-negative number`));
  });

  it('accepts zero where zero means "none" (no retries)', () => {
    expect(systemConfigFromEnv('ERP', { ERP_MAX_RETRIES: '0' }).retry.maxRetries).toBe(0);
  });

  it.each(['0', '1', '1.5'])('refuses a breaker failure ratio of %s (strictly between 0 and 1)', (value) => {
    expect(() => systemConfigFromEnv('CARDS', { CARDS_BREAKER_FAILURE_RATIO: value })).toThrow(new Error('CARDS_BREAKER_FAILURE_RATIO must be strictly between 0 and 1'));
  });

  it('accepts failure ratios just inside the bounds', () => {
    expect(systemConfigFromEnv('CARDS', { CARDS_BREAKER_FAILURE_RATIO: '0.01' }).breaker.failureRatio).toBe(0.01);
    expect(systemConfigFromEnv('CARDS', { CARDS_BREAKER_FAILURE_RATIO: '0.99' }).breaker.failureRatio).toBe(0.99);
  });

  it('refuses the retired failure count instead of ignoring it, and says what to set instead', () => {
    expect(() => systemConfigFromEnv('CALL_CENTER', { CALL_CENTER_BREAKER_FAILURES: '5' })).toThrow(
      new Error('CALL_CENTER_BREAKER_FAILURES is no longer read: the breaker opens on a failure ratio now: set BREAKER_FAILURE_RATIO, BREAKER_WINDOW_MS and BREAKER_MIN_CALLS'),
    );
    // Set but empty still counts as set: the operator means something by it.
    expect(() => systemConfigFromEnv('CALL_CENTER', { CALL_CENTER_BREAKER_FAILURES: '' })).toThrow('no longer read');
    expect(() => systemConfigFromEnv('CALL_CENTER', { CARDS_BREAKER_FAILURES: '5' })).not.toThrow();
  });
});
