import { testPan } from '../dataset/cardNumbers';
import type { CardholderRecord, CardRecord, CardTransactionRecord } from '../dataset/records';

/**
 * A small, deterministic cards population for tests (simulator and adapter contract tests).
 * Cardholder i is `CH` + i padded to 8 digits; its cards are `CRD` + (i*10 + k) padded to 9, with
 * the full PAN `411111` + (i*10 + k) padded to 6 + `000` + the Luhn digit (card 1/0: 4111110000100003).
 */
export function cardholderId(i: number): string {
  return `CH${String(i).padStart(8, '0')}`;
}

export function cardId(i: number, k: number): string {
  return `CRD${String(i * 10 + k).padStart(9, '0')}`;
}

function transactions(card: string, count: number): CardTransactionRecord[] {
  return Array.from({ length: count }, (_, t) => ({
    txnId: `${card}-T${String(t).padStart(4, '0')}`,
    // Two transactions share each instant, so ordering must break ties deterministically.
    postedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(t / 2) * 3_600_000).toISOString(),
    amountMinor: t % 5 === 0 ? -(t * 100 + 1) : t * 100 + 99,
    merchant: `MERCHANT ${t % 7}`,
  }));
}

function card(i: number, k: number, txnCount: number): CardRecord {
  const id = cardId(i, k);
  return {
    cardId: id,
    pan: testPan('411111', String(i * 10 + k).padStart(6, '0'), '000'),
    product: k === 0 ? 'VISA CLASSIC' : 'VISA GOLD',
    currency: 'GBP',
    limitMinor: 500_000,
    balanceMinor: 12_345 + i,
    status: 'ACTIVE',
    expiry: '2028-09',
    transactions: transactions(id, txnCount),
  };
}

/**
 * `count` cardholders; cardholder 1 has a second card with `manyTransactions` transactions.
 * Cardholder 2 has no address and no birth date (the system's missing fields).
 */
export function makeCardholders(count: number, manyTransactions = 57): CardholderRecord[] {
  return Array.from({ length: count }, (_, idx) => {
    const i = idx + 1;
    const sparse = i === 2;
    return {
      cardholderId: cardholderId(i),
      nameOnCard: `HOLDER${i}/ALEX J`,
      birthDate: sparse ? null : '1980-02-29',
      email: `holder${i}@example.test`,
      phone: '07700 900123',
      addressLine1: sparse ? null : `${i} High Street`,
      addressLine2: null,
      city: sparse ? null : 'Leeds',
      postalCode: sparse ? null : 'LS1 1AA',
      country: sparse ? null : 'GB',
      changedAt: '2026-10-01T09:00:00.000Z',
      cards: i === 1 ? [card(i, 0, 3), card(i, 1, manyTransactions)] : [card(i, 0, 2)],
    };
  });
}
