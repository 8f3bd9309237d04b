import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MortgageBorrowerRecord, MortgageLoanRecord } from '../dataset/records';
import { writeDelta, writeFullExtract } from './dropWriter';
import { loanRows, servicedLoans } from './extractRows';

/*
 * The golden files in golden/ were written by hand from PROTOCOL.md (their manifests' checksums by
 * `sha256sum`): the producer must write exactly these bytes for the records below.
 */
const GOLDEN = path.join(__dirname, 'golden');

const jointLoan: MortgageLoanRecord = {
  loanId: 'ML00000001',
  borrowerIds: ['MB00000001', 'MB00000002'],
  currency: 'GBP',
  balanceMinor: 18_234_567,
  monthlyPaymentMinor: 123_456,
  paymentDay: 15,
  rateType: 'FIXED',
  maturityDate: '2045-11-30',
  missedPayments: 0,
  status: 'OPEN',
  changedAt: '2026-11-30T02:00:00.000Z',
};
const ownLoan: MortgageLoanRecord = {
  loanId: 'ML00000002',
  borrowerIds: ['MB00000003'],
  currency: 'GBP',
  balanceMinor: 9_500_000,
  monthlyPaymentMinor: 70_000,
  paymentDay: 10,
  rateType: 'VARIABLE',
  maturityDate: '2038-06-30',
  missedPayments: 2,
  status: 'OPEN',
  changedAt: '2026-11-02T02:00:00.000Z',
};
const leeds = { addressLine1: '12 High Street', addressLine2: null, city: 'Leeds', postalCode: 'LS1 4AB', country: 'GB' };
const borrowers: MortgageBorrowerRecord[] = [
  { borrowerId: 'MB00000001', givenName: 'Anna', familyName: 'Kowalska', birthDate: '1980-02-14', ...leeds, phone: '+447700900001', email: 'anna@example.com', changedAt: '2025-06-01T09:30:00.000Z', loans: [jointLoan] },
  { borrowerId: 'MB00000002', givenName: 'Tomasz', familyName: 'Kowalski', birthDate: '1979-09-03', ...leeds, phone: null, email: null, changedAt: '2025-06-01T09:30:00.000Z', loans: [] },
  {
    borrowerId: 'MB00000003',
    givenName: 'Jane',
    familyName: "O'Neil",
    birthDate: null,
    addressLine1: 'Flat 2, Rose Court',
    addressLine2: '1 Mill Lane',
    city: 'York',
    postalCode: 'YO1 7HH',
    country: 'GB',
    phone: '07700 900123',
    email: null,
    changedAt: '2024-01-15T12:00:00.000Z',
    loans: [ownLoan],
  },
];

describe('the drop producer writes the golden files', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'mortgage-golden-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const same = async (written: string, golden: string) => {
    expect((await readFile(written)).toString('latin1')).toBe((await readFile(path.join(GOLDEN, golden))).toString('latin1'));
  };

  it('a full extract and its manifest', async () => {
    const rows = servicedLoans(borrowers).flatMap((loan) => loanRows(loan, '2026-12-02'));
    const drop = await writeFullExtract(folder, '2026-12-02', rows);
    await same(drop.dataFile, 'MORTGAGES_FULL_20261202.csv');
    await same(drop.manifestFile, 'MORTGAGES_FULL_20261202.csv.manifest');
  });

  it('a delta that changes a joint loan and closes another, and its manifest', async () => {
    const loans = servicedLoans(borrowers);
    const changed = { ...loans[0], loan: { ...jointLoan, balanceMinor: 18_111_111, changedAt: '2026-12-03T02:00:00.000Z' } };
    const closed = { ...loans[1], loan: { ...ownLoan, status: 'CLOSED' as const, changedAt: '2026-12-03T02:00:00.000Z' } };
    const drop = await writeDelta(folder, '2026-12-03', [
      { kind: 'CHANGED', rows: loanRows(changed, '2026-12-03') },
      { kind: 'CLOSED', rows: loanRows(closed, '2026-12-03') },
    ]);
    await same(drop.dataFile, 'MORTGAGES_DELTA_20261203.csv');
    await same(drop.manifestFile, 'MORTGAGES_DELTA_20261203.csv.manifest');
  });
});
