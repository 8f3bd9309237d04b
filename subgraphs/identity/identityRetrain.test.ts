import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { openTestDatabase } from '../../db/testing/testDatabase';
import { IdentityService } from './identityService';
import { FakeSourceAdapter, party } from './testing/fakeSourceAdapter';

describe('retraining on demand (identity service)', () => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let service: IdentityService | undefined;

  beforeEach(async () => {
    ({ database, cleanup } = await openTestDatabase('server'));
  });
  afterEach(async () => {
    await service?.close();
    await cleanup?.();
  });

  it('coalesces requests made while a retrain runs on this replica into that one retrain', async () => {
    const core = new FakeSourceAdapter('CORE_BANKING', [party('CORE_BANKING', '1000000001', { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1955-12-10' })]);
    const cards = new FakeSourceAdapter('CARDS', [party('CARDS', 'CH10000001', { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1955-12-10' })]);
    service = await IdentityService.start({ database, adapters: [core, cards], pollMs: 0, leaderRetryMs: 50 });
    const [first, second] = await Promise.all([service.retrain('steward-ada', 'new records'), service.retrain('steward-bob', 'also new records')]);
    expect(second.changeId).toBe(first.changeId);
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from identity_changes where cause = 'RETRAIN'`.execute(database.db)).rows[0].n;
    expect(await count()).toBe(1);
    // The change says who started it and why (the shared request adds nothing).
    const change = await database.db.selectFrom('identity_changes').select(['requested_by', 'reason']).where('cause', '=', 'RETRAIN').executeTakeFirstOrThrow();
    expect(change).toEqual({ requested_by: 'steward-ada', reason: 'new records' });
    // Once it has finished, the next request retrains again.
    const third = await service.retrain('steward-bob', 'after the migration');
    expect(third.changeId).not.toBe(first.changeId);
    expect(await count()).toBe(2);
  });
});
