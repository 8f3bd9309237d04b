import type { Money, SourceSystem } from '../canonical';

/*
 * The canonical shape of a mortgage loan, as the mortgages subgraph serves it. It lives with the
 * adapter, the one system that holds mortgages; the insights (issue 14) read it from here.
 */

export const ARREARS_STATUSES = ['UP_TO_DATE', 'ARREARS_1_2', 'ARREARS_3_5', 'ARREARS_6_PLUS'] as const;
export type ArrearsStatus = (typeof ARREARS_STATUSES)[number];
export const RATE_TYPES = ['FIXED', 'TRACKER', 'VARIABLE'] as const;
export type RateType = (typeof RATE_TYPES)[number];

export interface MortgageBorrowerLink {
  borrowerId: string;
  role: 'PRIMARY' | 'JOINT';
}

export interface MortgageLoan {
  loanId: string;
  status: 'OPEN' | 'CLOSED';
  /** Outstanding principal, positive (0 once closed). */
  balance: Money;
  /** Monthly payments missed (0: up to date). */
  monthsInArrears: number;
  nextPayment: { dueDate: string; amount: Money } | null;
  rateType: RateType;
  maturityDate: string;
  /** Its borrowers in the system's order, the primary first. */
  borrowers: MortgageBorrowerLink[];
  /** The business date (YYYY-MM-DD) of the file these figures came from. */
  asOf: string;
}

/** The system whose loans these are (for typed errors and stale markers). */
export const MORTGAGES: SourceSystem = 'MORTGAGES';
