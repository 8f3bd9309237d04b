import { sql } from 'kysely';
import { FIELD_POLICY } from '../gateway/auth/fieldPolicy';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { adminEdit, contactMoves } from './support/identityScenario';
import { authHeaders } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

type Key = { system: string; localId: string };
type Step = { comparison: string; level: string; weight: number; levelWeight: number; termFrequencyAdjustment: number };
type Explanation = { a: Key; b: Key; priorWeight: number; steps: Step[]; matchWeight: number; probability: number; band: string };
type Item = { a: Key; b: Key; scoredAt: string; probability: number; matchWeight: number; band: string; reason: string; customerA: { id: string }; customerB: { id: string }; explanation: Explanation };

const EXPLANATION = 'a { system localId } b { system localId } priorWeight matchWeight probability band steps { comparison level weight levelWeight termFrequencyAdjustment }';
const QUEUE = `query($first: Int, $after: String) { matchReviewQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { a { system localId } b { system localId } probability matchWeight band reason scoredAt customerA { id } customerB { id } explanation { ${EXPLANATION} } } }
} }`;
const EXPLAIN = `query($a: SourceKeyInput!, $b: SourceKeyInput!) { explainMatch(a: $a, b: $b) { ${EXPLANATION} } }`;
const CUSTOMER_EXPLANATIONS = `query($id: ID!) { customer(id: $id) { id matchExplanations { ${EXPLANATION} } } }`;
const RETRAIN = 'mutation($input: RetrainMatchModelInput!) { retrainMatchModel(input: $input) { retrain { records trained queued changeId } errors { code } } }';

/** Who may read the queue and explanations, and call the retrain: written out here, not read from the policy. */
const READERS = ['auditor', 'data-steward'];
const RETRAINERS = ['data-steward'];

/** The probability a weight in bits stands for, and the sum of a waterfall, computed here. */
const probabilityOf = (w: number) => 2 ** w / (1 + 2 ** w);
const waterfallSum = (e: Explanation) => e.steps.reduce((total, s) => total + s.weight, e.priorWeight);
const keyOf = (k: Key) => `${k.system}:${k.localId}`;

/**
 * The stewards' review queue end to end: the gateway's field policy, real PostgreSQL, the
 * simulators. The generated population is resolved with no doubt left, so the test makes doubtful
 * pairs the way they arise: call-center agents retype contacts (through the simulator's operator
 * API) with the names of another customer, no email and a new phone number. Names agree, the phone
 * disagrees, nothing else is there to compare: some such pairs fall between the thresholds
 * (checked below: the test fails if none is queued). Stewards read them, decide with the existing
 * link/unlink mutations, and which stay decided after a retrain.
 */
