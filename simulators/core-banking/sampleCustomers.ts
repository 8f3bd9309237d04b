/**
 * Small, hand-written core-banking customers for tests of the simulator and the adapter
 * (tests must not depend on the population generator). Synthetic people, no real data.
 */

import type { CoreBankingCustomerRecord } from '../dataset/records';

/** A customer with two accounts (one a loan) and transactions; override any field. */
export function sampleCustomer(cif: string, overrides: Partial<CoreBankingCustomerRecord> = {}): CoreBankingCustomerRecord {
  const suffix = cif.slice(-4);
  return {
    cif,
    givenName: 'Zoë',
    familyName: `Example${suffix}`,
    birthDate: '1984-02-29',
    nationalId: `QQ${suffix}00C`,
    addressLine1: '12 Test Street',
    addressLine2: null,
    city: 'Leeds',
    postalCode: 'LS1 4AB',
    country: 'GB',
    phone: '+447700900123',
    email: `zoe.example${suffix}@example.com`,
    incomeMinor: 4_250_000,
    changedAt: '2026-10-01T09:30:00.000Z',
    accounts: [
      {
        accountNumber: `10${cif}`,
        type: 'CURRENT',
        currency: 'GBP',
        balanceMinor: -1_234,
        openedOn: '2015-06-01',
        status: 'OPEN',
        transactions: [
          { txnId: `10${cif}T1`, bookingDate: '2026-11-20', amountMinor: -4_599, description: 'TESCO STORES' },
          { txnId: `10${cif}T2`, bookingDate: '2026-11-25', amountMinor: 250_000, description: 'SALARY' },
          { txnId: `10${cif}T3`, bookingDate: '2026-11-01', amountMinor: -80_000, description: 'STANDING ORDER RENT' },
        ],
      },
      {
        accountNumber: `20${cif}`,
        type: 'LOAN',
        currency: 'GBP',
        balanceMinor: -12_500_000,
        openedOn: '2020-01-15',
        status: 'OPEN',
        transactions: [],
      },
    ],
    ...overrides,
  };
}

/** `count` customers with CIFs 0000000001, 0000000002, ... */
export function sampleCustomers(count: number): CoreBankingCustomerRecord[] {
  return Array.from({ length: count }, (_, i) => sampleCustomer(String(i + 1).padStart(10, '0')));
}
