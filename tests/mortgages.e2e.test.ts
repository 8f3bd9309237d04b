import { fileURLToPath } from 'node:url';
import type { MortgagesAdapter } from '../adapters/mortgages';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { MortgageLoanRecord } from '../simulators/dataset/records';
import { writeNightlyDrop } from '../simulators/mortgages/nightlyDrop';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

/*
 * MORTGAGES through the whole product: the drop producer writes its files into a folder, the
 * adapter ingests them into its store in the test database, identity matches its borrowers like any
 * other system's records, and customer360 through the real gateway shows each customer's loans with
 * the business date of the file they came from; a joint loan on both borrowers' customers. The
 * extract is first days old (stale: /ready and extensions.stale say so), then a fresh drop arrives.
 */

type ServedLoan = {
  id: string;
  loanId: string;
  status: string;
  balance: { amount: string; currency: string };
  arrearsStatus: string;
  nextPayment: { dueDate: string; amount: { amount: string } } | null;
  rateType: string;
  maturityDate: string;
  borrowerRole: string;
  borrowerCount: number;
  asOf: string;
};

// The business date of the stack's first drop: long past, so the extract is stale whenever this runs.
const OLD_BUSINESS_DATE = '2026-11-02';
const OLD_FULL_DATE = '2026-11-01';

/** Minor units to the graph's decimal string, written out here rather than taken from the product. */
const decimal = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const ARREARS = (months: number) => (months === 0 ? 'UP_TO_DATE' : months <= 2 ? 'ARREARS_1_2' : months <= 5 ? 'ARREARS_3_5' : 'ARREARS_6_PLUS');

