/**
 * The first payment date strictly after the business date, for a loan paid on `paymentDay` (1 to
 * 28, so every month has it) of each month: what the servicing system prints as NEXT_DUE_DATE.
 */
export function nextPaymentDate(businessDate: string, paymentDay: number): string {
  const [year, month, day] = businessDate.split('-').map(Number);
  const due = new Date(Date.UTC(year, month - 1 + (day >= paymentDay ? 1 : 0), paymentDay));
  return due.toISOString().slice(0, 10);
}
