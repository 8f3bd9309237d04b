import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { createTestDatabase, type TestDatabase } from '../db/testing/testDatabase';
import type { Dataset } from '../simulators/dataset/loadDataset';
import { startAllSimulators, type RunningSimulators } from '../simulators/startAllSimulators';
import { adaptersReady, identityAdaptersFromEnv } from '../subgraphs/identity/identityAdapters';
import { IdentityService } from '../subgraphs/identity/identityService';
import type { SourceAdapter } from '../adapters/kit/sourceAdapter';
import {
  adminEdit,
  applyMoves,
  contactMoves,
  currentCrosswalk,
  customerOf,
  feedChangeCount,
  simulatorEnv,
  startIdentityProcess,
  until,
} from './support/identityScenario';
import { testDataset } from './support/testStack';

/**
 * Exactly-once change following against the real PostgreSQL: a follower killed (SIGKILL) in the
 * middle of applying a batch, and a system down for several polls.
 */
describe('identity change following', () => {
  let dataset: Dataset;
  let simulators: RunningSimulators;
  const databases: TestDatabase[] = [];
  const opened: Database[] = [];
  const adapters: SourceAdapter[][] = [];

  const freshStore = async () => {
    const created = await createTestDatabase();
    databases.push(created);
    const database = await openDatabase({ url: created.url, poolSize: 4 });
    opened.push(database);
    return { created, database };
  };
  /** An identity service on `database` that follows only when asked (pollChanges). */
  const service = async (database: Database) => {
    const own = identityAdaptersFromEnv({ ...process.env, ...simulatorEnv(simulators) }, { database });
    adapters.push(own);
    await adaptersReady(own);
    return IdentityService.start({ database, adapters: own, pollMs: 0 });
  };
  /** Polls until a poll applies nothing more. */
  const catchUp = async (identity: IdentityService) => {
    while ((await identity.pollChanges()) > 0);
  };

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    simulators = await startAllSimulators(dataset, 'free', {});
  });
  afterAll(async () => {
    for (const list of adapters) for (const adapter of list) adapter.close();
    for (const database of opened) await database.close();
    for (const created of databases) await created.drop();
    await simulators?.close();
  });

  beforeEach(async () => {
    for (const system of ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'] as const) {
      simulators[system].setFaults({ down: false });
      await fetch(`${simulators[system].url}/__admin/reset`, { method: 'POST' });
    }
  });

  it('gives the same crosswalk after a SIGKILL in the middle of a batch and a restart as an uninterrupted run', async () => {
    const crashed = await freshStore();
    const reference = await freshStore();
    // Both stores load the same population before any change is made.
    await (await service(crashed.database)).close();
    const uninterrupted = await service(reference.database);

    const moves = contactMoves(dataset, 40);
    await applyMoves(simulators, moves);

    await catchUp(uninterrupted);
    await uninterrupted.close();
    expect(await feedChangeCount(reference.database.db)).toBe(moves.length);

    // Hold the crosswalk so the follower's batch transaction stops half way (records, feed log and
    // customers written, crosswalk not yet), then kill it there.
    const blocker = new pg.Client({ connectionString: crashed.created.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table crosswalk in exclusive mode');
    const env = { DATABASE_URL: crashed.created.url, CHANGE_POLL_MS: '100', ...simulatorEnv(simulators) };
    const first = startIdentityProcess(env);
    try {
      await first.waitFor('ready');
      await until(async () => {
        // Asked outside the blocker's transaction: a transaction sees one snapshot of the statistics.
        const { rows } = await crashed.database.db.executeQuery<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where datname = ${crashed.created.name} and wait_event_type = 'Lock' and backend_xid is not null`.compile(crashed.database.db),
        );
        return rows[0].n > 0;
      }, 'the follower is blocked inside its batch transaction');
      await first.kill('SIGKILL');
    } finally {
      await first.kill('SIGKILL');
      await blocker.query('rollback');
      await blocker.end();
    }
    // Nothing of the killed batch is left, the cursor did not move.
    expect(await feedChangeCount(crashed.database.db)).toBe(0);

    const second = startIdentityProcess(env);
    try {
      await second.waitFor('ready');
      await until(async () => (await feedChangeCount(crashed.database.db)) >= moves.length, 'the restarted follower applied every change');
    } finally {
      await second.kill('SIGTERM');
    }
    // No change lost, none applied twice (the feed log's key is the change's feed position).
    expect(await feedChangeCount(crashed.database.db)).toBe(moves.length);
    expect(await currentCrosswalk(crashed.database.db)).toEqual(await currentCrosswalk(reference.database.db));
    for (const move of moves) {
      expect(await customerOf(crashed.database.db, 'CALL_CENTER', move.contactId)).toBe(await customerOf(crashed.database.db, 'CORE_BANKING', move.toCif));
    }
  });

  it('applies every system\'s changes when one system was down for several polls', async () => {
    const { database } = await freshStore();
    const identity = await service(database);
    const db = database.db;
    const cursorOf = async (system: string) => (await db.selectFrom('feed_cursors').select('cursor').where('system', '=', system).executeTakeFirstOrThrow()).cursor;

    const cif = dataset.coreBanking[3].cif;
    const holder = dataset.cards[3].cardholderId;
    const partner = dataset.erp[3].partnerId;
    const moves = contactMoves(dataset, 5, 100);
    simulators.CALL_CENTER.setFaults({ down: true });
    const callCenterCursor = await cursorOf('CALL_CENTER');
    await applyMoves(simulators, moves); // into the call center's feed while it is down

    await adminEdit(simulators, 'CORE_BANKING', { cif, changes: { email: 'during.outage.1@example.org' } });
    await identity.pollChanges();
    await adminEdit(simulators, 'CARDS', { cardholderId: holder, changes: { email: 'during.outage.2@example.org' } });
    await identity.pollChanges();
    await adminEdit(simulators, 'ERP', { partnerId: partner, changes: { email: 'during.outage.3@example.org' } });
    await identity.pollChanges();

    // The others' changes are in; the call center's cursor has not moved and its changes wait in its feed.
    const emailOf = async (key: string) => {
      const row = await db.selectFrom('source_records').select('party').where('record_key', '=', key).executeTakeFirstOrThrow();
      return (row.party as { emails: string[] }).emails;
    };
    expect(await emailOf(`CORE_BANKING:${cif}`)).toContain('during.outage.1@example.org');
    expect(await emailOf(`CARDS:${holder}`)).toContain('during.outage.2@example.org');
    expect(await emailOf(`ERP:${partner}`)).toContain('during.outage.3@example.org');
    expect(await cursorOf('CALL_CENTER')).toBe(callCenterCursor);
    expect(await feedChangeCount(db, 'CALL_CENTER')).toBe(0);
    for (const move of moves) expect(await customerOf(db, 'CALL_CENTER', move.contactId)).toBe(await customerOf(db, 'CORE_BANKING', move.fromCif));

    simulators.CALL_CENTER.setFaults({ down: false });
    await until(async () => (await identity.pollChanges(), (await feedChangeCount(db, 'CALL_CENTER')) === moves.length), 'the call center recovered');
    for (const move of moves) expect(await customerOf(db, 'CALL_CENTER', move.contactId)).toBe(await customerOf(db, 'CORE_BANKING', move.toCif));
    expect(await feedChangeCount(db)).toBe(3 + moves.length);
    const { rows } = await sql<{ system: string; n: number }>`select system, count(*)::int as n from feed_changes group by system order by system`.execute(db);
    expect(rows).toEqual([
      { system: 'CALL_CENTER', n: moves.length },
      { system: 'CARDS', n: 1 },
      { system: 'CORE_BANKING', n: 1 },
      { system: 'ERP', n: 1 },
    ]);
    await identity.close();
  });
});
