import type { TruePerson } from '../simulators/dataset/records';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { authHeaders, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A data steward's scenario: how identity linked the records, and the steward's decisions (AUDIT).
callAs('data-steward');

type Key = { system: string; localId: string };

/** A person's records as the crosswalk names them, from the dataset's truth. */
function keysOf(person: TruePerson): Key[] {
  return [
    ...person.keys.cifs.map((localId) => ({ system: 'CORE_BANKING', localId })),
    ...person.keys.cardholderIds.map((localId) => ({ system: 'CARDS', localId })),
    ...person.keys.partnerIds.map((localId) => ({ system: 'ERP', localId })),
    ...person.keys.contactIds.map((localId) => ({ system: 'CALL_CENTER', localId })),
  ];
}
const sorted = (keys: Key[]) => [...keys].sort((a, b) => `${a.system}:${a.localId}`.localeCompare(`${b.system}:${b.localId}`));

const CUSTOMER = `query($id: ID!, $asOf: DateTime) { customer(id: $id, asOf: $asOf) { id asOf mergedFrom mergedIds sourceKeys { system localId } } }`;
const HISTORY = `query($id: ID!) { crosswalkHistory(customerId: $id, first: 100) { edges { node {
  at change customerId cause record { system localId }
  decision { kind decidedBy reason }
  events { type customerId relatedIds cause }
} } } }`;

type CustomerAnswer = { customer: { id: string; asOf: string | null; mergedFrom: string | null; mergedIds: string[]; sourceKeys: Key[] } | null };
type HistoryNode = { at: string; change: string; customerId: string; cause: string; record: Key; decision: { kind: string; decidedBy: string; reason: string } | null; events: Array<{ type: string; customerId: string; relatedIds: string[]; cause: string }> };

/** History for auditors: the crosswalk as of a past instant and every membership change, across a merge and a steward split. */
describe('crosswalk history', () => {
  let dataset: Dataset;
  let stack: RunningStack;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
  });
  afterAll(async () => stack?.close());

  const customer = async (id: string, asOf?: string) => (await postGraphQL<CustomerAnswer>(stack.gateway.url, CUSTOMER, { id, asOf })).data!.customer;
  const customerOfCif = async (cif: string) =>
    (await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: CORE_BANKING, localId: "${cif}") { id } }`)).data!.customerBySourceKey.id;
  const history = async (id: string) => (await postGraphQL<{ crosswalkHistory: { edges: Array<{ node: HistoryNode }> } }>(stack.gateway.url, HISTORY, { id })).data!.crosswalkHistory.edges.map((e) => e.node);

  it('answers for a merged-away id, reads the crosswalk as of any instant, and lists each membership change with its event and decision', async () => {
    // Two people known to core banking only, resolved as the truth says (checked, not assumed):
    // linking them makes one customer of exactly their two records, whatever the matcher's model
    // thinks of anyone else (with more records per person its guards may rightly keep one apart).
    const people: Array<{ person: TruePerson; id: string }> = [];
    const coreOnly = dataset.truth.filter((p) => p.keys.cifs.length === 1 && keysOf(p).length === 1);
    for (const person of coreOnly) {
      const id = await customerOfCif(person.keys.cifs[0]);
      if (JSON.stringify(sorted((await customer(id))!.sourceKeys)) === JSON.stringify(sorted(keysOf(person)))) people.push({ person, id });
      if (people.length === 2) break;
    }
    // The survivor of a merge is the customer anchored on the smaller CIF.
    const [a, b] = people.sort((x, y) => x.person.keys.cifs[0].localeCompare(y.person.keys.cifs[0]));
    const refs = { a: { system: 'CORE_BANKING', localId: a.person.keys.cifs[0] }, b: { system: 'CORE_BANKING', localId: b.person.keys.cifs[0] } };
    const steward = await authHeaders('data-steward', { subject: 'steward-ada' });
    const decide = (name: string, reason: string) =>
      postGraphQL<Record<string, { customers: Array<{ id: string }>; errors: unknown[] }>>(
        stack.gateway.url, `mutation($input: StewardDecisionInput!) { ${name}(input: $input) { customers { id } errors { code } } }`, { input: { ...refs, reason } }, steward);

    const beforeMerge = new Date().toISOString();
    const linked = await decide('linkSourceRecords', 'same person, confirmed at branch');
    expect(linked.data!.linkSourceRecords.customers).toEqual([{ id: a.id }]);
    const merged = new Date().toISOString();
    const unlinked = await decide('unlinkSourceRecords', 'twins, not the same person');
    const split = unlinked.data!.unlinkSourceRecords.customers.map((c) => c.id);
    expect(split).toHaveLength(2);
    expect(split).toContain(a.id);
    const fresh = split.find((id) => id !== a.id)!;
    expect(fresh).not.toBe(b.id); // a retired id is never reused

    const aKeys = sorted(keysOf(a.person));
    const bKeys = sorted(keysOf(b.person));
    const both = sorted([...aKeys, ...bKeys]);
    // Now: the merged-away id answers as the customer it was merged into.
    expect(await customer(b.id)).toEqual({ id: a.id, asOf: null, mergedFrom: b.id, mergedIds: [b.id], sourceKeys: aKeys });
    expect((await customer(fresh))!.sourceKeys).toEqual(bKeys);
    // Before the merge: each as it was.
    expect(await customer(b.id, beforeMerge)).toMatchObject({ id: b.id, asOf: beforeMerge, mergedFrom: null, sourceKeys: bKeys });
    expect((await customer(a.id, beforeMerge))!.sourceKeys).toEqual(aKeys);
    // Between the merge and the split: one customer holding both people's records.
    expect(await customer(b.id, merged)).toMatchObject({ id: a.id, mergedFrom: b.id, sourceKeys: both });
    expect((await customer(a.id, merged))!.sourceKeys).toEqual(both);
    expect(await customer(fresh, merged)).toBeNull(); // did not exist yet

    const survivor = await history(a.id);
    const joinedAtLoad = survivor.filter((n) => n.cause === 'INITIAL_LOAD');
    expect(sorted(joinedAtLoad.map((n) => n.record))).toEqual(aKeys);
    expect(joinedAtLoad.every((n) => n.change === 'JOINED' && n.decision === null)).toBe(true);
    const joinedByLink = survivor.filter((n) => n.decision?.kind === 'LINK');
    expect(sorted(joinedByLink.map((n) => n.record))).toEqual(bKeys);
    for (const node of joinedByLink) {
      expect(node).toMatchObject({ change: 'JOINED', cause: 'STEWARD', decision: { decidedBy: 'steward-ada', reason: 'same person, confirmed at branch' } });
      expect(node.events).toContainEqual({ type: 'MERGED', customerId: a.id, relatedIds: [b.id], cause: 'STEWARD' });
    }
    const leftBySplit = survivor.filter((n) => n.decision?.kind === 'UNLINK');
    expect(sorted(leftBySplit.map((n) => n.record))).toEqual(bKeys);
    for (const node of leftBySplit) {
      expect(node).toMatchObject({ change: 'LEFT', cause: 'STEWARD', decision: { decidedBy: 'steward-ada', reason: 'twins, not the same person' } });
      expect(node.events).toContainEqual({ type: 'SPLIT', customerId: a.id, relatedIds: [fresh], cause: 'STEWARD' });
    }
    expect(survivor).toHaveLength(aKeys.length + 2 * bKeys.length);
    const times = survivor.map((n) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));

    // The merged-away id's own history ends with its records leaving it at the merge.
    const retired = await history(b.id);
    expect(retired.map((n) => [n.change, n.cause])).toEqual([...bKeys.map(() => ['JOINED', 'INITIAL_LOAD']), ...bKeys.map(() => ['LEFT', 'STEWARD'])]);

    // Decisions and events are queryable with who, when and why.
    const decisions = await postGraphQL<{ stewardDecisions: Array<{ kind: string; decidedBy: string; reason: string; decidedAt: string }> }>(
      stack.gateway.url, `{ stewardDecisions(customerId: "${a.id}") { kind decidedBy reason decidedAt } }`);
    expect(decisions.data!.stewardDecisions.map((d) => [d.kind, d.decidedBy, d.reason])).toEqual([
      ['UNLINK', 'steward-ada', 'twins, not the same person'],
      ['LINK', 'steward-ada', 'same person, confirmed at branch'],
    ]);
    const events = await postGraphQL<{ identityEvents: { edges: Array<{ node: { type: string; customerId: string; decision: { kind: string } | null } }> } }>(
      stack.gateway.url, `{ identityEvents(customerId: "${b.id}") { edges { node { type customerId decision { kind } } } } }`);
    expect(events.data!.identityEvents.edges.map((e) => e.node)).toContainEqual({ type: 'MERGED', customerId: a.id, decision: { kind: 'LINK' } });
  });
});
