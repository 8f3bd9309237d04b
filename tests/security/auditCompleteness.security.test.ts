import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../gateway/audit/auditEvent';
import type { JsonlAuditStore } from '../../gateway/audit/jsonlAuditStore';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import type { TruePerson } from '../../simulators/dataset/records';
import type { RunningStack } from '../../stack/startStack';
import { testDataset } from '../support/testStack';
import { post, securityToken, startProductionStack } from './support/productionStack';

/**
 * Every customer whose data leaves the gateway is in the audit trail, however the client
 * selected it. Each row sends one query shape with its own request id, then reads the trail's
 * file and compares the customers recorded for that request with the ones expected. The
 * expected ids never come from the audit code: they are the crosswalk's answer for source keys
 * taken from the dataset's ground truth (customerBySourceKey, asked separately), or the ids the
 * same list returns when the id is selected plainly.
 */

interface Shape {
  shape: string;
  role?: string;
  query: (c: Fixture) => string;
  variables?: (c: Fixture) => Record<string, unknown>;
  /** The customer ids the trail must hold for this request, computed without the audit code. */
  expected: (c: Fixture) => Promise<string[]> | string[];
}

interface Fixture {
  stack: RunningStack;
  dataset: Dataset;
  people: TruePerson[];
  ids: string[];
}
const f = {} as Fixture;
let auditor: Record<string, string>;

const idOf = async (system: string, localId: string): Promise<string> =>
  (await post(f.stack.gateway.url, { query: 'query($s: SourceSystem!, $l: String!) { customerBySourceKey(system: $s, localId: $l) { id } }', variables: { s: system, l: localId } }, auditor)).json.data.customerBySourceKey.id;
/** The ids a list returns when asked for plainly: what the list shape is expected to record. */
const idsListed = async (query: string): Promise<string[]> => {
  const text = JSON.stringify((await post(f.stack.gateway.url, { query }, auditor)).json.data);
  return [...new Set([...text.matchAll(/"id":"(cust_[A-Za-z0-9]+)"/g)].map((m) => m[1]))];
};