callAs('auditor', 'customer360 selects mortgages (FINANCIAL) and borrower records');
describe('MORTGAGES end to end (file drop -> ingest -> identity -> gateway)', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  const saved = { ...process.env };

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    // The simulator module and the adapter read these from the environment, as `npm start` does.
    process.env.MORTGAGES_BUSINESS_DATE = OLD_BUSINESS_DATE;
    process.env.MORTGAGES_DROP_POLL_MS = '0';
    process.env.MORTGAGES_STALE_AFTER_MS = String(26 * 3_600_000);
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
    process.env = saved;
  });

  const customerBy = async (system: string, localId: string): Promise<string | null> => {
    const found = await postGraphQL<{ customerBySourceKey: { id: string } | null }>(stack.gateway.url, 'query($s: SourceSystem!, $l: String!){ customerBySourceKey(system: $s, localId: $l){ id } }', { s: system, l: localId });
    expect(found.errors).toBeUndefined();
    return found.data!.customerBySourceKey?.id ?? null;
  };
  const personOf = (borrowerId: string) => dataset.truth.find((p) => p.keys.borrowerIds.includes(borrowerId))!;
  const jointLoans = () =>
    dataset.mortgages
      .flatMap((b) => b.loans)
      .filter((loan) => loan.borrowerIds.length === 2 && loan.status === 'OPEN')
      .sort((a, b) => a.loanId.localeCompare(b.loanId));

  /** A joint loan both of whose borrowers identity linked to their own person's core-banking customer. */
  let joint: MortgageLoanRecord;
  let customers: [string, string];

  it('identity matches mortgage borrowers to the same customers as their other records', async () => {
    const loans = jointLoans();
    expect(loans.length).toBeGreaterThan(5);
    let right = 0;
    let checked = 0;
    for (const loan of loans.slice(0, 10)) {
      const ids: string[] = [];
      for (const borrowerId of loan.borrowerIds) {
        const [viaBorrower, viaCif] = await Promise.all([customerBy('MORTGAGES', borrowerId), customerBy('CORE_BANKING', personOf(borrowerId).keys.cifs[0])]);
        checked += 1;
        if (viaBorrower !== null && viaBorrower === viaCif) {
          right += 1;
          ids.push(viaBorrower);
        }
      }
      if (ids.length === 2 && !joint) {
        joint = loan;
        customers = [ids[0], ids[1]];
      }
    }
    // Matching is probabilistic (docs/matching.md); a borrower record is another party like any other.
    expect(right / checked).toBeGreaterThanOrEqual(0.9);
    expect(customers[0]).not.toBe(customers[1]);
  });

  it('customer360 shows the joint loan on both borrowers’ customers, with the business date of its file, and marks the old extract stale', async () => {
    const expected = (role: string): ServedLoan => ({
      id: joint.loanId,
      loanId: joint.loanId,
      status: 'OPEN',
      balance: { amount: decimal(joint.balanceMinor), currency: 'GBP' },
      arrearsStatus: ARREARS(joint.missedPayments),
      // Due on its payment day of the month after the full extract's date when that day has passed.
      nextPayment: {
        dueDate: (Number(OLD_FULL_DATE.slice(8)) < joint.paymentDay ? `2026-11-${String(joint.paymentDay).padStart(2, '0')}` : `2026-12-${String(joint.paymentDay).padStart(2, '0')}`),
        amount: { amount: decimal(joint.monthlyPaymentMinor * (1 + joint.missedPayments)) },
      },
      rateType: joint.rateType,
      maturityDate: joint.maturityDate,
      borrowerRole: role,
      borrowerCount: 2,
      // Open loans come from the full extract of the day before the delta.
      asOf: OLD_FULL_DATE,
    });
    for (const [index, id] of customers.entries()) {
      const response = await postGraphQL<{ customer: { mortgages: ServedLoan[] | null; mortgageBorrower: { localId: string } | null } }>(stack.gateway.url, operation('customer360'), { id });
      expect(response.errors).toBeUndefined();
      const loans = response.data!.customer.mortgages!;
      const served = loans.find((l) => l.loanId === joint.loanId);
      expect({ ...served, nextPayment: served?.nextPayment && { dueDate: served.nextPayment.dueDate, amount: { amount: served.nextPayment.amount.amount } } }).toEqual(expected(index === 0 ? 'PRIMARY' : 'JOINT'));
      expect(response.data!.customer.mortgageBorrower?.localId).toBe(joint.borrowerIds[index]);
      // The extract is older than its schedule: served, and marked.
      expect(response.extensions?.stale).toEqual(expect.arrayContaining([expect.objectContaining({ system: 'MORTGAGES' })]));
    }
  });

  it('a loan the delta closed shows closed, as of the delta’s business date', async () => {
    const closed = dataset.mortgages.flatMap((b) => b.loans).find((loan) => loan.status === 'CLOSED');
    expect(closed).toBeDefined();
    const id = await customerBy('MORTGAGES', closed!.borrowerIds[0]);
    expect(id).not.toBeNull();
    const response = await postGraphQL<{ customer: { mortgages: ServedLoan[] } }>(stack.gateway.url, operation('customer360'), { id });
    expect(response.data!.customer.mortgages.find((l) => l.loanId === closed!.loanId)).toMatchObject({ status: 'CLOSED', balance: { amount: '0.00' }, nextPayment: null, asOf: OLD_BUSINESS_DATE });
  });

  it('/ready names MORTGAGES degraded while its extract is stale, and ready once a fresh drop is ingested', async () => {
    const ready = async () => (await fetch(stack.gateway.url.replace(/\/graphql$/, '/ready'))).json() as Promise<{ status: string; degraded: string[]; systems: Array<{ system: string; freshness?: { asOf: string; stale: boolean } }> }>;
    const before = await ready();
    expect(before.degraded).toContain('MORTGAGES');
    expect(before.systems.find((s) => s.system === 'MORTGAGES')?.freshness).toMatchObject({ asOf: OLD_BUSINESS_DATE, stale: true });

    // Last night's files arrive in the drop folder; the adapter's next pass ingests them.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await writeNightlyDrop(fileURLToPath(stack.simulators.MORTGAGES.url), dataset.mortgages, yesterday);
    const files = await (stack.cache.adapters.mortgages as MortgagesAdapter).ingest();
    expect(files.filter((f) => f.outcome === 'APPLIED').map((f) => f.file)).toHaveLength(2);
    // Each file applied while the gateway runs counts as a legacy call of the system on /metrics (the
    // start's files were ingested before the gateway registered its metrics).
    const metrics = await (await fetch(stack.gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/uv_legacy_calls_total\{system="MORTGAGES",outcome="ok"\} 2\b/);

    const after = await ready();
    expect(after.degraded).not.toContain('MORTGAGES');
    expect(after.systems.find((s) => s.system === 'MORTGAGES')?.freshness).toMatchObject({ asOf: yesterday, stale: false });
    const response = await postGraphQL<{ customer: { mortgages: ServedLoan[] } }>(stack.gateway.url, operation('customer360'), { id: customers[0] });
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.stale ?? []).not.toEqual(expect.arrayContaining([expect.objectContaining({ system: 'MORTGAGES' })]));
    const dayBefore = new Date(Date.parse(`${yesterday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(response.data!.customer.mortgages.find((l) => l.loanId === joint.loanId)?.asOf).toBe(dayBefore);
  });
});
