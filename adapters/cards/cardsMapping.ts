import type { Card, CardTransaction, ChangeEvent, SourceParty } from '../canonical';
import type { WireCard, WireCardholder, WireCardTransaction, WireEvent } from './cardsWireSchemas';
import { maskPan, redactPans } from './panMask';
import { splitTrackOneName } from './trackOneName';

/**
 * The processor's validated resources -> the canonical model. Pure functions.
 * Every string that could carry a card number goes through the PAN masks again: a masking
 * bug upstream must not leak past the adapter.
 */

/** Empty strings mean "not held" on the wire as often as null does; canonical says null. */
function present(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function toSourceParty(wire: WireCardholder): SourceParty {
  const rawName = present(wire.name_on_card);
  const { givenName, familyName } = rawName ? splitTrackOneName(rawName) : { givenName: null, familyName: null };
  const phone = present(wire.phone_number);
  const email = present(wire.email);
  const a = wire.billing_address;
  const address = a && {
    line1: present(a.line1),
    line2: present(a.line2),
    city: present(a.city),
    postalCode: present(a.postal_code),
    country: present(a.country),
  };
  return {
    system: 'CARDS',
    localId: wire.id,
    givenName,
    familyName,
    rawName,
    birthDate: wire.birth_date,
    // The card processor does not hold a national id.
    nationalId: null,
    phones: phone ? [phone] : [],
    emails: email ? [email] : [],
    address: address && Object.values(address).some((v) => v !== null) ? address : null,
    changedAt: wire.updated_at,
  };
}

export function toCard(wire: WireCard): Card {
  return {
    cardId: wire.id,
    cardholderId: wire.cardholder_id,
    maskedPan: maskPan(wire.pan),
    product: redactPans(wire.product),
    creditLimit: { amountMinor: wire.credit_limit, currency: wire.currency },
    balance: { amountMinor: wire.current_balance, currency: wire.currency },
    status: wire.status === 'active' ? 'ACTIVE' : wire.status === 'blocked' ? 'BLOCKED' : 'EXPIRED',
    expiry: `${wire.exp_year}-${String(wire.exp_month).padStart(2, '0')}`,
  };
}

export function toCardTransaction(wire: WireCardTransaction): CardTransaction {
  return {
    id: wire.id,
    cardId: wire.card_id,
    postedAt: wire.posted_at,
    amount: { amountMinor: wire.amount, currency: wire.currency },
    merchant: redactPans(wire.merchant.name),
  };
}

export function toChangeEvent(wire: WireEvent): ChangeEvent {
  return { system: 'CARDS', entity: wire.entity, localId: wire.local_id, changedAt: wire.created_at };
}
