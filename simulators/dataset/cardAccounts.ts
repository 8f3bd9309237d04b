/**
 * Credit cards with limit, balance and the last 90 days of card transactions. Each card has a
 * full, Luhn-valid test PAN (cardNumbers.ts), as a processor's database does: the cards
 * simulator serves it whole and the adapter masks it.
 */
import { testPan } from './cardNumbers';
import { cardIdFor } from './ids';
import type { Random } from './random';
import type { CardRecord, CardTransactionRecord } from './records';
import { AS_OF_MS, DAY_MS, MINUTE_MS, isoInstant, isoMonth } from './timeline';

/** Products and their BINs: card-network test prefixes, so no generated number is a real card's. */
const PRODUCTS: readonly (readonly [string, string])[] = [
  ['Classic Visa Credit', '400000'],
  ['Platinum Mastercard', '555555'],
  ['Rewards Visa', '424242'],
  ['Cashback Mastercard', '222300'],
  ['Travel Visa Signature', '401288'],
];

const MERCHANTS = ['AMAZON UK', 'TESCO', 'SAINSBURYS', 'PRET A MANGER', 'TRAINLINE', 'BOOTS', 'JOHN LEWIS', 'DELIVEROO', 'SHELL', 'BRITISH AIRWAYS', 'NETFLIX.COM', 'SPOTIFY', 'ARGOS', 'UBER'];

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
    // The account digits come from the card reference and the serial from the draw that once made
    // a masked number's last 4, so the rest of the population keeps its random stream.
    pan: testPan(bin, cardId.slice(-6), rng.digits(4).slice(0, 3)),
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
