import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAuditStoreContract } from './auditStoreContract.testing';
import { JsonlAuditStore } from './jsonlAuditStore';
import { completeAuditEvent } from './recordAuditEvent';

describeAuditStoreContract('JsonlAuditStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'audit-jsonl-'));
  // A nested path: the store creates its directory.
  return { store: new JsonlAuditStore(join(dir, 'nested', 'audit.jsonl')), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('JsonlAuditStore file handling', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-jsonl-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads an absent file as an empty trail', async () => {
    const store = new JsonlAuditStore(join(dir, 'absent.jsonl'));
    expect(await store.query({ customerId: 'cust_AAAA0000', first: 5 })).toEqual({ events: [], hasNextPage: false });
  });

  it('appends one JSON line per event, keeps concurrent appends whole, and skips damaged lines', async () => {
    const path = join(dir, 'trail.jsonl');
    const store = new JsonlAuditStore(path);
    const event = (i: number) => completeAuditEvent({ kind: 'ACCESS', subject: `s${i}`, customerIds: ['cust_AAAA0000'] });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(event(i))));
    await appendFile(path, '{"kind":"ACCESS", cut short\nnot json at all\n');
    await store.append(event(50));
    await store.close();

    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(53);
    const page = await new JsonlAuditStore(path).query({ customerId: 'cust_AAAA0000', first: 100 });
    expect(page.events).toHaveLength(51);
    expect(new Set(page.events.map((e) => e.subject)).size).toBe(51);
    expect(page.events[50]).toMatchObject({ subject: 's50', id: '53' });
  });
});
