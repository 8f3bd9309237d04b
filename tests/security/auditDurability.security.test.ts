import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { eventually, startRedisServer, type RedisProcess } from '../../adapters/cache/testing/redisTestkit';
import { createRedisAuditStore } from '../../gateway/audit/auditStoreFromEnv';
import { SpooledAuditStore } from '../../gateway/audit/spooledAuditStore';
import type { RunningStack } from '../../stack/startStack';
import { testDataset } from '../support/testStack';
import { post, securityToken, startProductionStack } from './support/productionStack';

const QUERY = 'query Balances($id: ID!) { customer(id: $id) { id accounts { balance { amount } } } }';
const WORKERS = 6;

/**
 * "An answered request is recorded, always": the gateway's audit store is a Redis Stream on a
 * private redis-server (never the shared one) behind the local spool, as production puts its
 * store behind it (createRedisAuditStore + SpooledAuditStore). Under load, that Redis is killed and
 * later restarted on the same port and data directory. Afterwards every request that was served
 * with data is in the stream exactly once, and none was refused: the spool took the events while
 * Redis was away and replayed them when it came back.
 */
describe('audit trail durability: Redis killed and restarted under load', () => {
  const run = randomUUID().slice(0, 8);
  const keyPrefix = `uv-durability-${run}:`;
  let dir: string;
  let redis: RedisProcess;
  let store: SpooledAuditStore;
  let stack: RunningStack;
  let ids: string[];
  // Redis keeps what it acknowledged across a kill: the append-only file reaches the OS on every write.
  const redisArgs = () => ['--appendonly', 'yes', '--appendfsync', 'no', '--dir', dir];

  beforeAll(async () => {
    const { dataset } = await testDataset();
    dir = await mkdtemp(join(tmpdir(), 'uv-audit-durability-'));
    redis = await startRedisServer({ extraArgs: redisArgs() });
    store = new SpooledAuditStore(createRedisAuditStore(redis.url, { keyPrefix }), { dir: join(dir, 'spool'), retryMinMs: 100, retryMaxMs: 1000 });
    stack = await startProductionStack(dataset, { auditStore: store });
    stack.identity.stopFollowing();
    const auditor = { authorization: `Bearer ${await securityToken('auditor')}` };
    const list = await post(stack.gateway.url, { query: '{ customers(first: 25) { edges { node { id } } } }' }, auditor);
    ids = list.json.data.customers.edges.map((e: { node: { id: string } }) => e.node.id);
  });
  afterAll(async () => {
    await stack?.close(); // closes the store, which closes its Redis connection
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records every served access exactly once, with none lost and none refused', async () => {
    const headers = { authorization: `Bearer ${await securityToken('teller', { subject: `durability-${run}` })}` };
    const served: string[] = [];
    const refused: Array<{ status: number; codes: string[] }> = [];
    let sent = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const n = sent++;
        const requestId = `durability-${run}-${n}`;
        const response = await post(stack.gateway.url, { query: QUERY, variables: { id: ids[n % ids.length] } }, { ...headers, 'x-request-id': requestId });
        if (response.status === 200 && response.json.data?.customer?.id) served.push(requestId);
        else refused.push({ status: response.status, codes: (response.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code) });
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, worker));
    try {
      await eventually(() => served.length >= 30, 'load to start', 60_000);
      const port = redis.port;
      await redis.stop();
      const atStop = served.length;
      await eventually(() => served.length >= atStop + 60, 'requests served while Redis is down', 60_000);
      expect(store.pendingEvents()).toBeGreaterThan(0);
      redis = await startRedisServer({ port, extraArgs: redisArgs() });
      const atRestart = served.length;
      await eventually(() => served.length >= atRestart + 60, 'requests served after Redis is back', 60_000);
    } finally {
      stop = true;
      await load;
    }
    await eventually(() => store.pendingEvents() === 0, 'the spool to be replayed', 60_000, 100);

    const reader = new Redis(redis.url);
    try {
      const entries = await reader.xrange(`${keyPrefix}audit`, '-', '+');
      const recorded = entries
        .map(([, fields]) => JSON.parse(fields[fields.indexOf('event') + 1]) as { kind: string; requestId: string | null })
        .filter((e) => e.kind === 'ACCESS' && e.requestId?.startsWith(`durability-${run}-`))
        .map((e) => e.requestId!);
      expect(refused).toEqual([]);
      expect(served.length).toBeGreaterThanOrEqual(150);
      expect(recorded.length).toBe(served.length);
      expect([...recorded].sort()).toEqual([...served].sort());
    } finally {
      await reader.quit();
    }
  });
});
