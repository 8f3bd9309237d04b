import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent } from './auditEvent';
import type { AuditStore } from './auditStore';
import { describeAuditStoreContract } from './auditStoreContract.testing';
import { JsonlAuditStore } from './jsonlAuditStore';
import { completeAuditEvent } from './recordAuditEvent';
import { AuditSpoolError, SpooledAuditStore } from './spooledAuditStore';

/** The store behind the spool, with a switch: a unit-level stand-in (the real stores have their own tests). */
function switchableStore() {
  const events: AuditEvent[] = [];
  let mode: 'up' | 'down' | 'hang' | 'slow' = 'up';
  const held: Array<() => void> = [];
  const store: AuditStore & { events: AuditEvent[]; set(m: typeof mode): void; releaseSlow(): void } = {
    kind: 'redis',
    events,
    set: (m) => void (mode = m),
    // 'slow' writes land only when released (a store that answers after the timeout).
    releaseSlow: () => held.splice(0).forEach((land) => land()),
    async append(event) {
      if (mode === 'down') throw new Error('ECONNREFUSED');
      if (mode === 'hang') return new Promise<void>(() => undefined);
      if (mode === 'slow') return new Promise<void>((resolve) => held.push(() => resolve(void events.push(event))));
      events.push(event);
    },
    async query() {
      return { events: [], hasNextPage: false };
    },
    async close() {},
  };
  return store;
}

const event = (n: number) => completeAuditEvent({ kind: 'ACCESS', subject: `s${n}`, customerIds: ['cust_AAAA0000'], requestId: `r${n}` });
const subjects = (events: AuditEvent[]) => events.map((e) => e.subject);

describeAuditStoreContract('SpooledAuditStore over JsonlAuditStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'audit-spooled-'));
  return { store: new SpooledAuditStore(new JsonlAuditStore(join(dir, 'audit.jsonl')), { dir: join(dir, 'spool') }), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('SpooledAuditStore', () => {
  let dir: string;
  const stores: SpooledAuditStore[] = [];
  const spooled = (inner: AuditStore, options: Partial<ConstructorParameters<typeof SpooledAuditStore>[1]> = {}) => {
    const store = new SpooledAuditStore(inner, { dir, writeTimeoutMs: 200, retryMinMs: 10_000, ...options });
    stores.push(store);
    return store;
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-spool-'));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes straight to the store while it answers, and spools nothing', async () => {
    const inner = switchableStore();
    const store = spooled(inner);
    for (let i = 0; i < 3; i += 1) await store.append(event(i));
    expect(subjects(inner.events)).toEqual(['s0', 's1', 's2']);
    expect(store.pendingEvents()).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('spools to disk while the store is down, then replays in order and empties the spool', async () => {
    const inner = switchableStore();
    const store = spooled(inner);
    await store.append(event(0));
    inner.set('down');
    for (let i = 1; i <= 5; i += 1) await store.append(event(i));
    expect(store.pendingEvents()).toBe(5);
    const onDisk = (await readFile(store.spoolPath, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l).subject);
    expect(onDisk).toEqual(['s1', 's2', 's3', 's4', 's5']);

    await store.replayNow(); // still down: nothing moves, nothing is lost
    expect(subjects(inner.events)).toEqual(['s0']);
    expect(store.pendingEvents()).toBe(5);

    inner.set('up');
    await store.append(event(6)); // behind the spooled ones, not before them
    await store.replayNow();
    expect(subjects(inner.events)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(store.pendingEvents()).toBe(0);
    expect(await readFile(store.spoolPath, 'utf8')).toBe('');

    await store.append(event(7)); // direct again
    expect(subjects(inner.events).at(-1)).toBe('s7');
  });

  it('replays by itself when the store comes back', async () => {
    const inner = switchableStore();
    const store = spooled(inner, { retryMinMs: 5, retryMaxMs: 20 });
    inner.set('down');
    await store.append(event(1));
    await store.append(event(2));
    inner.set('up');
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (store.pendingEvents() === 0) resolve(void clearInterval(check));
      }, 5);
    });
    expect(subjects(inner.events)).toEqual(['s1', 's2']);
  });

  it('spools an event whose write hangs past the timeout, so the request does not wait on the store', async () => {
    const inner = switchableStore();
    const store = spooled(inner, { writeTimeoutMs: 50 });
    inner.set('hang');
    await store.append(event(1));
    expect(store.pendingEvents()).toBe(1);
  });

  it('does not replay a spooled event whose timed-out write reached the store after all', async () => {
    const inner = switchableStore();
    const store = spooled(inner, { writeTimeoutMs: 20 });
    inner.set('slow');
    await store.append(event(1)); // times out: spooled
    inner.set('up');
    await store.append(event(2)); // behind it in the spool
    inner.releaseSlow(); // the first write lands late
    await new Promise((resolve) => setImmediate(resolve));
    await store.replayNow();
    expect(subjects(inner.events)).toEqual(['s1', 's2']);
    expect(store.pendingEvents()).toBe(0);
  });

  it('refuses (AuditSpoolError) only when neither the store nor the spool can take the event', async () => {
    const inner = switchableStore();
    inner.set('down');
    const blocked = join(dir, 'not-a-directory');
    await writeFile(blocked, 'a file where the spool directory should be');
    const store = new SpooledAuditStore(inner, { dir: join(blocked, 'spool'), writeTimeoutMs: 50 });
    stores.push(store);
    await expect(store.append(event(1))).rejects.toThrow(AuditSpoolError);
    expect(store.pendingEvents()).toBe(0);
  });

  it('refuses a malformed event without spooling it', async () => {
    const inner = switchableStore();
    inner.set('down');
    const store = spooled(inner);
    await expect(store.append({ ...event(1), kind: 'DELETE' as never })).rejects.toThrow(/kind/);
    expect(store.pendingEvents()).toBe(0);
  });

  it('adopts and replays, from its saved offset, the spool a dead process left, skipping a torn last line', async () => {
    // A pid that certainly belonged to a process that has exited.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.once('exit', resolve));
    const orphan = join(dir, `audit-spool-${hostname()}-${deadPid}-1000.jsonl`);
    const lines = [1, 2, 3].map((i) => JSON.stringify(event(i)));
    await writeFile(orphan, `${lines.join('\n')}\n{"kind":"ACC`);
    await writeFile(`${orphan}.offset`, String(Buffer.byteLength(`${lines[0]}\n`)));
    // Another host's file is not ours to judge.
    const foreign = join(dir, `audit-spool-another-host-${deadPid}-1000.jsonl`);
    await writeFile(foreign, `${lines[0]}\n`);

    const inner = switchableStore();
    const store = spooled(inner);
    await store.replayNow();
    expect(subjects(inner.events)).toEqual(['s2', 's3']);
    expect((await readdir(dir)).sort()).toEqual([`audit-spool-another-host-${deadPid}-1000.jsonl`]);

    await store.append(event(4));
    expect(subjects(inner.events)).toEqual(['s2', 's3', 's4']);
  });

  it('does not adopt the spool of another live store in this process', async () => {
    const first = switchableStore();
    first.set('down');
    const a = spooled(first);
    await a.append(event(1));
    const b = spooled(switchableStore());
    await b.replayNow();
    expect(a.pendingEvents()).toBe(1);
    first.set('up');
    await a.replayNow();
    expect(subjects(first.events)).toEqual(['s1']);
  });
});
