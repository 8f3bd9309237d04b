import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { listCustomers } from '../subgraphs/identity/store/identityReads';
import { postGraphQL } from './support/graphqlClient';
import { authHeaders, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// A data steward's scenario: the golden profile (PII), link/unlink decisions and the discrepancy report (AUDIT).
callAs('data-steward');

const PROFILE = `query($id: ID!) { customer(id: $id) { id sourceKeys { system localId }
  profile { email { value rule conflict source { system localId changedAt } candidates { system localId value } } } } }`;

type ProfileAnswer = {
  customer: {
    id: string;
    sourceKeys: Array<{ system: string; localId: string }>;
    profile: { email: { value: string; rule: string; conflict: boolean; source: { system: string; localId: string; changedAt: string }; candidates: Array<{ system: string; localId: string; value: string }> } };
  };
};

describe('single customer view', () => {
  let dataset: Dataset;
  let stack: RunningStack;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const liveCustomerIds = async () => (await listCustomers(stack.database.db, 0, 1_000_000)).ids;
  const customerOfCif = async (cif: string) =>
    (await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: CORE_BANKING, localId: "${cif}") { id } }`)).data!.customerBySourceKey.id;

  it('shows an admin edit in the golden profile with the new source, incrementally, keeping every id', async () => {
    await stack.identity.stopFollowing();
    const person = dataset.truth.find((p) => p.keys.contactIds.length === 1 && p.keys.cifs.length === 1)!;
    const id = await customerOfCif(person.keys.cifs[0]);
    const idsBefore = await liveCustomerIds();

    const edit = await fetch(`${stack.simulators.CALL_CENTER.url}/__admin/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: person.keys.contactIds[0], changes: { email: 'moved.house@new-provider.example' } }),
    });
    expect(edit.status).toBe(200);
    // Incremental: only the changed record is read and re-matched; no re-extract.
    const extractsBefore = stack.simulators.CALL_CENTER.stats.snapshot().byOperation.ExtractContacts ?? 0;
    expect(await stack.identity.pollChanges()).toBe(1);
    expect(stack.simulators.CALL_CENTER.stats.snapshot().byOperation.ExtractContacts ?? 0).toBe(extractsBefore);
    expect(await liveCustomerIds()).toEqual(idsBefore);

    const answer = await postGraphQL<ProfileAnswer>(stack.gateway.url, PROFILE, { id });
    const email = answer.data!.customer.profile.email;
    expect(email.value).toBe('moved.house@new-provider.example');
    expect(email.source).toMatchObject({ system: 'CALL_CENTER', localId: person.keys.contactIds[0] });
    expect(email.rule).toBe('MOST_RECENT');
    expect(email.conflict).toBe(true);
    expect(email.candidates.map((c) => c.system)).toContain('CORE_BANKING');
  });

  it('lets a data steward unlink and relink two records, recording who and why', async () => {
    const person = dataset.truth.find((p) => p.keys.cardholderIds.length === 1 && p.keys.cifs.length === 1)!;
    const id = await customerOfCif(person.keys.cifs[0]);
    const refs = { a: { system: 'CORE_BANKING', localId: person.keys.cifs[0] }, b: { system: 'CARDS', localId: person.keys.cardholderIds[0] } };
    const mutation = (name: string) => `mutation($input: StewardDecisionInput!) { ${name}(input: $input) { decision { kind decidedBy reason } customers { id } errors { code } } }`;
    // Link/unlink are data-steward mutations (gateway/auth/fieldPolicy.ts).
    const steward = await authHeaders('data-steward', { subject: 'steward-sam' });

    const unlinked = await postGraphQL<{ unlinkSourceRecords: { decision: { kind: string; reason: string }; customers: Array<{ id: string }> } }>(
      stack.gateway.url, mutation('unlinkSourceRecords'), { input: { ...refs, reason: 'different people per branch check' } }, steward);
    expect(unlinked.errors).toBeUndefined();
    // The token's subject reaches identity inside the gateway's call signature; the decision records it.
    expect(unlinked.data!.unlinkSourceRecords.decision).toMatchObject({ kind: 'UNLINK', reason: 'different people per branch check', decidedBy: 'steward-sam' });
    const split = unlinked.data!.unlinkSourceRecords.customers.map((c) => c.id);
    expect(split).toHaveLength(2);
    expect(split).toContain(id); // the anchor's side keeps the id

    const linked = await postGraphQL<{ linkSourceRecords: { customers: Array<{ id: string }> } }>(
      stack.gateway.url, mutation('linkSourceRecords'), { input: { ...refs, reason: 'confirmed with the customer' } }, steward);
    expect(linked.data!.linkSourceRecords.customers).toEqual([{ id }]);

    const decisions = await postGraphQL<{ stewardDecisions: Array<{ kind: string; reason: string }> }>(stack.gateway.url, '{ stewardDecisions(first: 2) { kind reason } }');
    expect(decisions.data!.stewardDecisions).toEqual([{ kind: 'LINK', reason: 'confirmed with the customer' }, { kind: 'UNLINK', reason: 'different people per branch check' }]);

    const unknown = await postGraphQL<{ linkSourceRecords: { errors: Array<{ code: string }> } }>(
      stack.gateway.url, mutation('linkSourceRecords'), { input: { a: refs.a, b: { system: 'ERP', localId: '1999999999' }, reason: 'typo test' } }, steward);
    expect(unknown.data!.linkSourceRecords.errors).toEqual([{ code: 'UNKNOWN_RECORD' }]);

    // Both decisions are in the audit trail, with who and why.
    const trail = await stack.auditStore.query({ customerId: id, first: 100 });
    const recorded = trail.events.filter((e) => e.kind === 'STEWARD_DECISION').map((e) => ({ subject: e.subject, action: e.action, reason: e.reason }));
    expect(recorded).toEqual([
      { subject: 'steward-sam', action: 'UNLINK', reason: 'different people per branch check' },
      { subject: 'steward-sam', action: 'LINK', reason: 'confirmed with the customer' },
    ]);
  });

  it('serves the discrepancy report with counts per field and system pair', async () => {
    const report = await postGraphQL<{ discrepancyReport: { totalCount: number; counts: Array<{ field: string; systemA: string; systemB: string; count: number }>; edges: Array<{ node: { field: string; systemA: string; systemB: string; customer: { id: string } } }> } }>(
      stack.gateway.url,
      '{ discrepancyReport(field: EMAIL, systems: [CORE_BANKING, CALL_CENTER], first: 5) { totalCount counts { field systemA systemB count } edges { node { field systemA systemB customer { id } } } } }',
    );
    expect(report.errors).toBeUndefined();
    const body = report.data!.discrepancyReport;
    expect(body.totalCount).toBeGreaterThan(0);
    expect(body.counts).toEqual([{ field: 'EMAIL', systemA: 'CORE_BANKING', systemB: 'CALL_CENTER', count: body.totalCount }]);
    for (const edge of body.edges) expect(edge.node).toMatchObject({ field: 'EMAIL', systemA: 'CORE_BANKING', systemB: 'CALL_CENTER' });
  });

  it('streams the same report as CSV, filtered the same way', async () => {
    const graph = await postGraphQL<{ discrepancyReport: { totalCount: number } }>(stack.gateway.url, '{ discrepancyReport(field: EMAIL) { totalCount } }');
    const response = await fetch(stack.gateway.url.replace('/graphql', '/reports/discrepancies.csv?field=EMAIL'), { headers: await authHeaders('auditor') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('customerId,customerName,field,systemA,localIdA,valueA,normalizedValueA,changedAtA,systemB,localIdB,valueB,normalizedValueB,changedAtB,servedValue,servedRule');
    expect(lines).toHaveLength(graph.data!.discrepancyReport.totalCount + 1);
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'EMAIL')).toBe(true);
  });
});
