import type { Dataset } from '../simulators/dataset/loadDataset';
import type { TruePerson } from '../simulators/dataset/records';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A relationship manager's scenario: segment, value (FINANCIAL), stage and actions (INSIGHT).
callAs('relationship-manager');

type Key = { system: string; localId: string };
type ServedMoney = { amount: string; currency: string } | null;
type Served = {
  id: string;
  sourceKeys: Key[];
  salesOrders: { totalCount: number; edges: Array<{ node: { orderId: string } }> } | null;
  segment: { tier: string | null; ageBand: string; reasons: string[] } | null;
  relationshipValue: { totalDeposits: ServedMoney; totalLending: ServedMoney; cardSpend90Days: ServedMoney; openOrdersValue: ServedMoney; mortgageBalances: ServedMoney; reasons: string[] } | null;
  lifecycleStage: { stage: string; reasons: string[] } | null;
  nextBestActions: Array<{ code: string; title: string; reason: string; channel: string; priority: number }>;
};

const INSIGHT_FIELDS = `
    segment { tier ageBand reasons }
    relationshipValue {
      totalDeposits { amount currency }
      totalLending { amount currency }
      cardSpend90Days { amount currency }
      openOrdersValue { amount currency }
      mortgageBalances { amount currency }
      reasons
    }
    lifecycleStage { stage reasons }
    nextBestActions { code title reason channel priority }`;

/** One customer's insights, found by the person's first CIF. */
const INSIGHTS = `query Insights($cif: String!) {
  customerBySourceKey(system: CORE_BANKING, localId: $cif) { id sourceKeys { system localId } ${INSIGHT_FIELDS} }
}`;

/**
 * The same insights beside the client's own small pages of the lists they read (as customer360
 * does). Had insights required those lists with page arguments, the planner would fetch each
 * once, with the client's page size (apollographql/federation#2276), and the insights would see
 * the smaller pages; it requires argument-free windows instead (subgraphs/runtime/recentWindows.ts).
 */
const INSIGHTS_WITH_SMALL_PAGES = `query InsightsWithSmallPages($cif: String!) {
  customerBySourceKey(system: CORE_BANKING, localId: $cif) {
    id
    sourceKeys { system localId }
    salesOrders(first: 2) { totalCount edges { node { orderId } } }
    cards { cardId transactions(first: 1) { edges { node { id } } } }
    ${INSIGHT_FIELDS}
  }
}`;

/*
 * THE ORACLE. The bank's rules written out again by hand from the rule book (the thresholds as
 * the business states them: docs and subgraphs/insights/domain/insightThresholds.ts comments),
 * over the generator's raw records. It shares no code with the insights subgraph: not its
 * thresholds object, not its rule functions, not its money formatting, so a wrong rule or a
 * wrong threshold there disagrees with this and fails the test.
 * Only GBP amounts count (no exchange rates); an amount in another currency is left out.
 */
const RULE_BOOK = {
  tiers: [
    { tier: 'GOLD', minBalanceMinor: 100_000_00, minIncomeMinor: 100_000_00 },
    { tier: 'SILVER', minBalanceMinor: 25_000_00, minIncomeMinor: 50_000_00 },
  ],
  ageBands: [
    { band: 'AGE_12_17', from: 12, to: 17 },
    { band: 'AGE_18_27', from: 18, to: 27 },
    { band: 'AGE_28_60', from: 28, to: 60 },
    { band: 'OVER_60', from: 61, to: Infinity },
  ],
  cardSpendDays: 90,
  offerCardMinDepositsMinor: 10_000_00,
  reviewLimitMinPercent: 90,
  offerSavingsMinCurrentMinor: 5_000_00,
  // code -> [priority, channel]
  actions: {
    SCHEDULE_CALLBACK: [1, 'ADVISOR_CALLBACK'],
    FOLLOW_UP_COMPLAINT: [1, 'CALL_CENTER'],
    OFFER_CREDIT_CARD: [2, 'MOBILE_APP'],
    REVIEW_CREDIT_LIMIT: [2, 'CALL_CENTER'],
    OFFER_SAVINGS_ACCOUNT: [3, 'MOBILE_APP'],
    SEND_SATISFACTION_SURVEY: [3, 'EMAIL'],
    SEND_REACTIVATION_OFFER: [3, 'EMAIL'],
    DISCUSS_MORTGAGE_ARREARS: [1, 'CALL_CENTER'],
  } as Record<string, [number, string]>,
} as const;

/** "1234.05" for 123405 minor units (never negative here). */
const decimal = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const gbp = (minor: number): ServedMoney => ({ amount: decimal(minor), currency: 'GBP' });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const DAY = 86_400_000;
/** Whole days from a date or instant to asOf. */
const daysAgo = (at: string, asOf: string) => Math.floor((Date.parse(asOf) - Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at)) / DAY);

