import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../db/testing/testDatabase';
import { IdentityService } from './identityService';
import { FakeSourceAdapter, party } from './testing/fakeSourceAdapter';

describe.each(DATABASE_KINDS)('identity service start (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterEach(async () => cleanup?.());

  it('refuses to start when a system cannot be extracted into an empty store, writes nothing, and loads on the next start', async () => {
    const core = new FakeSourceAdapter('CORE_BANKING', [party('CORE_BANKING', '1000000001', { givenName: 'Ada', familyName: 'Lovelace', emails: ['ada@example.org'] })]);
    const cards = new FakeSourceAdapter('CARDS', [party('CARDS', 'CH10000001', { givenName: 'Ada', familyName: 'Lovelace', emails: ['ada@example.org'] })]);
    cards.down = true;
    await expect(IdentityService.start({ database, adapters: [core, cards], pollMs: 0, leaderRetryMs: 50 })).rejects.toThrow(/CARDS is down/);
    expect(await database.db.selectFrom('source_records').select('record_key').execute()).toEqual([]);

    cards.down = false;
    const service = await IdentityService.start({ database, adapters: [core, cards], pollMs: 0, leaderRetryMs: 50 });
    try {
      expect(service.isLeader()).toBe(true);
      const rows = await database.db.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).execute();
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.customer_id)).size).toBe(1);
    } finally {
      await service.close();
    }
  });

  it('reports each stage of the initial load as it ends, in order, with counts and never a customer value', async () => {
    const ada = { givenName: 'Ada', familyName: 'Lovelace', emails: ['ada@example.org'] };
    const core = new FakeSourceAdapter('CORE_BANKING', [party('CORE_BANKING', '1000000001', ada), party('CORE_BANKING', '1000000002', { givenName: 'Alan', familyName: 'Turing' })]);
    const cards = new FakeSourceAdapter('CARDS', [party('CARDS', 'CH10000001', ada)]);
    const stages: string[] = [];
    const service = await IdentityService.start({ database, adapters: [core, cards], pollMs: 0, leaderRetryMs: 50, onLoadProgress: (stage) => stages.push(stage) });
    await service.close();
    // The two extracts run at once: either may end first.
    expect(new Set(stages.slice(0, 2))).toEqual(new Set(['CORE_BANKING: 2 records', 'CARDS: 1 records']));
    expect(stages.slice(2)).toEqual(['3 records matched', 'source indexes built', '2 customers resolved', 'crosswalk written', 'crosswalk indexes built', 'discrepancies written']);
    expect(stages.join('\n')).not.toMatch(/Ada|Lovelace|Alan|Turing|example\.org|1000000001|CH10000001/);
  });

  it('gathers the planner statistics of the tables its per-request reads use once the store is loaded', async () => {
    const parties = ['1000000001', '1000000002', '1000000003'].map((id, i) => party('CORE_BANKING', id, { givenName: 'Ada', familyName: `Lovelace${i}` }));
    const service = await IdentityService.start({ database, adapters: [new FakeSourceAdapter('CORE_BANKING', parties)], pollMs: 0, leaderRetryMs: 50 });
    // Gathered in the background; stepping down (close) waits for it.
    await service.close();
    // pg_stats lists a column only once `analyze` has sampled its table: a bulk-loaded table
    // nobody analysed (PGlite has no autovacuum) has no row here, and is planned as tiny.
    const { rows } = await sql<{ table: string; column: string }>`
      select tablename as table, attname as column from pg_stats
      where schemaname = current_schema() and (tablename, attname) in (('crosswalk', 'customer_id'), ('customers', 'customer_id'))
      order by tablename`.execute(database.db);
    expect(rows).toEqual([{ table: 'crosswalk', column: 'customer_id' }, { table: 'customers', column: 'customer_id' }]);
  });

  it('follows as soon as it has started as the leader of a loaded store: a change made right after start is applied by the first poll', async () => {
    const core = new FakeSourceAdapter('CORE_BANKING', [party('CORE_BANKING', '1000000001', { givenName: 'Ada', familyName: 'Lovelace' })]);
    // The first start loads the store; the second leads a loaded one (the path a restart takes).
    await (await IdentityService.start({ database, adapters: [core], pollMs: 0, leaderRetryMs: 50 })).close();
    const service = await IdentityService.start({ database, adapters: [core], pollMs: 0, leaderRetryMs: 50 });
    try {
      core.edit(party('CORE_BANKING', '1000000001', { givenName: 'Ada', familyName: 'King' }));
      expect(await service.pollChanges()).toBe(1);
    } finally {
      await service.close();
    }
  });
});
