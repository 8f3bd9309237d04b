import fc from 'fast-check';
import type { Tier } from './insightTypes';
import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import { account, gbp, noFacts, TODAY } from './customerFactsFixtures';
import { ageBandFor, computeSegment, tierByBalance, tierByIncome } from './segment';

const RANK: Record<Tier, number> = { BRONZE: 1, SILVER: 2, GOLD: 3 };
const segmentWith = (deposits: string, income: string | null = null) =>
  computeSegment(noFacts({ accounts: [account('SAVINGS', deposits)], yearlyIncome: income === null ? null : gbp(income) }), TODAY, T);

describe('age band (the bank examples: 12-17, 18-27, 28-60, over 60)', () => {
  // TODAY is 2026-11-01: born 2026-N years ago on 1 November means N today (a birthday today).
  const bornYearsAgo = (years: number, dayOffset = 0) => {
    const d = new Date(Date.UTC(2026 - years, 10, 1 + dayOffset));
    return d.toISOString().slice(0, 10);
  };

  it.each([
    [11, 'UNKNOWN'],
    [12, 'AGE_12_17'],
    [17, 'AGE_12_17'],
    [18, 'AGE_18_27'],
    [27, 'AGE_18_27'],
    [28, 'AGE_28_60'],
    [60, 'AGE_28_60'],
    [61, 'OVER_60'],
    [99, 'OVER_60'],
  ])('is decided at the edges: %i years old on a birthday today is %s', (age, band) => {
    expect(ageBandFor(bornYearsAgo(age), TODAY, T).value).toBe(band);
  });

  it('does not move up the day before a birthday', () => {
    expect(ageBandFor(bornYearsAgo(18, 1), TODAY, T).value).toBe('AGE_12_17');
    expect(ageBandFor(bornYearsAgo(28, 1), TODAY, T).value).toBe('AGE_18_27');
    expect(ageBandFor(bornYearsAgo(61, 1), TODAY, T).value).toBe('AGE_28_60');
  });

  it('says which band applied and why it is unknown', () => {
    expect(ageBandFor(bornYearsAgo(27), TODAY, T).reason).toBe('age 27 on 2026-11-01 is in 18-27: AGE_18_27');
    expect(ageBandFor(bornYearsAgo(70), TODAY, T).reason).toBe('age 70 on 2026-11-01 is in 61 or more: OVER_60');
    expect(ageBandFor(null, TODAY, T)).toEqual({ value: 'UNKNOWN', reason: 'no usable birth date: age band UNKNOWN' });
    expect(ageBandFor(bornYearsAgo(5), TODAY, T).reason).toBe('age 5 on 2026-11-01 is in no band: UNKNOWN');
  });
});

describe('tier by relationship balance and income', () => {
  it.each([
    ['24999.99', 'BRONZE'],
    ['25000.00', 'SILVER'],
    ['99999.99', 'SILVER'],
    ['100000.00', 'GOLD'],
  ])('balance %s GBP is %s (at or above a threshold counts)', (balance, tier) => {
    expect(tierByBalance(gbp(balance), T).value).toBe(tier);
    expect(segmentWith(balance).tier).toBe(tier);
  });

  it.each([
    ['49999.99', 'BRONZE'],
    ['50000.00', 'SILVER'],
    ['99999.99', 'SILVER'],
    ['100000.00', 'GOLD'],
  ])('income %s GBP is %s', (income, tier) => {
    expect(tierByIncome(gbp(income), T).value).toBe(tier);
    expect(segmentWith('0.00', income).tier).toBe(tier);
  });

  it('takes the higher of the balance tier and the income tier', () => {
    expect(segmentWith('30000.00', '120000.00').tier).toBe('GOLD');
    expect(segmentWith('150000.00', '10000.00').tier).toBe('GOLD');
    expect(segmentWith('1000.00', '60000.00').tier).toBe('SILVER');
  });

  it('works without income, and says so', () => {
    const segment = segmentWith('30000.00');
    expect(segment.tier).toBe('SILVER');
    expect(segment.reasons).toEqual([
      'relationship balance 30000.00 GBP >= 25000.00 GBP: SILVER',
      'yearly income unknown: tier from relationship balance only',
      'no usable birth date: age band UNKNOWN',
    ]);
  });

  it('names the income threshold but never the income itself', () => {
    const segment = segmentWith('0.00', '123456.78');
    expect(segment.reasons).toContain('yearly income at or above 100000.00 GBP: GOLD');
    expect(segment.reasons.join(' ')).not.toContain('123456.78');
  });

  it('ignores income in a currency it cannot compare', () => {
    const segment = computeSegment(noFacts({ accounts: [], yearlyIncome: { amountMinor: 50_000_000, currency: 'EUR' } }), TODAY, T);
    expect(segment.tier).toBe('BRONZE');
    expect(segment.reasons).toContain('yearly income not in GBP: not used (no exchange rates)');
  });

  it('counts only positive balances of open deposit accounts', () => {
    const accounts = [
      account('CURRENT', '-400.00'),
      account('SAVINGS', '20000.00'),
      account('TERM_DEPOSIT', '5000.00'),
      account('LOAN', '-90000.00'),
      account('SAVINGS', '80000.00', { status: 'CLOSED' }),
    ];
    expect(computeSegment(noFacts({ accounts }), TODAY, T).tier).toBe('SILVER');
  });

  it('computes no tier without the balance unless income alone reaches the top', () => {
    expect(computeSegment(noFacts({ accounts: null }), TODAY, T).tier).toBeNull();
    expect(computeSegment(noFacts({ accounts: null, yearlyIncome: gbp('60000.00') }), TODAY, T).tier).toBeNull();
    expect(computeSegment(noFacts({ accounts: null, yearlyIncome: gbp('100000.00') }), TODAY, T).tier).toBe('GOLD');
  });

  const minor = fc.integer({ min: 0, max: 50_000_000_00 });
  const money = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });

  it('is monotonic in balance and in income (more never lowers the tier)', () => {
    fc.assert(
      fc.property(minor, minor, fc.option(minor, { nil: null }), (a, b, income) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const tier = (balance: number) =>
          computeSegment(noFacts({ accounts: [{ type: 'SAVINGS', status: 'OPEN', balance: money(balance) }], yearlyIncome: income === null ? null : money(income) }), TODAY, T).tier!;
        expect(RANK[tier(low)]).toBeLessThanOrEqual(RANK[tier(high)]);
      }),
    );
    fc.assert(
      fc.property(minor, minor, minor, (a, b, balance) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const tier = (income: number) =>
          computeSegment(noFacts({ accounts: [{ type: 'SAVINGS', status: 'OPEN', balance: money(balance) }], yearlyIncome: money(income) }), TODAY, T).tier!;
        expect(RANK[tier(low)]).toBeLessThanOrEqual(RANK[tier(high)]);
      }),
    );
  });

  it('never ranks a customer below what the balance alone reaches, and always says which threshold applied', () => {
    fc.assert(
      fc.property(minor, fc.option(minor, { nil: null }), (balance, income) => {
        const segment = computeSegment(noFacts({ accounts: [{ type: 'SAVINGS', status: 'OPEN', balance: money(balance) }], yearlyIncome: income === null ? null : money(income) }), TODAY, T);
        expect(RANK[segment.tier!]).toBeGreaterThanOrEqual(RANK[tierByBalance(money(balance), T).value]);
        expect(segment.reasons[0]).toMatch(/^relationship balance \d+\.\d{2} GBP (>=|<) \d+\.\d{2} GBP: (GOLD|SILVER|BRONZE)$/);
      }),
    );
  });
});
