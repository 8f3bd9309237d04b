import { toDecimalString } from '../adapters/money';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { TruePerson } from '../simulators/dataset/records';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

type Key = { system: string; localId: string };
type Served = {
  id: string;
  sourceKeys: Key[];
  accounts: Array<{ accountNumber: string; type: string; status: string; balance: { amount: string; currency: string } }> | null;
  cards: Array<{ cardId: string; maskedPan: string; creditLimit: { amount: string }; balance: { amount: string } }> | null;
  salesOrders: { totalCount: number; edges: Array<{ node: { orderId: string; netValue: { amount: string }; deliveryStatus: string; billingStatus: string } }> } | null;
  openCases: Array<{ caseId: string; subject: string }> | null;
  profile: { birthDate: { value: string | null } } | null;
};

const DELIVERY = { A: 'NOT_DELIVERED', B: 'PARTIALLY_DELIVERED', C: 'DELIVERED' } as const;
const BILLING = { A: 'NOT_BILLED', B: 'PARTIALLY_BILLED', C: 'BILLED' } as const;

function truthKeys(person: TruePerson): Key[] {
  return [
    ...person.keys.cifs.map((localId) => ({ system: 'CORE_BANKING', localId })),
    ...person.keys.cardholderIds.map((localId) => ({ system: 'CARDS', localId })),
    ...person.keys.partnerIds.map((localId) => ({ system: 'ERP', localId })),
    ...person.keys.contactIds.map((localId) => ({ system: 'CALL_CENTER', localId })),
    ...person.keys.borrowerIds.map((localId) => ({ system: 'MORTGAGES', localId })),
  ];
}
const keyText = (k: Key) => `${k.system}:${k.localId}`;
const ids = (keys: Key[], system: string) => new Set(keys.filter((k) => k.system === system).map((k) => k.localId));

/** What the generator put into each system for these source keys, in the graph's shape. */
function expectedFor(dataset: Dataset, keys: Key[]) {
  const cifs = ids(keys, 'CORE_BANKING');
  const holders = ids(keys, 'CARDS');
  const partners = ids(keys, 'ERP');
  const contacts = ids(keys, 'CALL_CENTER');
  return {
    accounts: dataset.coreBanking.filter((r) => cifs.has(r.cif)).flatMap((r) =>
      r.accounts.map((a) => ({ accountNumber: a.accountNumber, type: a.type, status: a.status, balance: { amount: toDecimalString({ amountMinor: a.balanceMinor, currency: a.currency }), currency: a.currency } })),
    ),
    cards: dataset.cards.filter((r) => holders.has(r.cardholderId)).flatMap((r) =>
      r.cards.map((c) => ({ cardId: c.cardId, maskedPan: `${c.pan.slice(0, 6)}******${c.pan.slice(-4)}`, creditLimit: toDecimalString({ amountMinor: c.limitMinor, currency: c.currency }), balance: toDecimalString({ amountMinor: c.balanceMinor, currency: c.currency }) })),
    ),
    orders: dataset.erp.filter((r) => partners.has(r.partnerId)).flatMap((r) =>
      r.orders.map((o) => ({ orderId: o.orderId, netValue: toDecimalString({ amountMinor: o.netAmountMinor, currency: o.currency }), deliveryStatus: DELIVERY[o.deliveryStatus], billingStatus: BILLING[o.billingStatus] })),
    ),
    openCases: dataset.callCenter.filter((r) => contacts.has(r.contactId)).flatMap((r) => r.cases.filter((c) => c.status === 'OPEN').map((c) => ({ caseId: c.caseId, subject: c.subject }))),
  };
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));


