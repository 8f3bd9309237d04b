/**
 * ERP sales orders with SAP overall delivery and billing statuses (A not yet, B partly, C fully).
 * Older orders are mostly complete; billing never runs ahead of delivery.
 */
import { orderIdFor } from './ids';
import type { Random } from './random';
import type { SalesOrderRecord } from './records';
import { AS_OF_MS, MINUTE_MS, DAY_MS, isoInstant } from './timeline';

type SapStatus = SalesOrderRecord['deliveryStatus'];

function deliveryStatusFor(ageDays: number, rng: Random): SapStatus {
  if (ageDays > 60) return rng.chance(0.95) ? 'C' : 'B';
  return rng.weighted<SapStatus>([['A', 40], ['B', 25], ['C', 35]]);
}

function billingStatusFor(delivery: SapStatus, rng: Random): SapStatus {
  if (delivery === 'A') return 'A';
  if (delivery === 'B') return rng.chance(0.5) ? 'A' : 'B';
  return rng.weighted<SapStatus>([['A', 5], ['B', 10], ['C', 85]]);
}

export function generateSalesOrders(person: number, dup: number, rng: Random, isDuplicate: boolean): SalesOrderRecord[] {
  const count = isDuplicate ? 1 : rng.int(1, 5);
  const orders: SalesOrderRecord[] = [];
  for (let k = 0; k < count; k++) {
    const ageMinutes = rng.int(60, 2 * 365 * 24 * 60);
    const deliveryStatus = deliveryStatusFor((ageMinutes * MINUTE_MS) / DAY_MS, rng);
    orders.push({
      orderId: orderIdFor(person, dup, k),
      createdAt: isoInstant(AS_OF_MS - ageMinutes * MINUTE_MS),
      netAmountMinor: rng.int(1_000, 500_000),
      currency: 'GBP',
      deliveryStatus,
      billingStatus: billingStatusFor(deliveryStatus, rng),
    });
  }
  orders.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return orders;
}
