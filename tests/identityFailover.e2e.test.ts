import { openDatabase, type Database } from '../db/database';
import { createTestDatabase, type TestDatabase } from '../db/testing/testDatabase';
import type { Dataset } from '../simulators/dataset/loadDataset';
import { startAllSimulators, type RunningSimulators } from '../simulators/startAllSimulators';
import { applyMoves, contactMoves, customerOf, feedChangeCount, simulatorEnv, startIdentityProcess, until, type IdentityProcess } from './support/identityScenario';
import { testDataset } from './support/testStack';

/** Two identity processes over one PostgreSQL: exactly one follows; when it dies the other takes over. */
describe('identity replicas', () => {
  let dataset: Dataset;
  let simulators: RunningSimulators;
  let created: TestDatabase;
  let database: Database;
  const processes: IdentityProcess[] = [];

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    simulators = await startAllSimulators(dataset, 'free', {});
    created = await createTestDatabase();
    database = await openDatabase({ url: created.url, poolSize: 2 });
  });
  afterAll(async () => {
    for (const identity of processes) await identity.kill('SIGKILL');
    await database?.close();
    await created?.drop();
    await simulators?.close();
  });

  it('makes the standby follow within 5 s of the follower being killed, and applies the changes made meanwhile', async () => {
    const env = { DATABASE_URL: created.url, CHANGE_POLL_MS: '100', IDENTITY_LEADER_RETRY_MS: '1000', ...simulatorEnv(simulators) };
    const first = startIdentityProcess(env);
    processes.push(first);
    expect(await first.waitFor('ready')).toMatchObject({ leader: true });
    const second = startIdentityProcess(env);
    processes.push(second);
    // The second replica serves reads from the same store but does not follow.
    expect(await second.waitFor('ready')).toMatchObject({ leader: false });
    const health = await fetch(second.events.find((e) => e.event === 'ready')!.url!.replace('/graphql', '/health'));
    expect(health.status).toBe(200);

    await first.kill('SIGKILL');
    const killedAt = Date.now();
    const moves = contactMoves(dataset, 3);
    await applyMoves(simulators, moves);

    const leading = await second.waitFor('leading', 30_000);
    expect(Date.parse(leading.at) - killedAt).toBeLessThan(5000);
    await until(async () => (await feedChangeCount(database.db, 'CALL_CENTER')) === moves.length, 'the new follower applied the changes made meanwhile');
    for (const move of moves) expect(await customerOf(database.db, 'CALL_CENTER', move.contactId)).toBe(await customerOf(database.db, 'CORE_BANKING', move.toCif));
    // Two identity processes each load the population first: minutes on a busy 2-core machine.
  }, 180_000);
});
