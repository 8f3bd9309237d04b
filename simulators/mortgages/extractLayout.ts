/**
 * The servicing system's extract layout, as its file specification (PROTOCOL.md) states it: the
 * producer's own copy. The adapter reads the same files with its own (adapters/mortgages/), so a
 * misreading on either side shows as a failing golden or ingest test, not as agreement.
 */

/** The columns of a full extract, in order (header row). One row per loan and borrower. */
export const FULL_COLUMNS = [
  'LOAN_NO',
  'BORROWER_NO',
  'BORROWER_SEQ',
  'BORROWER_COUNT',
  'FORENAME',
  'SURNAME',
  'DATE_OF_BIRTH',
  'ADDR_LINE_1',
  'ADDR_LINE_2',
  'TOWN',
  'POSTCODE',
  'COUNTRY',
  'PHONE',
  'EMAIL',
  'BORROWER_UPDATED',
  'CCY',
  'BALANCE',
  'MONTHS_IN_ARREARS',
  'NEXT_DUE_DATE',
  'NEXT_DUE_AMOUNT',
  'RATE_TYPE',
  'MATURITY_DATE',
  'LOAN_STATUS',
  'LOAN_UPDATED',
] as const;

/** A delta row is a full row preceded by what happened to the loan. */
export const DELTA_COLUMNS = ['CHANGE_CODE', ...FULL_COLUMNS] as const;

/** CHANGE_CODE: N a new loan, C a changed loan (or borrower), X a closed loan. */
export const CHANGE_CODES = { NEW: 'N', CHANGED: 'C', CLOSED: 'X' } as const;
export type ChangeKind = keyof typeof CHANGE_CODES;

/** RATE_TYPE codes. */
export const RATE_TYPE_CODES = { FIXED: 'FXD', TRACKER: 'TRK', VARIABLE: 'SVR' } as const;

/** LOAN_STATUS codes. */
export const LOAN_STATUS_CODES = { OPEN: 'ACTIVE', CLOSED: 'REDEEMED' } as const;

export type ExtractKind = 'FULL' | 'DELTA';

/** `MORTGAGES_FULL_20261203.csv`: the data file's name for a kind and business date. */
export function dataFileName(kind: ExtractKind, businessDate: string): string {
  return `MORTGAGES_${kind}_${businessDate.replaceAll('-', '')}.csv`;
}

/** The manifest sits beside its data file: `<data file>.manifest`. */
export function manifestFileName(dataFile: string): string {
  return `${dataFile}.manifest`;
}
