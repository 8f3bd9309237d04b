/**
 * The core-banking system's code values (the `88` levels of its copybooks) and their
 * canonical meanings. Both directions live here so the simulator and the adapter share one table.
 */

import type { AccountType } from '../canonical';

export const ACCOUNT_TYPE_CODES: Record<AccountType, string> = {
  CURRENT: 'CA',
  SAVINGS: 'SA',
  TERM_DEPOSIT: 'TD',
  LOAN: 'LN',
};

export const ACCOUNT_STATUS_CODES: Record<'OPEN' | 'CLOSED', string> = { OPEN: 'O', CLOSED: 'C' };

export const CUSTOMER_STATUS = { active: 'A', notFound: 'N' } as const;

/** ERR-CODE values: CICS conditions for refused requests, an abend code for crashes. */
export const ERROR_CODES = {
  /** A malformed request: bad CIF, account number, cursor or limit. */
  invalidRequest: { code: 'INVREQ', resp: 16, status: 400 },
  /** More CIFs in one batch than the program's COMMAREA holds. */
  lengthError: { code: 'LENGERR', resp: 22, status: 400 },
  /** No program behind that URL. */
  unknownProgram: { code: 'PGMIDERR', resp: 27, status: 404 },
  /** The transaction abended (program check): the system's 5xx. */
  abend: { code: 'ASRA', resp: 0, status: 500 },
} as const;

export function reverse<T extends string>(table: Record<T, string>): Map<string, T> {
  return new Map(Object.entries(table).map(([canonical, code]) => [code as string, canonical as T]));
}
