/**
 * The one canonical model every adapter produces and every subgraph speaks.
 *
 * Rules that hold everywhere:
 * - Money is never a float: `amountMinor` is an integer count of the currency's minor unit
 *   (bigint-safe range is not needed for retail balances; values stay within Number.MAX_SAFE_INTEGER),
 *   and `currency` is an ISO 4217 code. Use `adapters/money.ts` to convert to decimal strings.
 * - Dates are ISO `YYYY-MM-DD`; instants are ISO 8601 UTC (`2026-11-27T08:00:00.000Z`).
 * - Card numbers only ever appear masked (BIN + last 4).
 * - A field a system does not hold is `null`, never an empty string.
 */

import { SYSTEM_NAMES, type SourceSystemName } from '../systems/registry';

/** The legacy systems of record, in registry order (systems/registry.ts is the one list). */
export const SOURCE_SYSTEMS = SYSTEM_NAMES;
export type SourceSystem = SourceSystemName;

export interface Money {
  /** Integer amount in the currency's minor unit (cents). */
  amountMinor: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface PostalAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

/** What one system of record says about a person, as one of its records. */
export interface SourceParty {
  system: SourceSystem;
  /** The record's key in its own system (CIF, cardholder id, partner id, contact id). */
  localId: string;
  givenName: string | null;
  familyName: string | null;
  /** The name exactly as the system holds it when it is not split (e.g. track-1 `SURNAME/GIVEN`). */
  rawName: string | null;
  birthDate: string | null;
  nationalId: string | null;
  /** Phone numbers as the system holds them (not normalised). */
  phones: string[];
  emails: string[];
  address: PostalAddress | null;
  /** When the system last changed this record (ISO instant). */
  changedAt: string | null;
  /** Declared yearly income, where the system holds one (core banking's KYC record). */
  yearlyIncome?: Money | null;
}

export const ACCOUNT_TYPES = ['CURRENT', 'SAVINGS', 'TERM_DEPOSIT', 'LOAN'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account {
  accountNumber: string;
  /** CIF of the owning core-banking customer. */
  cif: string;
  type: AccountType;
  /** Signed: a loan balance is negative (money owed to the bank). */
  balance: Money;
  openedOn: string | null;
  status: 'OPEN' | 'CLOSED';
}

export interface Transaction {
  id: string;
  accountNumber: string;
  bookedAt: string;
  /** Signed: debits negative. */
  amount: Money;
  description: string;
}

export interface Card {
  cardId: string;
  cardholderId: string;
  /** BIN + last 4, the middle masked: `411111******1234`. Never a full PAN. */
  maskedPan: string;
  product: string;
  creditLimit: Money;
  /** Amount currently owed on the card (positive). */
  balance: Money;
  status: 'ACTIVE' | 'BLOCKED' | 'EXPIRED';
  expiry: string;
}

export interface CardTransaction {
  id: string;
  cardId: string;
  postedAt: string;
  /** Positive for a purchase, negative for a refund or payment. */
  amount: Money;
  merchant: string;
}

export const DELIVERY_STATUSES = ['NOT_DELIVERED', 'PARTIALLY_DELIVERED', 'DELIVERED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const BILLING_STATUSES = ['NOT_BILLED', 'PARTIALLY_BILLED', 'BILLED'] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export interface SalesOrder {
  orderId: string;
  partnerId: string;
  createdAt: string;
  netValue: Money;
  deliveryStatus: DeliveryStatus;
  billingStatus: BillingStatus;
}

export const INTERACTION_CHANNELS = ['CALL', 'EMAIL', 'CHAT'] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export interface Interaction {
  id: string;
  contactId: string;
  channel: InteractionChannel;
  occurredAt: string;
  summary: string;
}

export interface Case {
  caseId: string;
  contactId: string;
  subject: string;
  status: 'OPEN' | 'CLOSED';
  openedAt: string;
  closedAt: string | null;
}

export interface Advisor {
  advisorId: string;
  name: string;
}

export interface AdvisorSlot {
  slotId: string;
  advisorId: string;
  start: string;
  end: string;
}

export interface Appointment {
  appointmentId: string;
  slotId: string;
  advisorId: string;
  contactId: string;
  start: string;
  end: string;
}

/** One entry of a system's change feed: this record changed at this time. */
export interface ChangeEvent {
  system: SourceSystem;
  /** Which kind of record changed (`party`, `account`, `card`, `order`, `case`, `slot`, ...). */
  entity: string;
  localId: string;
  changedAt: string;
}

/** A page of a change feed; pass `nextCursor` back to continue. */
export interface ChangePage {
  changes: ChangeEvent[];
  nextCursor: string;
}
