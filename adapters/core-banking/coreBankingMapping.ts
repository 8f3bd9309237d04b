/**
 * Core-banking records -> the canonical model. Pure functions over validated wire records.
 *
 * The mainframe holds text upper case and blank-padded: a blank field is `null` in the canonical
 * model (it never became an empty string), names stay as the system holds them (matching
 * normalises case itself), and e-mail addresses are lower-cased because the mainframe's upper
 * case is an artefact of its character set, not part of the address.
 */

import type { Account, ChangeEvent, PostalAddress, SourceParty, Transaction } from '../canonical';
import { fieldUnitsToMinor } from './amountScale';
import { ACCOUNT_STATUS_CODES, ACCOUNT_TYPE_CODES, CUSTOMER_STATUS, reverse } from './coreBankingCodes';
import type { WireAccount, WireChange, WireCustomer, WireTransaction } from './coreBankingWire';

/** The implied scale of every amount field (`S9(13)V99`). */
const AMOUNT_SCALE = 2;
const ACCOUNT_TYPES = reverse(ACCOUNT_TYPE_CODES);
const ACCOUNT_STATUSES = reverse(ACCOUNT_STATUS_CODES);

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function toAddress(wire: WireCustomer): PostalAddress | null {
  const address: PostalAddress = {
    line1: orNull(wire['CUST-ADDR-LINE1']),
    line2: orNull(wire['CUST-ADDR-LINE2']),
    city: orNull(wire['CUST-CITY']),
    postalCode: orNull(wire['CUST-POSTAL-CODE']),
    // ISO 3166-1 alpha-2 or nothing: anything else typed into the field is not a country code.
    country: /^[A-Z]{2}$/.test(wire['CUST-COUNTRY']) ? wire['CUST-COUNTRY'] : null,
  };
  return Object.values(address).every((v) => v === null) ? null : address;
}

/** A customer record; `null` for the inquiry's not-found answer (status `N`). */
export function toSourceParty(wire: WireCustomer): SourceParty | null {
  if (wire['CUST-STATUS'] === CUSTOMER_STATUS.notFound) return null;
  const phone = orNull(wire['CUST-PHONE']);
  const email = orNull(wire['CUST-EMAIL']);
  return {
    system: 'CORE_BANKING',
    localId: wire['CUST-CIF'],
    givenName: orNull(wire['CUST-GIVEN-NAME']),
    familyName: orNull(wire['CUST-FAMILY-NAME']),
    rawName: null,
    birthDate: wire['CUST-BIRTH-DATE'],
    nationalId: orNull(wire['CUST-NATIONAL-ID']),
    phones: phone ? [phone] : [],
    emails: email ? [email.toLowerCase()] : [],
    address: toAddress(wire),
    changedAt: wire['CUST-CHANGED-TS'],
    // The mainframe keeps income in the bank's home currency; the indicator says whether it is known.
    yearlyIncome: wire['CUST-INCOME-IND'] === 'Y' ? { amountMinor: fieldUnitsToMinor(wire['CUST-INCOME'], 'GBP', AMOUNT_SCALE), currency: 'GBP' } : null,
  };
}

export function toAccount(wire: WireAccount): Account {
  const currency = wire['ACCT-CURRENCY'];
  return {
    accountNumber: wire['ACCT-NUMBER'],
    cif: wire['ACCT-CIF'],
    // The wire schema admits only known codes, so the lookups always succeed.
    type: ACCOUNT_TYPES.get(wire['ACCT-TYPE'])!,
    balance: { amountMinor: fieldUnitsToMinor(wire['ACCT-BALANCE'], currency, AMOUNT_SCALE), currency },
    openedOn: wire['ACCT-OPEN-DATE'],
    status: ACCOUNT_STATUSES.get(wire['ACCT-STATUS'])!,
  };
}

export function toTransaction(wire: WireTransaction): Transaction {
  const currency = wire['TXN-CURRENCY'];
  return {
    id: wire['TXN-ID'],
    accountNumber: wire['TXN-ACCT-NUMBER'],
    bookedAt: wire['TXN-BOOK-DATE'],
    amount: { amountMinor: fieldUnitsToMinor(wire['TXN-AMOUNT'], currency, AMOUNT_SCALE), currency },
    description: wire['TXN-DESCRIPTION'],
  };
}

export function toChangeEvent(wire: WireChange): ChangeEvent {
  return {
    system: 'CORE_BANKING',
    entity: wire['CHG-ENTITY'].toLowerCase(),
    localId: wire['CHG-LOCAL-ID'],
    changedAt: wire['CHG-CHANGED-TS'],
  };
}
