/**
 * Formats the simulator's records as the core-banking system's fixed-width lines, through the
 * same copybook layouts and codec the adapter parses them with.
 */

import type { CoreBankingAccountRecord, CoreBankingCustomerRecord, CoreBankingTransactionRecord } from '../dataset/records';
import { encodeRecord } from '../../adapters/core-banking/copybookCodec';
import { ACCTREC, CUSTREC, ERRREC, TXNREC } from '../../adapters/core-banking/coreBankingCopybooks';
import { ACCOUNT_STATUS_CODES, ACCOUNT_TYPE_CODES, CUSTOMER_STATUS } from '../../adapters/core-banking/coreBankingCodes';
import { minorToFieldUnits } from '../../adapters/core-banking/amountScale';
import { toMainframeText } from './mainframeText';

const AMOUNT_SCALE = 2;
// Text longer than its field is cut, as the entry screen would have done.
const ENTRY_SCREEN = { truncateText: true };

export function customerLine(record: CoreBankingCustomerRecord): string {
  return encodeRecord(
    CUSTREC,
    {
      'CUST-CIF': record.cif,
      'CUST-STATUS': CUSTOMER_STATUS.active,
      'CUST-GIVEN-NAME': toMainframeText(record.givenName),
      'CUST-FAMILY-NAME': toMainframeText(record.familyName),
      'CUST-BIRTH-DATE': record.birthDate,
      'CUST-NATIONAL-ID': toMainframeText(record.nationalId),
      'CUST-ADDR-LINE1': toMainframeText(record.addressLine1),
      'CUST-ADDR-LINE2': toMainframeText(record.addressLine2),
      'CUST-CITY': toMainframeText(record.city),
      'CUST-POSTAL-CODE': toMainframeText(record.postalCode),
      'CUST-COUNTRY': toMainframeText(record.country),
      'CUST-PHONE': toMainframeText(record.phone),
      'CUST-EMAIL': toMainframeText(record.email),
      'CUST-INCOME-IND': record.incomeMinor === null ? 'N' : 'Y',
      'CUST-INCOME': record.incomeMinor ?? 0,
      'CUST-CHANGED-TS': record.changedAt,
    },
    ENTRY_SCREEN,
  );
}

/** The inquiry program's answer for a CIF it does not hold: the key echoed, status `N`, rest blank. */
export function customerNotFoundLine(cif: string): string {
  return encodeRecord(CUSTREC, { 'CUST-CIF': cif, 'CUST-STATUS': CUSTOMER_STATUS.notFound });
}

export function accountLine(cif: string, account: CoreBankingAccountRecord): string {
  return encodeRecord(
    ACCTREC,
    {
      'ACCT-CIF': cif,
      'ACCT-NUMBER': account.accountNumber,
      'ACCT-TYPE': ACCOUNT_TYPE_CODES[account.type],
      'ACCT-CURRENCY': account.currency,
      'ACCT-BALANCE': minorToFieldUnits(account.balanceMinor, account.currency, AMOUNT_SCALE),
      'ACCT-OPEN-DATE': account.openedOn,
      'ACCT-STATUS': ACCOUNT_STATUS_CODES[account.status],
    },
    ENTRY_SCREEN,
  );
}

export function transactionLine(accountNumber: string, currency: string, txn: CoreBankingTransactionRecord): string {
  return encodeRecord(
    TXNREC,
    {
      'TXN-ACCT-NUMBER': accountNumber,
      'TXN-ID': toMainframeText(txn.txnId),
      'TXN-BOOK-DATE': txn.bookingDate,
      'TXN-AMOUNT': minorToFieldUnits(txn.amountMinor, currency, AMOUNT_SCALE),
      'TXN-CURRENCY': currency,
      'TXN-DESCRIPTION': toMainframeText(txn.description),
    },
    ENTRY_SCREEN,
  );
}

export function errorLine(code: string, resp: number, message: string): string {
  return encodeRecord(ERRREC, { 'ERR-CODE': code, 'ERR-RESP': resp, 'ERR-MESSAGE': toMainframeText(message) }, ENTRY_SCREEN);
}
