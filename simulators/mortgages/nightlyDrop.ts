import type { MortgageBorrowerRecord } from '../dataset/records';
import { writeDelta, writeFullExtract, type WrittenDrop } from './dropWriter';
import { loanRows, servicedLoans } from './extractRows';

/** The day before an ISO date. */
export function previousDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * What the servicing system has dropped by the morning after `businessDate`: the full extract of
 * the day before and the delta of `businessDate`. The population's closed loans were redeemed on
 * `businessDate`: the full extract still lists them active, the delta closes them (PROTOCOL.md,
 * "The simulated drop").
 */
export async function writeNightlyDrop(folder: string, borrowers: readonly MortgageBorrowerRecord[], businessDate: string): Promise<WrittenDrop[]> {
  const loans = servicedLoans(borrowers);
  const fullDate = previousDay(businessDate);
  const fullRows = loans.flatMap((serviced) => loanRows({ ...serviced, loan: { ...serviced.loan, status: 'OPEN' } }, fullDate));
  const full = await writeFullExtract(folder, fullDate, fullRows);
  const closed = loans.filter((serviced) => serviced.loan.status === 'CLOSED');
  const delta = await writeDelta(
    folder,
    businessDate,
    closed.map((serviced) => ({ kind: 'CLOSED' as const, rows: loanRows(serviced, businessDate) })),
  );
  return [full, delta];
}
