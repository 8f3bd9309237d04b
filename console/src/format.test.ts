import { formatDateTime, formatEnum, formatMoney } from './format';

describe('formatMoney', () => {
  it('groups digits on the decimal string, keeping sign and fraction exactly', () => {
    expect(formatMoney({ amount: '-1234567.50', currency: 'GBP' })).toBe('-1,234,567.50 GBP');
    expect(formatMoney({ amount: '999', currency: 'EUR' })).toBe('999 EUR');
    expect(formatMoney({ amount: '0.1', currency: 'USD' })).toBe('0.1 USD');
  });

  it('shows an unexpected amount as it came, and nothing for no money', () => {
    expect(formatMoney({ amount: '1e3', currency: 'GBP' })).toBe('1e3 GBP');
    expect(formatMoney(null)).toBe('');
  });
});

describe('formatDateTime / formatEnum', () => {
  it('prints instants in UTC to the minute', () => {
    expect(formatDateTime('2026-11-27T08:05:09.123Z')).toBe('2026-11-27 08:05 UTC');
    expect(formatDateTime('2026-11-27T09:05:00+01:00')).toBe('2026-11-27 08:05 UTC');
    expect(formatDateTime('2026-11-27')).toBe('2026-11-27');
  });

  it('turns enum values into words', () => {
    expect(formatEnum('TERM_DEPOSIT')).toBe('Term deposit');
    expect(formatEnum('AGE_28_60')).toBe('Age 28-60');
    expect(formatEnum('OVER_60')).toBe('Over 60');
    expect(formatEnum(undefined)).toBe('');
  });
});
