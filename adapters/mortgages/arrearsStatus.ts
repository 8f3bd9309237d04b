import type { ArrearsStatus } from './mortgageLoan';

/**
 * The graph's arrears band for a number of missed monthly payments: the bands UK servicers
 * report in (1-2, 3-5, 6 and more, where 6 is the bank's default threshold).
 */
export function arrearsStatus(monthsInArrears: number): ArrearsStatus {
  if (monthsInArrears <= 0) return 'UP_TO_DATE';
  if (monthsInArrears <= 2) return 'ARREARS_1_2';
  if (monthsInArrears <= 5) return 'ARREARS_3_5';
  return 'ARREARS_6_PLUS';
}
