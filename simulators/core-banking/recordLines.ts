/**
 * The simulator's records as the core-banking host's fixed-width lines, formatted with the
 * simulator's own copybook reader and record formatter (never the adapter's codec), from the
 * published copybooks. Text goes through the entry-screen folding of mainframeText.ts.
 */

import type { CoreBankingAccountRecord, CoreBankingCustomerRecord, CoreBankingTransactionRecord } from '../dataset/records';
import { currencyExponent } from '../kit/currencyExponent';
import { loadCopybook } from './copybookReader';
import { formatHostRecord } from './hostRecords';
import { toMainframeText } from './mainframeText';

export const CUSTREC = loadCopybook('CUSTREC');
export const ACCTREC = loadCopybook('ACCTREC');
export const TXNREC = loadCopybook('TXNREC');
export const CHGREC = loadCopybook('CHGREC');
export const TRLREC = loadCopybook('TRLREC');
export const ERRREC = loadCopybook('ERRREC');
export const CIFREQ = loadCopybook('CIFREQ');

/** The `88` level values of the copybooks. */
const ACCOUNT_TYPE: Record<CoreBankingAccountRecord['type'], string> = { CURRENT: 'CA', SAVINGS: 'SA', TERM_DEPOSIT: 'TD', LOAN: 'LN' };
const ACCOUNT_STATUS: Record<CoreBankingAccountRecord['status'], string> = { OPEN: 'O', CLOSED: 'C' };

/** The host keeps every amount with two decimals (`V99`), whatever the currency. */
function hostUnits(amountMinor: number, currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent > 2) throw new RangeError(`${currency} has more decimals than the host keeps`);
  return amountMinor * 10 ** (2 - exponent);
}

export function customerLine(record: CoreBankingCustomerRecord): string {
  return formatHostRecord(CUSTREC, {
    'CUST-CIF': record.cif,
    'CUST-STATUS': 'A',
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
  });
}

/** The inquiry program's answer for a CIF it does not hold: the key echoed, status `N`, rest blank. */
export function customerNotFoundLine(cif: string): string {
  return formatHostRecord(CUSTREC, { 'CUST-CIF': cif, 'CUST-STATUS': 'N' });
}

export function accountLine(cif: string, account: CoreBankingAccountRecord): string {
  return formatHostRecord(ACCTREC, {
    'ACCT-CIF': cif,
    'ACCT-NUMBER': account.accountNumber,
    'ACCT-TYPE': ACCOUNT_TYPE[account.type],
    'ACCT-CURRENCY': account.currency,
    'ACCT-BALANCE': hostUnits(account.balanceMinor, account.currency),
    'ACCT-OPEN-DATE': account.openedOn,
    'ACCT-STATUS': ACCOUNT_STATUS[account.status],
  });
}

export function transactionLine(accountNumber: string, currency: string, txn: CoreBankingTransactionRecord): string {
  return formatHostRecord(TXNREC, {
    'TXN-ACCT-NUMBER': accountNumber,
    'TXN-ID': toMainframeText(txn.txnId),
    'TXN-BOOK-DATE': txn.bookingDate,
    'TXN-AMOUNT': hostUnits(txn.amountMinor, currency),
    'TXN-CURRENCY': currency,
    'TXN-DESCRIPTION': toMainframeText(txn.description),
  });
}

export function changeLine(sequence: number, entity: string, localId: string, changedAt: string): string {
  return formatHostRecord(CHGREC, { 'CHG-SEQ': sequence, 'CHG-ENTITY': entity.toUpperCase(), 'CHG-LOCAL-ID': localId, 'CHG-CHANGED-TS': changedAt });
}

/** The trailer closing every successful answer: the count of records before it. */
export function trailerLine(recordCount: number, nextCursor = '0', createdAt: string = new Date().toISOString()): string {
  return formatHostRecord(TRLREC, { 'TRL-RECORD-COUNT': recordCount, 'TRL-NEXT-CURSOR': nextCursor, 'TRL-CREATED-TS': createdAt });
}

export function errorLine(code: string, resp: number, message: string): string {
  return formatHostRecord(ERRREC, { 'ERR-CODE': code, 'ERR-RESP': resp, 'ERR-MESSAGE': toMainframeText(message) });
}
