import type { CardholderRecord, CardRecord, CardTransactionRecord } from '../dataset/records';

/**
 * Dataset records -> the card processor's JSON resources (PROTOCOL.md): snake_case, integer
 * minor units, lower-case statuses, `object` tags. The shapes are written here from the
 * protocol, not taken from the adapter's schemas: the adapter validates what this sends with
 * its own code, so a field the two read differently fails a contract test.
 *
 * Like a real issuer processor's API and nightly file, this serves full card numbers (`pan`):
 * masking them is the adapter's job (docs/architecture.md: a PAN never leaves an adapter unmasked).
 */

export interface WireAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  postal_code: string | null;
  country: string | null;
}

export interface WireCardholder {
  object: 'cardholder';
  id: string;
  name_on_card: string;
  birth_date: string | null;
  email: string | null;
  phone_number: string | null;
  billing_address: WireAddress | null;
  updated_at: string;
}

export interface WireCard {
  object: 'card';
  id: string;
  cardholder_id: string;
  /** The full primary account number, as the processor holds it. */
  pan: string;
  last4: string;
  product: string;
  currency: string;
  credit_limit: number;
  current_balance: number;
  status: 'active' | 'blocked' | 'expired';
  exp_month: number;
  exp_year: number;
}

/** A card as the nightly cardholder file lists it under its owner. */
export interface WireExtractCard {
  id: string;
  pan: string;
  exp_month: number;
  exp_year: number;
  status: WireCard['status'];
}

/** One line of the nightly cardholder file: the cardholder and the cards it holds. */
export interface WireExtractCardholder extends WireCardholder {
  cards: WireExtractCard[];
}

export interface WireCardTransaction {
  object: 'card_transaction';
  id: string;
  card_id: string;
  posted_at: string;
  amount: number;
  currency: string;
  merchant: { name: string };
}

const STATUS: Record<CardRecord['status'], WireCard['status']> = { ACTIVE: 'active', BLOCKED: 'blocked', EXPIRED: 'expired' };

export function toWireCardholder(record: CardholderRecord): WireCardholder {
  const hasAddress = [record.addressLine1, record.addressLine2, record.city, record.postalCode, record.country].some((v) => v !== null);
  return {
    object: 'cardholder',
    id: record.cardholderId,
    name_on_card: record.nameOnCard,
    birth_date: record.birthDate,
    email: record.email,
    phone_number: record.phone,
    billing_address: hasAddress
      ? { line1: record.addressLine1, line2: record.addressLine2, city: record.city, postal_code: record.postalCode, country: record.country }
      : null,
    updated_at: record.changedAt,
  };
}

function expiryOf(card: CardRecord): { exp_month: number; exp_year: number } {
  const [year, month] = card.expiry.split('-');
  return { exp_month: Number(month), exp_year: Number(year) };
}

export function toWireCard(cardholderId: string, card: CardRecord): WireCard {
  return {
    object: 'card',
    id: card.cardId,
    cardholder_id: cardholderId,
    pan: card.pan,
    last4: card.pan.slice(-4),
    product: card.product,
    currency: card.currency,
    credit_limit: card.limitMinor,
    current_balance: card.balanceMinor,
    status: STATUS[card.status],
    ...expiryOf(card),
  };
}

export function toWireExtractCardholder(record: CardholderRecord): WireExtractCardholder {
  return {
    ...toWireCardholder(record),
    cards: record.cards.map((card) => ({ id: card.cardId, pan: card.pan, ...expiryOf(card), status: STATUS[card.status] })),
  };
}

export function toWireTransaction(card: CardRecord, txn: CardTransactionRecord): WireCardTransaction {
  return {
    object: 'card_transaction',
    id: txn.txnId,
    card_id: card.cardId,
    posted_at: txn.postedAt,
    amount: txn.amountMinor,
    currency: card.currency,
    merchant: { name: txn.merchant },
  };
}
