import { maskPan, redactPans } from '../../adapters/cards/panMask';
import type { WireCard, WireCardholder, WireCardTransaction } from '../../adapters/cards/cardsWireSchemas';
import type { CardholderRecord, CardRecord, CardTransactionRecord } from '../dataset/records';

/**
 * Dataset records -> the card processor's JSON resources (PROTOCOL.md): snake_case, integer
 * minor units, lower-case statuses, `object` tags. The types come from the adapter's zod
 * schemas so simulator and adapter cannot drift. This is the processor's dialect, deliberately
 * not the dataset's record shape nor the canonical model: mapping is the adapter's job.
 */
export type { WireCard, WireCardholder, WireCardTransaction };

export function toWireCardholder(record: CardholderRecord): WireCardholder {
  const hasAddress = [record.addressLine1, record.addressLine2, record.city, record.postalCode, record.country].some(
    (v) => v !== null,
  );
  return {
    object: 'cardholder',
    id: record.cardholderId,
    name_on_card: record.nameOnCard,
    birth_date: record.birthDate,
    email: record.email,
    phone_number: record.phone,
    billing_address: hasAddress
      ? {
          line1: record.addressLine1,
          line2: record.addressLine2,
          city: record.city,
          postal_code: record.postalCode,
          country: record.country,
        }
      : null,
    updated_at: record.changedAt,
  };
}

export function toWireCard(cardholderId: string, card: CardRecord): WireCard {
  // Masked again here: the processor's API contract is that a PAN never goes out whole,
  // whatever its own database holds.
  const masked = maskPan(card.maskedPan);
  const [year, month] = card.expiry.split('-');
  return {
    object: 'card',
    id: card.cardId,
    cardholder_id: cardholderId,
    masked_pan: masked,
    last4: masked.slice(-4),
    product: card.product,
    currency: card.currency,
    credit_limit: card.limitMinor,
    current_balance: card.balanceMinor,
    status: card.status.toLowerCase() as WireCard['status'],
    exp_month: Number(month),
    exp_year: Number(year),
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
    merchant: { name: redactPans(txn.merchant) },
  };
}
