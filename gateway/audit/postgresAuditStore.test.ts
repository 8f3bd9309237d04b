import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../db/testing/testDatabase';
import { describeAuditStoreContract } from './auditStoreContract.testing';
import { PostgresAuditStore } from './postgresAuditStore';
import { verifyAuditChain } from './postgresAuditStoreVerify';
import { completeAuditEvent } from './recordAuditEvent';

for (const kind of DATABASE_KINDS) {
  describeAuditStoreContract(`PostgresAuditStore (${kind})`, async () => {
    const { database, cleanup } = await openTestDatabase(kind);
    return { store: new PostgresAuditStore(database.db), cleanup };
  });
}

const access = (subject: string) => completeAuditEvent({ kind: 'ACCESS', subject, customerIds: ['cust_CHAIN000'], fieldClasses: ['PII'] });

describe.each(DATABASE_KINDS)('audit_trail table (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let store: PostgresAuditStore;

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
    store = new PostgresAuditStore(database.db);
    for (let i = 0; i < 5; i += 1) await store.append(access(`agent-${i}`));
  });
  afterAll(async () => cleanup?.());

  it('chains every appended row to the one before it', async () => {
    expect(await verifyAuditChain(database.db, 2)).toMatchObject({ checked: 5, broken: null });
  });

  const refusals: Array<[string, ReturnType<typeof sql>]> = [
    ['UPDATE', sql`update audit_trail set event = replace(event, 'agent-1', 'agent-9') where seq = 2`],
    ['DELETE', sql`delete from audit_trail where seq = 3`],
    ['TRUNCATE', sql`truncate audit_trail`],
    ['an insert that forges its own position and hash', sql`insert into audit_trail (seq, event, prev_hash, hash) values (1, '{"at":"2026-01-01T00:00:00.000Z","customerIds":[]}', 'x', 'y') returning seq, prev_hash`],
  ];

  it.each(refusals.slice(0, 3))('refuses %s, whoever asks', async (_name, statement) => {
    await expect(statement.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 5, broken: null });
  });

  it('ignores the position and hashes an insert claims: the trigger sets them', async () => {
    const { rows } = await refusals[3][1].execute(database.db);
    const row = rows[0] as { seq: number | string; prev_hash: string };
    expect(Number(row.seq)).toBe(6);
    expect(row.prev_hash).not.toBe('x');
    expect(await verifyAuditChain(database.db)).toMatchObject({ checked: 6, broken: null });
  });
});

describe('audit_trail under concurrent appenders (server)', () => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase('server'));
  });
  afterAll(async () => cleanup?.());

  it('builds one valid chain from many connections appending at once', async () => {
    const store = new PostgresAuditStore(database.db);
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.append(access(`agent-${i}`))));
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ checked: 60, broken: null });
    const { rows } = await sql<{ n: number }>`select count(distinct event)::int as n from audit_trail`.execute(database.db);
    expect(rows[0].n).toBe(60);
  });
});