const SHAPES: Shape[] = [
  { shape: 'a lookup with the id selected', query: () => 'query($id: ID!) { customer(id: $id) { id } }', variables: (c) => ({ id: c.ids[0] }), expected: (c) => [c.ids[0]] },
  { shape: 'a lookup without the id selected (profile and accounts only)', query: (c) => `{ customer(id: "${c.ids[1]}") { profile { fullName { value } } accounts { balance { amount } } } }`, expected: (c) => [c.ids[1]] },
  { shape: 'the id under another alias (cid: id)', query: (c) => `{ customer(id: "${c.ids[2]}") { cid: id profile { email { value } } } }`, expected: (c) => [c.ids[2]] },
  { shape: 'another field aliased as id', query: (c) => `{ customer(id: "${c.ids[3]}") { id: __typename profile { birthDate { value } } } }`, expected: (c) => [c.ids[3]] },
  { shape: 'two aliased lookups without ids', query: (c) => `{ a: customer(id: "${c.ids[4]}") { profile { fullName { value } } } b: customer(id: "${c.ids[5]}") { accounts { accountNumber } } }`, expected: (c) => [c.ids[4], c.ids[5]] },
  { shape: 'a list without ids (customers(first: 20))', query: () => '{ customers(first: 20) { edges { node { profile { fullName { value } } } } } }', expected: () => idsListed('{ customers(first: 20) { edges { node { id } } } }') },
  { shape: 'a second page of the list', query: () => '{ customers(first: 5, after: "bzo0") { edges { node { profile { fullName { value } } } } } }', expected: () => idsListed('{ customers(first: 5, after: "bzo0") { edges { node { id } } } }') },
  { shape: 'search by an email from the ground truth', query: (c) => `{ searchCustomers(text: "${c.people[6].email}") { edges { node { profile { email { value } } } } } }`, expected: (c) => idsListed(`{ searchCustomers(text: "${c.people[6].email}") { edges { node { id } } } }`) },
  { shape: 'a reverse lookup from a card', query: (c) => `{ customerBySourceKey(system: CARDS, localId: "${c.people[7].keys.cardholderIds[0]}") { cards { maskedPan } } }`, expected: (c) => idOf('CARDS', c.people[7].keys.cardholderIds[0]).then((id) => [id]) },
  { shape: 'a named fragment', query: (c) => `query { customer(id: "${c.ids[8]}") { ...Money } } fragment Money on Customer { accounts { balance { amount } } }`, expected: (c) => [c.ids[8]] },
  { shape: 'an inline fragment and only __typename', query: (c) => `{ customer(id: "${c.ids[9]}") { ... on Customer { __typename } } }`, expected: (c) => [c.ids[9]] },
  { shape: 'customers nested in a report', query: () => '{ discrepancyReport(first: 5) { edges { node { field customer { profile { fullName { value } } } } } } }', expected: () => idsListed('{ discrepancyReport(first: 5) { edges { node { customer { id } } } } }') },
  { shape: 'a mutation naming its customer', role: 'call-center-agent', query: () => 'mutation($input: ScheduleCallbackInput!) { scheduleCallback(input: $input) { userErrors { code } } }', variables: (c) => ({ input: { customerId: c.ids[10], slotId: 'A0000-no-such-slot', idempotencyKey: `audit-${randomUUID()}` } }), expected: (c) => [c.ids[10]] },
  { shape: 'a lookup that finds nobody', query: () => '{ customer(id: "cust_NOSUCHCUSTOMER0000") { id } }', expected: () => ['cust_NOSUCHCUSTOMER0000'] },
  { shape: 'an operation selecting no customer', query: () => '{ customers(first: 3) { totalCount } }', expected: () => [] },
];

describe('audit completeness: every customer whose data leaves the gateway is recorded', () => {
  beforeAll(async () => {
    const { dataset } = await testDataset();
    f.dataset = dataset;
    f.stack = await startProductionStack(dataset);
    f.stack.identity.stopFollowing();
    auditor = { authorization: `Bearer ${await securityToken('auditor', { subject: 'completeness-setup' })}` };
    f.people = dataset.truth.filter((p) => p.keys.cifs.length === 1 && p.keys.cardholderIds.length === 1).slice(0, 12);
    // Customers named by the crosswalk for ground-truth source keys (the CIF of each person).
    f.ids = await Promise.all(f.people.map((p) => idOf('CORE_BANKING', p.keys.cifs[0])));
    expect(new Set(f.ids).size).toBe(f.ids.length);
  });
  afterAll(async () => {
    await f.stack?.close();
  });

  it.each(SHAPES.map((s) => [s.shape, s] as const))('records exactly the customers of %s', async (_name, shape) => {
    const requestId = `completeness-${randomUUID()}`;
    const token = await securityToken(shape.role ?? 'auditor', { subject: 'completeness' });
    const response = await post(f.stack.gateway.url, { query: shape.query(f), variables: shape.variables?.(f) ?? {} }, { authorization: `Bearer ${token}`, 'x-request-id': requestId });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.json)).not.toContain('_uvAuditCustomerId');
    const expected = await shape.expected(f);

    const lines = (await readFile((f.stack.auditStore as JsonlAuditStore).path, 'utf8')).trim().split('\n');
    const events = lines.map((l) => JSON.parse(l) as AuditEvent).filter((e) => e.requestId === requestId);
    const recorded = [...new Set(events.filter((e) => e.kind === 'ACCESS').flatMap((e) => e.customerIds))].sort();
    expect(recorded).toEqual([...expected].sort());
    expect(events.every((e) => e.kind === 'ACCESS')).toBe(true);
    if (expected.length > 0) expect(events).toHaveLength(1);
  });
});
