import type { CardholderRecord, CardRecord, CardTransactionRecord } from '../dataset/records';

export type CardholderChanges = Partial<
  Pick<
    CardholderRecord,
    'nameOnCard' | 'birthDate' | 'email' | 'phone' | 'addressLine1' | 'addressLine2' | 'city' | 'postalCode' | 'country'
  >
>;
export type CardChanges = Partial<Pick<CardRecord, 'status' | 'product' | 'limitMinor' | 'balanceMinor'>>;

/**
 * The processor's database: cardholders and cards indexed by id in Maps, so a single-record
 * request costs a hash lookup whatever the population size.
 *
 * Edits never mutate the initial records: an edited cardholder is a copy kept in an overlay,
 * so `reset()` is clearing the overlay (cheap even for a million records, and no deep clone
 * of the population at start-up).
 */
export class CardholderStore {
  private readonly pristine = new Map<string, CardholderRecord>();
  private readonly cardOwner = new Map<string, string>();
  private overlay = new Map<string, CardholderRecord>();
  /** Newest-first transactions per card object; an edited card is a new object, so this never goes stale. */
  private readonly sortedTransactions = new WeakMap<CardRecord, CardTransactionRecord[]>();

  constructor(records: readonly CardholderRecord[]) {
    for (const record of records) {
      if (this.pristine.has(record.cardholderId)) continue; // first one wins, like a unique index
      this.pristine.set(record.cardholderId, record);
      for (const card of record.cards) this.cardOwner.set(card.cardId, record.cardholderId);
    }
  }

  get size(): number {
    return this.pristine.size;
  }

  cardholder(id: string): CardholderRecord | undefined {
    return this.overlay.get(id) ?? this.pristine.get(id);
  }

  card(cardId: string): { cardholder: CardholderRecord; card: CardRecord } | undefined {
    const ownerId = this.cardOwner.get(cardId);
    const cardholder = ownerId === undefined ? undefined : this.cardholder(ownerId);
    const card = cardholder?.cards.find((c) => c.cardId === cardId);
    return cardholder && card ? { cardholder, card } : undefined;
  }

  /** A card's transactions, newest first (ties broken by id, so pages are stable). */
  transactions(card: CardRecord): CardTransactionRecord[] {
    let sorted = this.sortedTransactions.get(card);
    if (!sorted) {
      sorted = [...card.transactions].sort((a, b) =>
        a.postedAt === b.postedAt ? compare(b.txnId, a.txnId) : compare(b.postedAt, a.postedAt),
      );
      this.sortedTransactions.set(card, sorted);
    }
    return sorted;
  }

  /** Every cardholder in load order, edits applied. */
  async *all(): AsyncGenerator<CardholderRecord> {
    for (const [id, record] of this.pristine) yield this.overlay.get(id) ?? record;
  }

  /** Applies changes to a cardholder; false when there is no such cardholder. */
  updateCardholder(id: string, changes: CardholderChanges, changedAt: string): boolean {
    const current = this.cardholder(id);
    if (!current) return false;
    this.overlay.set(id, { ...current, ...changes, changedAt });
    return true;
  }

  /** Applies changes to a card (the owner's changedAt moves too); false when there is no such card. */
  updateCard(cardId: string, changes: CardChanges, changedAt: string): boolean {
    const found = this.card(cardId);
    if (!found) return false;
    const cards = found.cardholder.cards.map((c) => (c.cardId === cardId ? { ...c, ...changes } : c));
    this.overlay.set(found.cardholder.cardholderId, { ...found.cardholder, cards, changedAt });
    return true;
  }

  reset(): void {
    this.overlay = new Map();
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
