import type { Money } from '../format';
import type { GoldenProfileValue } from '../sourcesComparison';

/** The answer to CUSTOMER_360 (console/src/operations.ts); every system's part may be null. */
export interface Customer360 {
  id: string;
  sourceKeys: Array<{ system: string; localId: string }>;
  profile: GoldenProfileValue | null;
  accounts: Array<{ id: string; accountNumber: string; type: string; status: string; openedOn: string | null; balance: Money }> | null;
  cards: Array<{ id: string; cardId: string; maskedPan: string; product: string; status: string; expiry: string; creditLimit: Money; balance: Money }> | null;
  salesOrders: { totalCount: number; edges: Array<{ node: { id: string; orderId: string; createdAt: string; netValue: Money; deliveryStatus: string; billingStatus: string } }> } | null;
  interactions: { edges: Array<{ node: { id: string; channel: string; occurredAt: string; summary: string } }> } | null;
  openCases: Array<{ id: string; caseId: string; subject: string; status: string; openedAt: string }> | null;
  mortgages: MortgageLoan[] | null;
  advisor: { id: string; name: string; freeSlots: Slot[] } | null;
  appointments: Appointment[] | null;
}

/** A free slot in the advisor's calendar. */
export interface Slot {
  id: string;
  start: string;
  end: string;
}

/** A booked callback. */
export interface Appointment {
  id: string;
  slotId: string;
  advisorId: string;
  start: string;
  end: string;
}

/** A mortgage loan as the customer holds it (mortgage servicing: batch data, as of a business date). */
export interface MortgageLoan {
  id: string;
  loanId: string;
  status: string;
  balance: Money;
  arrearsStatus: string;
  nextPayment: { dueDate: string; amount: Money } | null;
  rateType: string;
  maturityDate: string;
  borrowerRole: string;
  borrowerCount: number;
  asOf: string;
}