describe('the stewards\' review queue', () => {
  let stack: RunningStack;
  let dataset: Dataset;

  /** The call-center contacts retyped, and the CIF whose names each now carries. */
  let retyped: Map<string, string>;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
    const moves = contactMoves(dataset, 12);
    for (const [n, move] of moves.entries()) {
      await adminEdit(stack.simulators, 'CALL_CENTER', { contactId: move.contactId, changes: { firstName: move.changes.firstName, lastName: move.changes.lastName, email: null, phone: `+44 7700 900${String(100 + n)}` } });
    }
    retyped = new Map(moves.map((m) => [`CALL_CENTER:${m.contactId}`, `CORE_BANKING:${m.toCif}`]));
    // The identity service follows only when asked here: apply every change the feeds carry.
    while ((await stack.identity.pollChanges()) > 0);
  });
  afterAll(async () => stack?.close());

  const steward = () => authHeaders('data-steward', { subject: 'steward-ada' });
  const queue = async (first = 100, after: string | null = null) => {
    const response = await postGraphQL<{ matchReviewQueue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Item }> } }>(stack.gateway.url, QUEUE, { first, after }, await steward());
    expect(response.errors).toBeUndefined();
    return response.data!.matchReviewQueue;
  };

  it('lists undecided pairs in the review band (or kept apart), most probable first, each explained by weights that sum to its score', async () => {
    const page = await queue();
    const items = page.edges.map((e) => e.node);
    // The retyped contacts were scored by the incremental path; at least one is in doubt.
    expect(items.filter((i) => retyped.get(keyOf(i.a)) === keyOf(i.b) || retyped.get(keyOf(i.b)) === keyOf(i.a)).length).toBeGreaterThan(0);
    expect(items.map((i) => i.probability)).toEqual([...items.map((i) => i.probability)].sort((x, y) => y - x));
    for (const item of items) {
      expect(keyOf(item.a) < keyOf(item.b)).toBe(true);
      expect(new Date(item.scoredAt).toISOString()).toBe(item.scoredAt);
      if (item.reason === 'REVIEW_BAND') {
        expect(item.band).toBe('REVIEW');
        expect(item.probability >= 0.5 && item.probability < 0.9).toBe(true);
      } else {
        expect({ reason: item.reason, band: item.band }).toEqual({ reason: 'KEPT_APART', band: 'LINKED' });
      }
      // The waterfall adds up to the pair's weight, and the weight gives its probability.
      expect(waterfallSum(item.explanation)).toBeCloseTo(item.matchWeight, 6);
      expect(probabilityOf(item.matchWeight)).toBeCloseTo(item.probability, 9);
      expect(item.explanation.steps.map((s) => s.comparison)).toEqual(['givenName', 'familyName', 'birthDate', 'nationalId', 'postcode', 'street', 'locality', 'phone', 'email']);
      for (const s of item.explanation.steps) expect(s.weight).toBeCloseTo(s.levelWeight + s.termFrequencyAdjustment, 9);
      // Not linked: the two records are in different customers.
      expect(item.customerA.id).not.toBe(item.customerB.id);
    }
    // The model as it stands explains a queued pair the same way (nothing retrained since).
    const [first] = items;
    const explained = await postGraphQL<{ explainMatch: Explanation }>(stack.gateway.url, EXPLAIN, { a: first.a, b: first.b }, await steward());
    expect(explained.data!.explainMatch.matchWeight).toBeCloseTo(first.matchWeight, 9);
    expect(explained.data!.explainMatch.steps).toEqual(first.explanation.steps);
  });

  it('explains why a linked customer\'s records are one customer, pair by pair', async () => {
    const person = dataset.truth.find((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1 && p.keys.contactIds.length === 1)!;
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, 'query($l: String!){ customerBySourceKey(system: CORE_BANKING, localId: $l){ id } }', { l: person.keys.cifs[0] });
    const id = found.data!.customerBySourceKey.id;
    const response = await postGraphQL<{ customer: { matchExplanations: Explanation[] } }>(stack.gateway.url, CUSTOMER_EXPLANATIONS, { id }, await steward());
    expect(response.errors).toBeUndefined();
    const explanations = response.data!.customer.matchExplanations;
    const members = await postGraphQL<{ customer: { sourceKeys: Key[] } }>(stack.gateway.url, 'query($id: ID!){ customer(id: $id){ sourceKeys { system localId } } }', { id });
    const n = members.data!.customer.sourceKeys.length;
    expect(explanations).toHaveLength((n * (n - 1)) / 2);
    for (const e of explanations) {
      expect(waterfallSum(e)).toBeCloseTo(e.matchWeight, 6);
      expect(probabilityOf(e.matchWeight)).toBeCloseTo(e.probability, 9);
    }
    // Strongest first, and the strongest pair of a resolved customer is linked by the model.
    expect(explanations[0].band).toBe('LINKED');
  });

  it.each(Object.keys(FIELD_POLICY.roles))('lets %s read the queue and explanations only when it is a steward or an auditor', async (role) => {
    const cif = dataset.truth.find((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1)!.keys.cifs[0];
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, 'query($l: String!){ customerBySourceKey(system: CORE_BANKING, localId: $l){ id } }', { l: cif });
    const customerId = found.data!.customerBySourceKey.id;
    // A customer-bound role asks about its own customer, so only the field policy can refuse it.
    const headers = await authHeaders(role, FIELD_POLICY.customerBoundRoles.includes(role) ? { customerId } : {});
    const reads = [
      { name: 'matchReviewQueue', path: ['matchReviewQueue'], query: 'query { matchReviewQueue(first: 1) { totalCount } }', variables: {} },
      { name: 'explainMatch', path: ['explainMatch'], query: 'query($a: SourceKeyInput!, $b: SourceKeyInput!) { explainMatch(a: $a, b: $b) { matchWeight } }', variables: { a: { system: 'CORE_BANKING', localId: cif }, b: { system: 'CARDS', localId: 'CH00000000' } } },
      { name: 'Customer.matchExplanations', path: ['customer', 'matchExplanations'], query: 'query($id: ID!) { customer(id: $id) { id matchExplanations { matchWeight } } }', variables: { id: customerId } },
    ];
    for (const read of reads) {
      const response = await postGraphQL<Record<string, unknown>>(stack.gateway.url, read.query, read.variables, headers);
      const forbidden = (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
      const value = read.path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), response.data) ?? null;
      if (READERS.includes(role)) {
        expect({ role, read: read.name, errors: response.errors ?? [] }).toEqual({ role, read: read.name, errors: [] });
        expect(read.name === 'explainMatch' || value !== null).toBe(true);
      } else {
        expect({ role, read: read.name, refused: forbidden.length > 0, value }).toEqual({ role, read: read.name, refused: true, value: null });
      }
    }
  });

  it.each(Object.keys(FIELD_POLICY.roles).filter((role) => !RETRAINERS.includes(role)))('refuses the retrain to %s', async (role) => {
    const response = await postGraphQL(stack.gateway.url, RETRAIN, { input: { reason: 'weights look stale' } }, await authHeaders(role));
    expect(response.status).toBe(403);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nothing ran: no retrain was recorded.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from identity_changes where cause = 'RETRAIN'`.execute(stack.database.db);
    expect(rows[0].n).toBe(0);
  });

  it('a pair a steward decides leaves the queue, and stays decided after a retrain', async () => {
    const before = await queue();
    const pair = before.edges[0].node;
    const decided = await postGraphQL<{ unlinkSourceRecords: { errors: unknown[]; customers: Array<{ id: string }> } }>(
      stack.gateway.url,
      'mutation($input: StewardDecisionInput!) { unlinkSourceRecords(input: $input) { errors { code } customers { id } } }',
      { input: { a: pair.a, b: pair.b, reason: 'different people: checked with the branch' } },
      await steward(),
    );
    expect(decided.data!.unlinkSourceRecords.errors).toEqual([]);
    const queued = (page: Awaited<ReturnType<typeof queue>>) => page.edges.some((e) => keyOf(e.node.a) === keyOf(pair.a) && keyOf(e.node.b) === keyOf(pair.b));
    const after = await queue();
    expect(queued(after)).toBe(false);
    expect(after.totalCount).toBe(before.totalCount - 1);

    const refused = await postGraphQL<{ retrainMatchModel: { errors: Array<{ code: string }> } }>(stack.gateway.url, RETRAIN, { input: { reason: 'x' } }, await steward());
    expect(refused.data!.retrainMatchModel.errors).toEqual([{ code: 'REASON_REQUIRED' }]);
    const retrained = await postGraphQL<{ retrainMatchModel: { retrain: { records: number; trained: boolean; queued: number }; errors: unknown[] } }>(stack.gateway.url, RETRAIN, { input: { reason: 'a month of new records' } }, await steward());
    expect(retrained.errors).toBeUndefined();
    expect(retrained.data!.retrainMatchModel.errors).toEqual([]);
    expect(retrained.data!.retrainMatchModel.retrain.records).toBeGreaterThan(500);
    expect(retrained.data!.retrainMatchModel.retrain.trained).toBe(true);

    // Recorded as a change of its own, with who asked and why.
    const { rows } = await sql<{ requested_by: string; reason: string }>`select requested_by, reason from identity_changes where cause = 'RETRAIN'`.execute(stack.database.db);
    expect(rows).toEqual([{ requested_by: 'steward-ada', reason: 'a month of new records' }]);

    const afterRetrain = await queue();
    expect(queued(afterRetrain)).toBe(false);
    expect(afterRetrain.totalCount).toBe(retrained.data!.retrainMatchModel.retrain.queued);
    // The decision still holds: the two records are in different customers.
    const customerOf = async (k: Key) => (await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, 'query($s: SourceSystem!, $l: String!){ customerBySourceKey(system: $s, localId: $l){ id } }', { s: k.system, l: k.localId })).data!.customerBySourceKey.id;
    expect(await customerOf(pair.a)).not.toBe(await customerOf(pair.b));
  });
});

