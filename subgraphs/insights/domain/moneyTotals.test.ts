import { leftOutReason, showMoney, sumInCurrency, thresholdMinor } from './moneyTotals';

describe('money totals', () => {
  it('adds minor units exactly in one currency and counts the others left out', () => {
    const total = sumInCurrency(
      [
        { amountMinor: 10, currency: 'GBP' },
        { amountMinor: 20, currency: 'GBP' },
        { amountMinor: 999, currency: 'EUR' },
      ],
      'GBP',
    );
    expect(total).toEqual({ total: { amountMinor: 30, currency: 'GBP' }, leftOut: 1 });
    expect(leftOutReason('deposits', 1, 'GBP')).toEqual(['deposits: 1 amount(s) not in GBP left out (no exchange rates)']);
    expect(leftOutReason('deposits', 0, 'GBP')).toEqual([]);
  });

  it('refuses a total beyond exact integer range rather than round it', () => {
    const huge = { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'GBP' };
    expect(() => sumInCurrency([huge, huge], 'GBP')).toThrow(RangeError);
  });

  it('reads thresholds as decimal text and shows amounts with their currency', () => {
    expect(thresholdMinor('25000.00', 'GBP')).toBe(2_500_000);
    expect(() => thresholdMinor('25,000', 'GBP')).toThrow(RangeError);
    expect(showMoney({ amountMinor: -5, currency: 'GBP' })).toBe('-0.05 GBP');
  });
});
