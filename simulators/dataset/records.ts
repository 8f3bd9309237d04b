/**
 * The records the population generator writes and the simulators serve.
 *
 * One JSON object per line in `<out>/<file>`: the generator is the only writer, the simulators
 * and tests the readers. Each system's record is shaped like that system's own master data
 * (what its database would hold), not like the canonical model: turning these into the
 * canonical model is the adapters' job, through each system's wire dialect.
 *
 * Amounts are integer minor units (cents); dates `YYYY-MM-DD`; instants ISO 8601 UTC.
 * Any field may be `null` where the system lacks it (the generator's "missing fields" noise).
 */

export const DATASET_FILES = {
  truth: 'truth.jsonl',
  coreBanking: 'core-banking.jsonl',
  cards: 'cards.jsonl',
  erp: 'erp.jsonl',
  callCenter: 'call-center.jsonl',
  mortgages: 'mortgages.jsonl',
  advisors: 'advisors.jsonl',
  manifest: 'manifest.json',
} as const;

export interface TrueAddress {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  country: string;
}

/** truth.jsonl: one line per person, the ground truth the noise was applied to. */
export interface TruePerson {
  personId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  nationalId: string;
  /** Current email and mobile (E.164), the values the most recent system holds. */
  email: string;
  mobilePhone: string;
  address: TrueAddress;
  /** Yearly income in minor units (used by segmentation). */
  incomeMinor: number;
  /** Every source key that belongs to this person (several in one system for duplicates). */
  keys: { cifs: string[]; cardholderIds: string[]; partnerIds: string[]; contactIds: string[]; borrowerIds: string[] };
}

// ---------------------------------------------------------------- core banking

export interface CoreBankingTransactionRecord {
  txnId: string;
  /** YYYY-MM-DD */
  bookingDate: string;
  amountMinor: number;
  description: string;
}

export interface CoreBankingAccountRecord {
  /** 12 digits. */
  accountNumber: string;
  type: 'CURRENT' | 'SAVINGS' | 'TERM_DEPOSIT' | 'LOAN';
  currency: string;
  /** Signed; loans negative. */
  balanceMinor: number;
  openedOn: string;
  status: 'OPEN' | 'CLOSED';
  transactions: CoreBankingTransactionRecord[];
}

/** core-banking.jsonl: one KYC'd customer record (CIF) per line. */
export interface CoreBankingCustomerRecord {
  /** 10 digits. */
  cif: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  nationalId: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  incomeMinor: number | null;
  /** ISO instant of the last change. */
  changedAt: string;
  accounts: CoreBankingAccountRecord[];
}

// ---------------------------------------------------------------- cards

export interface CardTransactionRecord {
  txnId: string;
  postedAt: string;
  amountMinor: number;
  merchant: string;
}

export interface CardRecord {
  cardId: string;
  /** The full card number (16 digits, Luhn-valid, a test BIN), as the processor holds it. */
  pan: string;
  product: string;
  currency: string;
  limitMinor: number;
  balanceMinor: number;
  status: 'ACTIVE' | 'BLOCKED' | 'EXPIRED';
  /** YYYY-MM */
  expiry: string;
  transactions: CardTransactionRecord[];
}

/** cards.jsonl: one cardholder per line. */
export interface CardholderRecord {
  /** `CH` + 8 digits. */
  cardholderId: string;
  /** ISO 7813 track-1 style: `SURNAME/GIVEN`, upper case, at most 26 characters. */
  nameOnCard: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  changedAt: string;
  cards: CardRecord[];
}

// ---------------------------------------------------------------- ERP

export interface SalesOrderRecord {
  /** 10 digits. */
  orderId: string;
  createdAt: string;
  netAmountMinor: number;
  currency: string;
  /** SAP overall delivery status: A not delivered, B partially, C fully. */
  deliveryStatus: 'A' | 'B' | 'C';
  /** SAP overall billing status: A not billed, B partially, C fully. */
  billingStatus: 'A' | 'B' | 'C';
}

/** erp.jsonl: one business partner (a person) per line. */
export interface BusinessPartnerRecord {
  /** 10 digits, SAP style, starting with 1. */
  partnerId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  changedAt: string;
  orders: SalesOrderRecord[];
}

// ---------------------------------------------------------------- call center

export interface InteractionRecord {
  interactionId: string;
  channel: 'CALL' | 'EMAIL' | 'CHAT';
  occurredAt: string;
  summary: string;
}

export interface CaseRecord {
  caseId: string;
  subject: string;
  /** Complaint cases. */
  status: 'OPEN' | 'CLOSED';
  openedAt: string;
  closedAt: string | null;
}

/** call-center.jsonl: one contact per line, keyed by phone in the call center's UI. */
export interface ContactRecord {
  /** `C` + 9 digits. */
  contactId: string;
  firstName: string | null;
  lastName: string | null;
  /** As typed by agents: national or E.164, with or without separators. */
  phone: string;
  email: string | null;
  /** Relationship manager assigned to the contact. */
  advisorId: string | null;
  changedAt: string;
  interactions: InteractionRecord[];
  cases: CaseRecord[];
}

export interface AdvisorSlotRecord {
  slotId: string;
  start: string;
  end: string;
}

/** advisors.jsonl: relationship managers with their calendar of free slots. */
export interface AdvisorRecord {
  /** `A` + 4 digits. */
  advisorId: string;
  name: string;
  slots: AdvisorSlotRecord[];
}

/** manifest.json: what was generated, for tools and tests. */
export interface DatasetManifest {
  seed: number;
  persons: number;
  noise: 'default' | 'harsh';
  counts: Record<string, number>;
  /** The instant the population's timeline ends at ("now" for the simulators). */
  asOf: string;
  /** Version of the generator that wrote the files (same options, other version: other bytes). */
  generatorVersion?: number;
}

// ---------------------------------------------------------------- mortgage servicing

/** A mortgage loan as the servicing system holds it. */
export interface MortgageLoanRecord {
  /** `ML` + 8 digits. */
  loanId: string;
  /** Its borrowers, the primary (first-named) borrower first; two for a joint loan. */
  borrowerIds: string[];
  currency: string;
  /** Outstanding principal (positive); for a closed loan, what it was when it was redeemed. */
  balanceMinor: number;
  /** The scheduled monthly payment. */
  monthlyPaymentMinor: number;
  /** Day of the month payments are due (1 to 28). */
  paymentDay: number;
  rateType: 'FIXED' | 'TRACKER' | 'VARIABLE';
  /** YYYY-MM-DD */
  maturityDate: string;
  /** Monthly payments currently missed (0: up to date). */
  missedPayments: number;
  status: 'OPEN' | 'CLOSED';
  changedAt: string;
}

/**
 * mortgages.jsonl: one borrower per line, with the loans this borrower is the primary borrower
 * of (a joint loan is held once, by its primary borrower, and names both borrowers).
 */
export interface MortgageBorrowerRecord {
  /** `MB` + 8 digits. */
  borrowerId: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  changedAt: string;
  loans: MortgageLoanRecord[];
}
