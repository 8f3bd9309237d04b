import { CardholderStore } from './cardholderStore';
import { cardholderId, cardId, makeCardholders } from './cardsTestRecords';

describe('CardholderStore', () => {
  it('finds cardholders and cards by id', () => {
    const store = new CardholderStore(makeCardholders(5));
    expect(store.size).toBe(5);
    expect(store.cardholder(cardholderId(3))?.nameOnCard).toBe('HOLDER3/ALEX J');
    expect(store.cardholder('CH99999999')).toBeUndefined();
    expect(store.card(cardId(1, 1))?.cardholder.cardholderId).toBe(cardholderId(1));
    expect(store.card('CRD999999999')).toBeUndefined();
  });

  it('keeps the first of two records with the same id, like a unique index', () => {
    const [a] = makeCardholders(1);
    const store = new CardholderStore([a, { ...a, nameOnCard: 'OTHER/X' }]);
    expect(store.cardholder(a.cardholderId)?.nameOnCard).toBe(a.nameOnCard);
  });

  it('orders transactions newest first with ties broken by id', () => {
    const store = new CardholderStore(makeCardholders(1, 6));
    const sorted = store.transactions(store.card(cardId(1, 1))!.card);
    const keys = sorted.map((t) => `${t.postedAt}|${t.txnId}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('applies edits without touching the initial records, and forgets them on reset', () => {
    const records = makeCardholders(3);
    const store = new CardholderStore(records);
    expect(store.updateCardholder(cardholderId(2), { email: 'x@example.test' }, '2026-11-27T08:00:00.000Z')).toBe(true);
    expect(store.updateCard(cardId(3, 0), { status: 'BLOCKED' }, '2026-11-27T08:00:00.000Z')).toBe(true);
    expect(store.cardholder(cardholderId(2))).toMatchObject({ email: 'x@example.test', changedAt: '2026-11-27T08:00:00.000Z' });
    expect(store.card(cardId(3, 0))?.card.status).toBe('BLOCKED');
    expect(records[1].email).toBe('holder2@example.test');
    expect(records[2].cards[0].status).toBe('ACTIVE');
    store.reset();
    expect(store.cardholder(cardholderId(2))?.email).toBe('holder2@example.test');
    expect(store.card(cardId(3, 0))?.card.status).toBe('ACTIVE');
  });

  it('refuses edits of unknown records', () => {
    const store = new CardholderStore(makeCardholders(1));
    expect(store.updateCardholder('CH99999999', { email: null }, '2026-11-27T08:00:00.000Z')).toBe(false);
    expect(store.updateCard('CRD999999999', { status: 'EXPIRED' }, '2026-11-27T08:00:00.000Z')).toBe(false);
  });

  it('iterates every cardholder with edits applied', async () => {
    const store = new CardholderStore(makeCardholders(3));
    store.updateCardholder(cardholderId(2), { city: 'York' }, '2026-11-27T08:00:00.000Z');
    const all = [];
    for await (const record of store.all()) all.push(record);
    expect(all.map((r) => r.city)).toEqual(['Leeds', 'York', 'Leeds']);
  });
});