/** Age in whole years on asOf's date; a 29 February birthday counts from 1 March in other years. */
function age(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = asOf.slice(0, 10).split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const ids = (keys: Key[], system: string) => new Set(keys.filter((k) => k.system === system).map((k) => k.localId));

interface Oracle {
  tier: string;
  ageBand: string;
  totalDeposits: ServedMoney;
  totalLending: ServedMoney;
  cardSpend90Days: ServedMoney;
  /** All orders, newest first, and their count: a page smaller than the count cannot prove the open value. */
  openOrdersValue: ServedMoney;
  orderCount: number;
  /** Open mortgage loans' balances (a joint loan whole for each borrower). */
  mortgageBalances: ServedMoney;
  prospect: boolean;
  /** Action codes that surely fire and surely do not (the rest depend on the stage or on trends). */
  fires: string[];
  doesNotFire: string[];
  oldestOpenComplaintDays: number | null;
}

/** What the rule book gives for the records behind `keys` (the source keys the graph linked). */
function oracle(dataset: Dataset, keys: Key[], person: TruePerson, asOf: string): Oracle {
  const cifs = ids(keys, 'CORE_BANKING');
  const holders = ids(keys, 'CARDS');
  const partners = ids(keys, 'ERP');
  const contacts = ids(keys, 'CALL_CENTER');
  const borrowers = ids(keys, 'MORTGAGES');
  // Each loan once, whichever of its borrowers the customer is; a closed loan was closed by the delta.
  const loans = [...new Map(dataset.mortgages.flatMap((b) => b.loans).filter((l) => l.borrowerIds.some((id) => borrowers.has(id))).map((l) => [l.loanId, l])).values()];
  const openLoans = loans.filter((l) => l.status === 'OPEN');
  const records = dataset.coreBanking.filter((r) => cifs.has(r.cif));
  const accounts = records.flatMap((r) => r.accounts).filter((a) => a.currency === 'GBP');
  const open = accounts.filter((a) => a.status === 'OPEN');
  const cards = dataset.cards.filter((r) => holders.has(r.cardholderId)).flatMap((r) => r.cards);
  const gbpCards = cards.filter((c) => c.currency === 'GBP');
  const orders = dataset.erp.filter((r) => partners.has(r.partnerId)).flatMap((r) => r.orders);
  const openCases = dataset.callCenter.filter((r) => contacts.has(r.contactId)).flatMap((r) => r.cases).filter((c) => c.status === 'OPEN');

  const deposits = sum(open.filter((a) => a.type !== 'LOAN' && a.balanceMinor > 0).map((a) => a.balanceMinor));
  const lending = sum(open.filter((a) => a.balanceMinor < 0).map((a) => -a.balanceMinor)) + sum(gbpCards.filter((c) => c.balanceMinor > 0).map((c) => c.balanceMinor));
  const spend = sum(gbpCards.flatMap((c) => c.transactions).filter((t) => t.amountMinor > 0 && daysAgo(t.postedAt, asOf) >= 0 && daysAgo(t.postedAt, asOf) < RULE_BOOK.cardSpendDays).map((t) => t.amountMinor));
  const openOrders = sum(orders.filter((o) => o.currency === 'GBP' && !(o.deliveryStatus === 'C' && o.billingStatus === 'C')).map((o) => o.netAmountMinor));

  // Income: the record the graph shows, the most recently changed CIF (ties: smallest CIF).
  const primary = [...records].sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : a.cif.localeCompare(b.cif)))[0];
  const income = primary?.incomeMinor ?? null;
  const rank = (t: string) => ['BRONZE', 'SILVER', 'GOLD'].indexOf(t);
  const byBalance = RULE_BOOK.tiers.find((t) => deposits >= t.minBalanceMinor)?.tier ?? 'BRONZE';
  const byIncome = income === null ? 'BRONZE' : RULE_BOOK.tiers.find((t) => income >= t.minIncomeMinor)?.tier ?? 'BRONZE';
  const years = age(person.birthDate, asOf);
  const band = RULE_BOOK.ageBands.find((b) => years >= b.from && years <= b.to)?.band ?? 'UNKNOWN';

  const activeCards = cards.filter((c) => c.status === 'ACTIVE');
  const current = sum(open.filter((a) => a.type === 'CURRENT').map((a) => a.balanceMinor));
  const holdsSavings = open.some((a) => a.type === 'SAVINGS' || a.type === 'TERM_DEPOSIT');
  const nearLimit = activeCards.some((c) => c.limitMinor > 0 && c.balanceMinor * 100 >= RULE_BOOK.reviewLimitMinPercent * c.limitMinor);
  const verdicts: Record<string, boolean> = {
    FOLLOW_UP_COMPLAINT: openCases.length > 0,
    OFFER_CREDIT_CARD: deposits >= RULE_BOOK.offerCardMinDepositsMinor && activeCards.length === 0,
    REVIEW_CREDIT_LIMIT: nearLimit,
    OFFER_SAVINGS_ACCOUNT: current >= RULE_BOOK.offerSavingsMinCurrentMinor && !holdsSavings,
    DISCUSS_MORTGAGE_ARREARS: openLoans.some((l) => l.missedPayments > 0),
  };
  // A callback needs an open complaint of at most 90 days: without one it surely does not fire.
  if (!openCases.some((c) => daysAgo(c.openedAt, asOf) <= 90)) verdicts.SCHEDULE_CALLBACK = false;
  return {
    tier: rank(byBalance) >= rank(byIncome) ? byBalance : byIncome,
    ageBand: band,
    totalDeposits: gbp(deposits),
    totalLending: gbp(lending),
    cardSpend90Days: gbp(spend),
    openOrdersValue: gbp(openOrders),
    orderCount: orders.length,
    mortgageBalances: gbp(sum(openLoans.map((l) => l.balanceMinor))),
    prospect: open.length === 0 && activeCards.length === 0,
    fires: Object.keys(verdicts).filter((code) => verdicts[code]),
    doesNotFire: Object.keys(verdicts).filter((code) => !verdicts[code]),
    oldestOpenComplaintDays: openCases.length ? Math.max(...openCases.map((c) => Math.max(0, daysAgo(c.openedAt, asOf)))) : null,
  };
}

