/**
 * What a decoded core-banking record must look like before it is mapped. The codec already
 * guarantees each field's kind (digits, dates, amounts); these schemas add the code values
 * and keys, so a record that parses but makes no sense is an UpstreamProtocolError at the
 * boundary rather than an `undefined` deep inside the graph.
 */

import { z } from 'zod/v4';
import { ACCOUNT_NUMBER_PATTERN, CIF_PATTERN } from './coreBankingCopybooks';
import { isCalendarDate } from './copybookCodec';

const isoShape = /^\d{4}-\d{2}-\d{2}$/;
/** A date the host system set itself (opening, booking): anything but a calendar date is a broken record. */
const date = z.string().regex(isoShape).refine((iso) => isCalendarDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))), 'not a calendar date');
/**
 * A date keyed by a person at a branch (a birth date): the screen never checked it, so 2006-13-04
 * is real data. It is passed on as held; the golden profile marks it NOT_A_DATE and the matcher
 * reads it as a keying error, rather than the whole record (or extract) being refused.
 */
const keyedDate = z.string().regex(isoShape);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

export const wireCustomerSchema = z.object({
  'CUST-REC-TYPE': z.literal('CU'),
  'CUST-CIF': z.string().regex(CIF_PATTERN),
  'CUST-STATUS': z.enum(['A', 'N']),
  'CUST-GIVEN-NAME': z.string(),
  'CUST-FAMILY-NAME': z.string(),
  'CUST-BIRTH-DATE': keyedDate.nullable(),
  'CUST-NATIONAL-ID': z.string(),
  'CUST-ADDR-LINE1': z.string(),
  'CUST-ADDR-LINE2': z.string(),
  'CUST-CITY': z.string(),
  'CUST-POSTAL-CODE': z.string(),
  // Free text typed on a screen: a junk country must not fail the whole batch (mapping drops it).
  'CUST-COUNTRY': z.string(),
  'CUST-PHONE': z.string(),
  'CUST-EMAIL': z.string(),
  'CUST-INCOME-IND': z.enum(['Y', 'N', '']),
  'CUST-INCOME': z.number().int(),
  'CUST-CHANGED-TS': instant.nullable(),
});
export type WireCustomer = z.infer<typeof wireCustomerSchema>;

export const wireAccountSchema = z.object({
  'ACCT-REC-TYPE': z.literal('AC'),
  'ACCT-CIF': z.string().regex(CIF_PATTERN),
  'ACCT-NUMBER': z.string().regex(ACCOUNT_NUMBER_PATTERN),
  'ACCT-TYPE': z.enum(['CA', 'SA', 'TD', 'LN']),
  'ACCT-CURRENCY': z.string().regex(/^[A-Z]{3}$/),
  'ACCT-BALANCE': z.number().int(),
  'ACCT-OPEN-DATE': date.nullable(),
  'ACCT-STATUS': z.enum(['O', 'C']),
});
export type WireAccount = z.infer<typeof wireAccountSchema>;

export const wireTransactionSchema = z.object({
  'TXN-REC-TYPE': z.literal('TX'),
  'TXN-ACCT-NUMBER': z.string().regex(ACCOUNT_NUMBER_PATTERN),
  'TXN-ID': z.string().min(1),
  'TXN-BOOK-DATE': date,
  'TXN-AMOUNT': z.number().int(),
  'TXN-CURRENCY': z.string().regex(/^[A-Z]{3}$/),
  'TXN-DESCRIPTION': z.string(),
});
export type WireTransaction = z.infer<typeof wireTransactionSchema>;

export const wireChangeSchema = z.object({
  'CHG-REC-TYPE': z.literal('CH'),
  'CHG-SEQ': z.string().regex(/^\d{12}$/),
  'CHG-ENTITY': z.string().regex(/^[A-Z_]+$/),
  'CHG-LOCAL-ID': z.string().min(1),
  'CHG-CHANGED-TS': instant,
});
export type WireChange = z.infer<typeof wireChangeSchema>;

export const wireErrorSchema = z.object({
  'ERR-REC-TYPE': z.literal('ER'),
  'ERR-CODE': z.string().regex(/^[A-Z0-9]{1,8}$/),
  'ERR-RESP': z.string(),
  'ERR-MESSAGE': z.string(),
});
export type WireError = z.infer<typeof wireErrorSchema>;
