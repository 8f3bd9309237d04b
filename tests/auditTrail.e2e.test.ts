import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { AuditStore } from '../gateway/audit/auditStore';
import { recordAuditEvent } from '../gateway/audit/recordAuditEvent';
import { RedisAuditStore } from '../gateway/audit/redisAuditStore';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { operation, postGraphQL } from './support/graphqlClient';
import { authHeaders, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

// An auditor's scenario: reading the audit trail (AUDIT_TRAIL is the auditor's alone); the
// calls being audited name their own roles (teller, call-center agent).
callAs('auditor', 'the audit trail is readable by the auditor only');

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const AUDIT_TRAIL = `query AuditTrail($id: ID!, $first: Int, $after: String, $from: DateTime, $to: DateTime) {
  auditTrail(customerId: $id, first: $first, after: $after, from: $from, to: $to) {
    edges { cursor node { id kind at subject channel roles customerIds fieldClasses operationName requestId action reason } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AuditNode {
  id: string;
  kind: string;
  at: string;
  subject: string;
  channel: string | null;
  roles: string[];
  customerIds: string[];
  fieldClasses: string[];
  operationName: string | null;
  requestId: string | null;
  action: string | null;
  reason: string | null;
}
type AuditTrailData = { auditTrail: { edges: Array<{ cursor: string; node: AuditNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null };

/** The same end-to-end checks over each store the gateway can write to. */
function describeAuditTrail(storeName: string, kind: AuditStore['kind'], openStore: () => { store?: AuditStore; cleanup(): Promise<void> }) {
  describe(`audit trail end to end (${storeName})`, () => {
    let dataset: Dataset;
    let stack: RunningStack;
    let cleanup: () => Promise<void>;
    let ids: string[];
    const run = randomUUID().slice(0, 8);

    const trail = async (customerId: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      postGraphQL<AuditTrailData>(stack.gateway.url, AUDIT_TRAIL, { id: customerId, first: 100, ...variables }, headers);

    beforeAll(async () => {
      ({ dataset } = await testDataset());
      const opened = openStore();
      cleanup = opened.cleanup;
      // No store given: the stack's own default (the database's table), not the test stacks' file.
      stack = await startTestStack(dataset, { auditStore: opened.store });
      const list = await postGraphQL<{ customers: { edges: Array<{ node: { id: string } }> } }>(
        stack.gateway.url,
        '{ customers(first: 6) { edges { node { id } } } }',
        {},
        await authHeaders('integration'),
      );
      ids = list.data!.customers.edges.map((e) => e.node.id);
      expect(stack.auditStore.kind).toBe(kind);
    });
    afterAll(async () => {
      await stack?.close();
      await cleanup?.();
    });

    it('records every customer360 call with the caller, channel, roles, classes, operation and request id', async () => {
      const teller = await authHeaders('teller', { subject: `teller-${run}`, channel: 'branch' });
      const before = new Date().toISOString();
      for (const [i, id] of ids.entries()) {
        const response = await postGraphQL(stack.gateway.url, operation('customer360'), { id }, { ...teller, 'x-request-id': `audit-${run}-${i}` });
        expect(response.status).toBe(200);
      }
      for (const [i, id] of ids.entries()) {
        const { data, errors } = await trail(id);
        expect(errors).toBeUndefined();
        const mine = data!.auditTrail!.edges.map((e) => e.node).filter((n) => n.subject === `teller-${run}`);
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({
          kind: 'ACCESS',
          channel: 'branch',
          roles: ['teller'],
          customerIds: [id],
          operationName: 'Customer360',
          requestId: `audit-${run}-${i}`,
          action: null,
        });
        expect(mine[0].fieldClasses).toEqual(['PII', 'FINANCIAL']);
        expect(mine[0].at >= before).toBe(true);
      }
    });

    it('records only the classes the caller was allowed to read as ACCESS, and the refused ones as DENIED', async () => {
      const agent = await authHeaders('call-center-agent', { subject: `agent-${run}`, channel: 'call-center' });
      await postGraphQL(stack.gateway.url, operation('customer360'), { id: ids[0] }, agent);
      const { data } = await trail(ids[0]);
      const events = data!.auditTrail!.edges.map((e) => e.node).filter((n) => n.subject === `agent-${run}`);
      expect(events.map(({ kind, channel, roles, fieldClasses, customerIds, reason }) => ({ kind, channel, roles, fieldClasses, customerIds, reason })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
        { kind: 'ACCESS', channel: 'call-center', roles: ['call-center-agent'], fieldClasses: ['PII'], customerIds: [ids[0]], reason: null },
        { kind: 'DENIED', channel: 'call-center', roles: ['call-center-agent'], fieldClasses: ['FINANCIAL'], customerIds: [ids[0]], reason: 'FORBIDDEN_FIELDS' },
      ]);
    });

    it('records a list access against every customer listed, and a lookup of an unknown id', async () => {
      const subject = `lister-${run}`;
      await postGraphQL(stack.gateway.url, operation('customerList'), { first: 3 }, await authHeaders('teller', { subject }));
      const unknown = 'cust_UNKNOWN0000000000';
      await postGraphQL(stack.gateway.url, 'query Lookup($id: ID!) { customer(id: $id) { id } }', { id: unknown }, await authHeaders('teller', { subject }));
      for (const id of ids.slice(0, 3)) {
        const { data } = await trail(id);
        expect(data!.auditTrail!.edges.some((e) => e.node.subject === subject && e.node.operationName === 'CustomerList')).toBe(true);
      }
      const { data } = await trail(unknown);
      expect(data!.auditTrail!.edges.map((e) => e.node)).toEqual([expect.objectContaining({ subject, operationName: 'Lookup', customerIds: [unknown] })]);
    });

    it('pages and windows the trail, and records the auditor\'s own reads as AUDIT_TRAIL access', async () => {
      const auditor = await authHeaders('auditor', { subject: `auditor-${run}` });
      const all = (await trail(ids[1], {}, auditor)).data!.auditTrail!.edges;
      expect(all.length).toBeGreaterThanOrEqual(2);
      const first = (await trail(ids[1], { first: 1 }, auditor)).data!.auditTrail!;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await trail(ids[1], { first: 1, after: first.pageInfo.endCursor }, auditor)).data!.auditTrail!;
      expect(second.edges[0].node.id).toBe(all[1].node.id);

      const windowed = (await trail(ids[1], { from: all[1].node.at, to: all[1].node.at }, auditor)).data!.auditTrail!.edges;
      expect(windowed.map((e) => e.node.id)).toContain(all[1].node.id);
      expect(windowed.every((e) => e.node.at === all[1].node.at)).toBe(true);

      const after = (await trail(ids[1], {}, auditor)).data!.auditTrail!.edges.map((e) => e.node);
      expect(after.some((n) => n.kind === 'ACCESS' && n.subject === `auditor-${run}` && n.operationName === 'AuditTrail' && n.fieldClasses.includes('AUDIT_TRAIL'))).toBe(true);
    });

    it('serves steward decisions recorded through the same store', async () => {
      await recordAuditEvent({ kind: 'STEWARD_DECISION', subject: `steward-${run}`, customerIds: [ids[2]], action: 'UNLINK', reason: 'DIFFERENT_PERSON' }, stack.auditStore);
      const { data } = await trail(ids[2]);
      expect(data!.auditTrail!.edges.map((e) => e.node)).toContainEqual(
        expect.objectContaining({ kind: 'STEWARD_DECISION', subject: `steward-${run}`, action: 'UNLINK', reason: 'DIFFERENT_PERSON' }),
      );
    });

    it('is for auditors only (not tellers, not data stewards), and refuses bad input with a typed error', async () => {
      for (const role of ['teller', 'data-steward']) {
        const refused = await trail(ids[0], {}, await authHeaders(role));
        expect({ role, data: refused.data?.auditTrail ?? null, code: refused.errors?.[0].extensions?.code, cls: refused.errors?.[0].extensions?.class }).toEqual({ role, data: null, code: 'FORBIDDEN', cls: 'AUDIT_TRAIL' });
      }

      const bad = await trail('not-a-customer');
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const badCursor = await trail(ids[0], { after: 'garbage' });
      expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const tooMany = await trail(ids[0], { first: 1000 });
      expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
}

describeAuditTrail('PostgreSQL table, the stack default', 'postgres', () => ({ cleanup: async () => undefined }));

describeAuditTrail('Redis Stream', 'redis', () => {
  const keyPrefix = `uv-test-${randomUUID()}:`;
  return {
    store: new RedisAuditStore(new Redis(REDIS_URL), { keyPrefix }),
    cleanup: async () => {
      const redis = new Redis(REDIS_URL);
      await redis.del(`${keyPrefix}audit`);
      await redis.quit();
    },
  };
});