/** Checks one served customer against the oracle, field by field (the labels name the field in a failure). */
function expectAgreesWithOracle(customer: Served, expected: Oracle) {
  const value = customer.relationshipValue!;
  expect({ id: customer.id, tier: customer.segment!.tier, ageBand: customer.segment!.ageBand }).toEqual({ id: customer.id, tier: expected.tier, ageBand: expected.ageBand });
  expect({ id: customer.id, deposits: value.totalDeposits, lending: value.totalLending }).toEqual({ id: customer.id, deposits: expected.totalDeposits, lending: expected.totalLending });
  expect({ id: customer.id, mortgages: value.mortgageBalances }).toEqual({ id: customer.id, mortgages: expected.mortgageBalances });
  expect({ id: customer.id, spend: value.cardSpend90Days, orders: value.openOrdersValue }).toEqual({ id: customer.id, spend: expected.cardSpend90Days, orders: expected.openOrdersValue });
  const codes = customer.nextBestActions.map((a) => a.code);
  for (const code of expected.fires) expect({ id: customer.id, code, fired: codes.includes(code) }).toEqual({ id: customer.id, code, fired: true });
  for (const code of expected.doesNotFire) expect({ id: customer.id, code, fired: codes.includes(code) }).toEqual({ id: customer.id, code, fired: false });
  // Each action on its channel with its priority, most urgent first.
  for (const action of customer.nextBestActions) expect([action.code, action.priority, action.channel]).toEqual([action.code, ...RULE_BOOK.actions[action.code]]);
  expect(customer.nextBestActions.map((a) => a.priority)).toEqual([...customer.nextBestActions.map((a) => a.priority)].sort((a, b) => a - b));
  // The complaint follow-up names the oldest open complaint's age.
  const followUp = customer.nextBestActions.find((a) => a.code === 'FOLLOW_UP_COMPLAINT');
  if (followUp) expect(followUp.reason).toContain(`oldest opened ${expected.oldestOpenComplaintDays} day(s) ago`);
  // Stages: PROSPECT exactly when nothing is open or active; a dormant customer gets the reactivation offer.
  expect({ id: customer.id, prospect: customer.lifecycleStage!.stage === 'PROSPECT' }).toEqual({ id: customer.id, prospect: expected.prospect });
  expect({ id: customer.id, dormant: customer.lifecycleStage!.stage === 'DORMANT' }).toEqual({ id: customer.id, dormant: codes.includes('SEND_REACTIVATION_OFFER') });
  // The segment says which band applied, in the bank's words.
  expect(customer.segment!.reasons.join(' | ')).toContain(expected.ageBand === 'UNKNOWN' ? 'UNKNOWN' : `: ${expected.ageBand}`);
}

