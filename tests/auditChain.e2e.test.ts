import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { createTestDatabase, type TestDatabase } from '../db/testing/testDatabase';
import { PostgresAuditStore } from '../gateway/audit/postgresAuditStore';
import { completeAuditEvent } from '../gateway/audit/recordAuditEvent';

const ROOT = path.join(__dirname, '..');

/** `npm run audit:verify` against a real PostgreSQL database. */
function verify(url: string, ...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync('npm', ['run', '--silent', 'audit:verify', '--', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout + run.stderr };
}

describe('the audit trail in PostgreSQL', () => {
  let created: TestDatabase;
  let database: Database;
  let admin: pg.Client;

  beforeAll(async () => {
    created = await createTestDatabase();
    database = await openDatabase({ url: created.url, poolSize: 4 });
    const store = new PostgresAuditStore(database.db);
    for (let i = 1; i <= 8; i += 1) await store.append(completeAuditEvent({ kind: 'ACCESS', subject: `agent-${i}`, customerIds: ['cust_AUDIT000'], fieldClasses: ['PII'] }));
    admin = new pg.Client({ connectionString: created.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await database?.close();
    await created?.drop();
  });

  it('verifies an untouched trail and prints its head', () => {
    const { status, stdout } = verify(created.url);
    expect(stdout).toContain('audit trail intact: 8 links verified');
    expect(status).toBe(0);
  });

  it('refuses UPDATE and DELETE, whoever connects', async () => {
    await expect(admin.query(`update audit_trail set event = replace(event, 'agent-3', 'agent-9') where seq = 3`)).rejects.toThrow(/append-only/);
    await expect(admin.query('delete from audit_trail where seq = 5')).rejects.toThrow(/append-only/);
    await expect(admin.query('truncate audit_trail')).rejects.toThrow(/append-only/);
    expect(verify(created.url).status).toBe(0);
  });

  it('names the first broken link after a row was altered directly (a superuser disabling the guards)', async () => {
    await admin.query('begin');
    await admin.query('alter table audit_trail disable trigger audit_trail_no_change');
    await admin.query(`update audit_trail set event = replace(event, 'agent-5', 'agent-0') where seq = 5`);
    await admin.query('alter table audit_trail enable trigger audit_trail_no_change');
    await admin.query('commit');
    const { status, stdout } = verify(created.url);
    expect(stdout).toContain('audit trail BROKEN at link 5');
    expect(stdout).toMatch(/hash does not match/);
    expect(status).toBe(1);
  });

  it('answers --help without touching the database', () => {
    const { status, stdout } = verify('postgres://nobody@127.0.0.1:1/none', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--anchor');
  });
});
