import type { BusinessPartnerRecord } from '../dataset/records';

/**
 * A small deterministic population for tests (the real one comes from simulators/dataset).
 * Partner i has id `10000000xx`, i % 3 orders, and every third one lacks an email.
 */
export function samplePartners(count: number): BusinessPartnerRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const partnerId = String(1_000_000_001 + i);
    return {
      partnerId,
      firstName: `Given${i}`,
      lastName: i === 1 ? "O'Brien" : `Family${i}`,
      email: i % 3 === 2 ? null : `person${i}@example.test`,
      phone: `+4930555${String(i).padStart(4, '0')}`,
      street: 'Hauptstrasse',
      houseNumber: String(i + 1),
      city: 'Berlin',
      postalCode: '10115',
      country: 'DE',
      changedAt: new Date(Date.UTC(2026, 0, 1 + (i % 28))).toISOString(),
      orders: Array.from({ length: i % 3 }, (_, j) => ({
        orderId: String(5_000_000_000 + i * 10 + j),
        createdAt: `2026-0${1 + j}-15`,
        netAmountMinor: 12_345 * (j + 1) + i,
        currency: j === 1 ? 'JPY' : 'EUR',
        deliveryStatus: (['A', 'B', 'C'] as const)[(i + j) % 3],
        billingStatus: (['C', 'B', 'A'] as const)[(i + j) % 3],
      })),
    };
  });
}
