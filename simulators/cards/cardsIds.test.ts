import { CARD_ID, CARDHOLDER_ID, parseIdList, parseLimit } from './cardsIds';

describe('parseIdList', () => {
  it('accepts up to 100 well-formed ids and collapses duplicates', () => {
    expect(parseIdList('CH00000001,CH00000002,CH00000001', CARDHOLDER_ID, 'ids')).toEqual({
      ok: true,
      ids: ['CH00000001', 'CH00000002'],
    });
    const hundred = Array.from({ length: 100 }, (_, i) => `CH${String(i).padStart(8, '0')}`).join(',');
    expect(parseIdList(hundred, CARDHOLDER_ID, 'ids').ok).toBe(true);
  });

  it('refuses more than 100, none, or a malformed one', () => {
    const many = Array.from({ length: 101 }, (_, i) => `CH${String(i).padStart(8, '0')}`).join(',');
    expect(parseIdList(many, CARDHOLDER_ID, 'ids').ok).toBe(false);
    expect(parseIdList(null, CARDHOLDER_ID, 'ids').ok).toBe(false);
    expect(parseIdList('', CARDHOLDER_ID, 'ids').ok).toBe(false);
    expect(parseIdList('CH1', CARDHOLDER_ID, 'ids').ok).toBe(false);
    expect(parseIdList('CRD000000001', CARD_ID, 'ids').ok).toBe(true);
  });
});

describe('parseLimit', () => {
  it('defaults, accepts the range, refuses the rest', () => {
    expect(parseLimit(null, 25, 100)).toEqual({ ok: true, limit: 25 });
    expect(parseLimit('100', 25, 100)).toEqual({ ok: true, limit: 100 });
    for (const bad of ['0', '101', '-1', 'ten', '1.5', '']) expect(parseLimit(bad, 25, 100).ok).toBe(false);
  });
});
