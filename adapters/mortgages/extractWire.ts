import { z } from 'zod/v4';

/*
 * The servicing system's files as its specification (simulators/mortgages/PROTOCOL.md) states them,
 * validated at the boundary: nothing unchecked reaches the store.
 */

/** The columns of a full extract, in order; a delta has CHANGE_CODE first. */
export const EXTRACT_COLUMNS = [
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
export const DELTA_EXTRA_COLUMN = 'CHANGE_CODE';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const manifestSchema = z
  .object({
    file: z.string().regex(/^MORTGAGES_(FULL|DELTA)_\d{8}\.csv$/),
    type: z.enum(['FULL', 'DELTA']),
    businessDate: isoDate,
    recordCount: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type DropManifest = z.infer<typeof manifestSchema>;

// Optional fields are one pattern that also takes '' rather than a union of '' and the value: a
// union tries '' first and builds an issue (and its message) for every row that has a value,
// which was most of a nightly file's decoding time (a million persons: 207,545 borrowers).
const fileDate = z.string().regex(/^\d{8}$/);
const optionalFileDate = z.string().regex(/^(\d{8})?$/);
const amount = z.string().regex(/^\d{1,13}\.\d{2}$/);
const optionalAmount = z.string().regex(/^(\d{1,13}\.\d{2})?$/);
const count = z.string().regex(/^\d{1,3}$/);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

/** One extract row (every field a string as read; '' for none). */
export const extractRowSchema = z.object({
  LOAN_NO: z.string().regex(/^ML\d{8}$/),
  BORROWER_NO: z.string().regex(/^MB\d{8}$/),
  BORROWER_SEQ: count,
  BORROWER_COUNT: count,
  FORENAME: z.string().max(100),
  SURNAME: z.string().min(1).max(100),
  DATE_OF_BIRTH: optionalFileDate,
  ADDR_LINE_1: z.string().max(200),
  ADDR_LINE_2: z.string().max(200),
  TOWN: z.string().max(100),
  POSTCODE: z.string().max(20),
  COUNTRY: z.string().regex(/^([A-Z]{2})?$/),
  PHONE: z.string().max(40),
  EMAIL: z.string().max(200),
  BORROWER_UPDATED: instant,
  CCY: z.string().regex(/^[A-Z]{3}$/),
  BALANCE: amount,
  MONTHS_IN_ARREARS: count,
  NEXT_DUE_DATE: optionalFileDate,
  NEXT_DUE_AMOUNT: optionalAmount,
  RATE_TYPE: z.enum(['FXD', 'TRK', 'SVR']),
  MATURITY_DATE: fileDate,
  LOAN_STATUS: z.enum(['ACTIVE', 'REDEEMED']),
  LOAN_UPDATED: instant,
});
export type ExtractRow = z.infer<typeof extractRowSchema>;

export const deltaRowSchema = extractRowSchema.extend({ CHANGE_CODE: z.enum(['N', 'C', 'X']) });
export type DeltaRow = z.infer<typeof deltaRowSchema>;