describe('insights end to end', () => {
  let dataset: Dataset;
  let stack: RunningStack;
  let asOf: string;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    asOf = new Date(dataset.manifest.asOf).toISOString();
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
  });
  afterEach(() => {
    for (const sim of Object.values(stack.simulators)) if (typeof sim === 'object') sim.setFaults({ down: false, malformedRate: 0, errorRate: 0 });
  });

  const truthKeys = (person: TruePerson): Key[] => [
    ...person.keys.cifs.map((localId) => ({ system: 'CORE_BANKING', localId })),
    ...person.keys.cardholderIds.map((localId) => ({ system: 'CARDS', localId })),
    ...person.keys.partnerIds.map((localId) => ({ system: 'ERP', localId })),
    ...person.keys.contactIds.map((localId) => ({ system: 'CALL_CENTER', localId })),
    ...person.keys.borrowerIds.map((localId) => ({ system: 'MORTGAGES', localId })),
  ];

  /**
   * A sample that exercises every outcome the population holds: every 15th person, plus the
   * first person with each tier, age band and surely-firing action not yet covered, and every
   * prospect (they are rare). Chosen by the oracle on the generator's truth; checked against
   * what the graph serves.
   */
  const sample = (): TruePerson[] => {
    const covered = new Set<string>();
    return dataset.truth.filter((person, i) => {
      const expected = oracle(dataset, truthKeys(person), person, asOf);
      const outcomes = [`tier:${expected.tier}`, `band:${expected.ageBand}`, ...expected.fires.map((code) => `action:${code}`)];
      const fresh = outcomes.some((o) => !covered.has(o));
      outcomes.forEach((o) => covered.add(o));
      return i % 15 === 0 || fresh || expected.prospect;
    });
  };

  const insightsFor = async (query: string, person: TruePerson): Promise<Served> => {
    const response = await postGraphQL<{ customerBySourceKey: Served }>(stack.gateway.url, query, { cif: person.keys.cifs[0] });
    expect(response.errors).toBeUndefined();
    return response.data!.customerBySourceKey;
  };

  it('serves a sample of customers the segment, value, stage and actions the rule book gives on the generated records', async () => {
    const seen = { tiers: new Set<string>(), bands: new Set<string>(), stages: new Set<string>(), actions: new Set<string>() };
    for (const person of sample()) {
      const customer = await insightsFor(INSIGHTS, person);
      expectAgreesWithOracle(customer, oracle(dataset, customer.sourceKeys, person, asOf));
      seen.tiers.add(customer.segment!.tier!);
      seen.bands.add(customer.segment!.ageBand);
      seen.stages.add(customer.lifecycleStage!.stage);
      for (const action of customer.nextBestActions) seen.actions.add(action.code);
    }
    // The sample exercises several outcomes of each rule (otherwise the comparison proves little).
    expect(seen.tiers.size).toBeGreaterThan(1);
    expect(seen.bands.size).toBeGreaterThan(1);
    expect(seen.stages.size).toBeGreaterThan(1);
    expect(seen.actions.size).toBeGreaterThan(4);
    expect(seen.actions).toContain('FOLLOW_UP_COMPLAINT');
  });

  it('beside the client\'s smaller pages of the same lists, serves the same figures as without them', async () => {
    let longerThanTheirPages = 0;
    for (const person of sample()) {
      const customer = await insightsFor(INSIGHTS_WITH_SMALL_PAGES, person);
      // The client's own pages are untouched by the insights' larger windows.
      expect(customer.salesOrders!.edges.length).toBe(Math.min(2, customer.salesOrders!.totalCount));
      const expected = oracle(dataset, customer.sourceKeys, person, asOf);
      expectAgreesWithOracle(customer, expected);
      if (expected.orderCount > 2) longerThanTheirPages += 1;
    }
    // The sample does include customers with more orders than the client's page (else this proves little).
    expect(longerThanTheirPages).toBeGreaterThan(0);
  });

  it('keeps the insights of the systems still answering when one system is down', async () => {
    const person = [...dataset.truth].reverse().find((p) => p.keys.cifs.length && p.keys.cardholderIds.length && p.keys.partnerIds.length)!;
    stack.simulators.CARDS.setFaults({ down: true });
    const response = await postGraphQL<{ customerBySourceKey: Served }>(stack.gateway.url, INSIGHTS, { cif: person.keys.cifs[0] });
    const customer = response.data!.customerBySourceKey;
    expect(customer.relationshipValue!.cardSpend90Days).toBeNull();
    expect(customer.relationshipValue!.totalDeposits).not.toBeNull();
    expect(customer.relationshipValue!.reasons).toContain('card spend unknown: card processor not heard');
    expect(customer.segment!.ageBand).not.toBe('UNKNOWN');
    expect(customer.lifecycleStage!.reasons.join(' ')).toContain('not heard: cards');
  });
});
