/**
 * Credit cards with limit, balance and the last 90 days of card transactions. Only the masked
 * PAN (BIN + six asterisks + last 4) is ever produced: no full card number exists to leak.
 */
import { cardIdFor } from './ids';
import type { Random } from './random';
import type { CardRecord, CardTransactionRecord } from './records';
import { AS_OF_MS, DAY_MS, MINUTE_MS, isoInstant, isoMonth } from './timeline';

const PRODUCTS: readonly (readonly [string, string])[] = [
  ['Classic Visa Credit', '454313'],
  ['Platinum Mastercard', '535522'],
  ['Rewards Visa', '492181'],
  ['Cashback Mastercard', '552213'],
  ['Travel Visa Signature', '475131'],
];

const MERCHANTS = ['AMAZON UK', 'TESCO', 'SAINSBURYS', 'PRET A MANGER', 'TRAINLINE', 'BOOTS', 'JOHN LEWIS', 'DELIVEROO', 'SHELL', 'BRITISH AIRWAYS', 'NETFLIX.COM', 'SPOTIFY', 'ARGOS', 'UBER'];

/** `454313******1234`: 16 characters, 10 digits at most, never a PAN. */
export function maskPan(bin: string, last4: string): string {
  if (!/^\d{6}$/.test(bin) || !/^\d{4}$/.test(last4)) throw new RangeError('BIN must be 6 digits and last4 4 digits');
  return `${bin}******${last4}`;
}

function cardFor(cardId: string, rng: Random): CardRecord {
  const [product, bin] = rng.pick(PRODUCTS);
  const status = rng.weighted<CardRecord['status']>([['ACTIVE', 90], ['BLOCKED', 3], ['EXPIRED', 7]]);
  const expiryMs = status === 'EXPIRED' ? AS_OF_MS - rng.int(30, 700) * DAY_MS : AS_OF_MS + rng.int(60, 5 * 365) * DAY_MS;
  const limitMinor = rng.int(5, 200) * 10_000;
  const transactions: CardTransactionRecord[] = [];
  const count = status === 'EXPIRED' ? 0 : rng.int(2, 8);
  const stamps: number[] = [];
  for (let k = 0; k < count; k++) stamps.push(AS_OF_MS - rng.int(1, 90 * 24 * 60) * MINUTE_MS);
  stamps.sort((a, b) => b - a);
  for (let k = 0; k < count; k++) {
    const refund = rng.chance(0.05);
    transactions.push({
      txnId: `${cardId}-${k + 1}`,
      postedAt: isoInstant(stamps[k]),
      amountMinor: refund ? -rng.int(500, 20_000) : rng.int(150, 60_000),
      merchant: rng.pick(MERCHANTS),
    });
  }
  return {
    cardId,
    maskedPan: maskPan(bin, rng.digits(4)),
    product,
    currency: 'GBP',
    limitMinor,
    balanceMinor: status === 'EXPIRED' ? 0 : rng.int(0, limitMinor),
    status,
    expiry: isoMonth(expiryMs),
    transactions,
  };
}

export function generateCards(person: number, dup: number, rng: Random, isDuplicate: boolean): CardRecord[] {
  const count = isDuplicate ? 1 : rng.weighted([[1, 70], [2, 25], [3, 5]]);
  const cards: CardRecord[] = [];
  for (let k = 0; k < count; k++) cards.push(cardFor(cardIdFor(person, dup, k), rng));
  return cards;
}