callAs('auditor', 'the reference operation selects every field class, and every part of the answer is checked');
describe('customer360 end to end', () => {
  let dataset: Dataset;
  let stack: RunningStack;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const customerOf = async (cif: string): Promise<string> => {
    const found = await postGraphQL<{ customerBySourceKey: { id: string } | null }>(stack.gateway.url, 'query($l: String!){ customerBySourceKey(system: CORE_BANKING, localId: $l){ id } }', { l: cif });
    expect(found.errors).toBeUndefined();
    return found.data!.customerBySourceKey!.id;
  };

  it('serves, for a sample of persons, exactly the records the generator put into each system', async () => {
    const sample = [...dataset.truth].sort(byKey((p) => p.personId)).filter((_, i) => i % 12 === 0).slice(0, 25);
    let exactIdentity = 0;
    for (const person of sample) {
      const id = await customerOf(person.keys.cifs[0]);
      const response = await postGraphQL<{ customer: Served }>(stack.gateway.url, operation('customer360'), { id });
      expect(response.errors).toBeUndefined();
      const served = response.data!.customer;
      const truth = new Set(truthKeys(person).map(keyText));
      // Identity never merges another person in: every linked record is truly this person's.
      for (const key of served.sourceKeys) expect(truth.has(keyText(key))).toBe(true);
      if (served.sourceKeys.length === truth.size) exactIdentity += 1;

      const expected = expectedFor(dataset, served.sourceKeys);
      const accounts = (served.accounts ?? []).map(({ accountNumber, type, status, balance }) => ({ accountNumber, type, status, balance }));
      expect(accounts.sort(byKey((a) => a.accountNumber))).toEqual(expected.accounts.sort(byKey((a) => a.accountNumber)));
      expect((served.cards ?? []).map((c) => ({ cardId: c.cardId, maskedPan: c.maskedPan, creditLimit: c.creditLimit.amount, balance: c.balance.amount })).sort(byKey((c) => c.cardId))).toEqual(
        expected.cards.sort(byKey((c) => c.cardId)),
      );
      expect(served.salesOrders?.totalCount).toBe(expected.orders.length);
      const firstOrders = (served.salesOrders?.edges ?? []).map(({ node }) => ({
        orderId: node.orderId, netValue: node.netValue.amount, deliveryStatus: node.deliveryStatus, billingStatus: node.billingStatus,
      }));
      for (const order of firstOrders) expect(expected.orders).toContainEqual(order);
      const openCases = (served.openCases ?? []).map(({ caseId, subject }) => ({ caseId, subject }));
      expect(openCases.sort(byKey((c) => c.caseId))).toEqual(expected.openCases.sort(byKey((c) => c.caseId)));
      expect(served.profile?.birthDate.value).toBe(person.birthDate);
    }
    // Identity resolution is probabilistic; the matcher's own targets are checked by match:eval.
    expect(exactIdentity / sample.length).toBeGreaterThanOrEqual(0.9);
  });

  it('costs each legacy operation at most ceil(records / batch limit) calls for 50 customers', async () => {
    // Only the request's own calls count: identity's change-feed polling is background work.
    stack.identity.stopFollowing();
    for (const sim of Object.values(stack.simulators)) if (typeof sim === 'object') sim.stats.reset();
    const response = await postGraphQL<{ customers: { edges: Array<{ node: { sourceKeys: Key[] } }> } }>(stack.gateway.url, operation('customerList'), { first: 50 });
    expect(response.errors).toBeUndefined();
    const customers = response.data!.customers.edges.map((e) => e.node);
    expect(customers).toHaveLength(50);
    // 50 customers hold a few more than 50 records where a person has duplicates in one system.
    const limits = { CORE_BANKING: 50, CARDS: 100, ERP: 40, CALL_CENTER: 100 } as const;
    for (const [system, limit] of Object.entries(limits) as Array<[keyof typeof limits, number]>) {
      const records = customers.flatMap((c) => c.sourceKeys).filter((k) => k.system === system).length;
      const bound = Math.max(1, Math.ceil(records / limit));
      const { byOperation } = stack.simulators[system].stats.snapshot();
      for (const [op, count] of Object.entries(byOperation)) expect({ system, op, withinBound: count <= bound }).toEqual({ system, op, withinBound: true });
    }
  });
});
