import type { MortgageBorrowerRecord, MortgageLoanRecord } from '../dataset/records';
import { FULL_COLUMNS, LOAN_STATUS_CODES, RATE_TYPE_CODES } from './extractLayout';
import { nextPaymentDate } from './nextPaymentDate';

/** One extract row: a value (or '' for none) per column of FULL_COLUMNS. */
export type ExtractRow = Record<(typeof FULL_COLUMNS)[number], string>;

/** A loan with its borrowers' records, in borrower order (the primary borrower first). */
export interface ServicedLoan {
  loan: MortgageLoanRecord;
  borrowers: MortgageBorrowerRecord[];
}

/** `12345678` minor units -> `123456.78` (the file's amounts are decimal strings in major units). */
export function decimalAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `2026-12-03` -> `20261203` (the file's dates). */
export function fileDate(iso: string): string {
  return iso.replaceAll('-', '');
}

/** An ISO instant to the file's `YYYY-MM-DDTHH:MM:SSZ` (the system keeps whole seconds). */
function fileInstant(iso: string): string {
  return iso.slice(0, 19) + 'Z';
}

/** Every loan of the population with its borrowers' records, in loan number order. */
export function servicedLoans(borrowers: readonly MortgageBorrowerRecord[]): ServicedLoan[] {
  const byId = new Map(borrowers.map((b) => [b.borrowerId, b]));
  const loans: ServicedLoan[] = [];
  for (const borrower of borrowers) {
    for (const loan of borrower.loans) {
      const parties = loan.borrowerIds.map((id) => byId.get(id)).filter((b): b is MortgageBorrowerRecord => b !== undefined);
      loans.push({ loan, borrowers: parties });
    }
  }
  return loans.sort((a, b) => a.loan.loanId.localeCompare(b.loan.loanId));
}

/** The rows of one loan as of `businessDate`: one per borrower. */
export function loanRows(serviced: ServicedLoan, businessDate: string): ExtractRow[] {
  const { loan } = serviced;
  const open = loan.status === 'OPEN';
  return serviced.borrowers.map((b, i) => ({
    LOAN_NO: loan.loanId,
    BORROWER_NO: b.borrowerId,
    BORROWER_SEQ: String(i + 1),
    BORROWER_COUNT: String(serviced.borrowers.length),
    FORENAME: b.givenName,
    SURNAME: b.familyName,
    DATE_OF_BIRTH: b.birthDate ? fileDate(b.birthDate) : '',
    ADDR_LINE_1: b.addressLine1 ?? '',
    ADDR_LINE_2: b.addressLine2 ?? '',
    TOWN: b.city ?? '',
    POSTCODE: b.postalCode ?? '',
    COUNTRY: b.country ?? '',
    PHONE: b.phone ?? '',
    EMAIL: b.email ?? '',
    BORROWER_UPDATED: fileInstant(b.changedAt),
    CCY: loan.currency,
    BALANCE: decimalAmount(open ? loan.balanceMinor : 0),
    MONTHS_IN_ARREARS: String(open ? loan.missedPayments : 0),
    NEXT_DUE_DATE: open ? fileDate(nextPaymentDate(businessDate, loan.paymentDay)) : '',
    NEXT_DUE_AMOUNT: open ? decimalAmount(loan.monthlyPaymentMinor * (1 + loan.missedPayments)) : '',
    RATE_TYPE: RATE_TYPE_CODES[loan.rateType],
    MATURITY_DATE: fileDate(loan.maturityDate),
    LOAN_STATUS: LOAN_STATUS_CODES[loan.status],
    LOAN_UPDATED: fileInstant(loan.changedAt),
  }));
}
