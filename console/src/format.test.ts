import { bankWallTimeToIso, formatDateTime, formatEnum, formatMoney, formatTimeRange } from './format';

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

describe('times in the bank zone (Europe/London)', () => {
  // Hand-written from the UK clock rules: GMT (UTC+0) in winter, BST (UTC+1) from 01:00 UTC on
  // the last Sunday of March to 01:00 UTC on the last Sunday of October (2026: 29 March, 25 October).
  it.each([
    ['2026-11-27T08:05:09.123Z', '2026-11-27 08:05 GMT'],
    ['2026-07-01T09:05:00Z', '2026-07-01 10:05 BST'],
    ['2026-11-27T09:05:00+01:00', '2026-11-27 08:05 GMT'],
    ['2026-07-01T23:30:00Z', '2026-07-02 00:30 BST'],
    ['2026-03-29T00:59:00Z', '2026-03-29 00:59 GMT'],
    ['2026-03-29T01:00:00Z', '2026-03-29 02:00 BST'],
    ['2026-10-25T00:30:00Z', '2026-10-25 01:30 BST'],
    ['2026-10-25T01:30:00Z', '2026-10-25 01:30 GMT'],
  ])('shows %s as %s', (iso, shown) => {
    expect(formatDateTime(iso)).toBe(shown);
  });

  it('leaves dates and unreadable text as they are', () => {
    expect(formatDateTime('2026-11-27')).toBe('2026-11-27');
    expect(formatDateTime('soon')).toBe('soon');
    expect(formatDateTime('2026-13-45T99:00:00Z')).toBe('2026-13-45T99:00:00Z');
    expect(formatDateTime(null)).toBe('');
  });

  it('shows a slot as one range, naming the zone once', () => {
    expect(formatTimeRange('2026-11-27T09:00:00Z', '2026-11-27T09:30:00Z')).toBe('2026-11-27 09:00–09:30 GMT');
    expect(formatTimeRange('2026-07-01T09:00:00Z', '2026-07-01T09:30:00Z')).toBe('2026-07-01 10:00–10:30 BST');
    expect(formatTimeRange('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toBe('2026-10-25 01:30 BST – 2026-10-25 01:30 GMT');
  });

  it.each([
    ['2026-11-27T08:05', '2026-11-27T08:05:00.000Z'],
    ['2026-07-01T10:05', '2026-07-01T09:05:00.000Z'],
    // 01:30 on 29 March 2026 does not exist in London: read with the winter offset (= 02:30 BST).
    ['2026-03-29T01:30', '2026-03-29T01:30:00.000Z'],
    // 01:30 on 25 October 2026 happens twice: the first (BST) one.
    ['2026-10-25T01:30', '2026-10-25T00:30:00.000Z'],
  ])('reads a typed bank time %s as the instant %s', (typed, iso) => {
    expect(bankWallTimeToIso(typed)).toBe(iso);
  });

  it('refuses an empty or unreadable typed time', () => {
    expect(bankWallTimeToIso('')).toBeNull();
    expect(bankWallTimeToIso('yesterday')).toBeNull();
  });
});

describe('formatEnum', () => {
  it('turns enum values into words', () => {
    expect(formatEnum('TERM_DEPOSIT')).toBe('Term deposit');
    expect(formatEnum('AGE_28_60')).toBe('Age 28-60');
    expect(formatEnum('OVER_60')).toBe('Over 60');
    expect(formatEnum(undefined)).toBe('');
  });
});
