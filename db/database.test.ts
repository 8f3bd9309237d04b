import { sql } from 'kysely';
import { DATABASE_KINDS, openTestDatabase } from './testing/testDatabase';
import type { Database } from './database';

describe.each(DATABASE_KINDS)('database (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterAll(async () => cleanup?.());

  it('has every migration applied', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual(['0001_identity', '0002_audit_trail', '0003_review_queue', '0004_mortgage_store']);
  });

  it('keeps a rolled-back transaction from taking concurrent writes with it', async () => {
    await sql`create table tx_probe (x int)`.execute(database.db);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = database.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into tx_probe values (1)`.execute(trx);
        entered();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await inside;
    await sql`insert into tx_probe values (2)`.execute(database.db);
    expect(await failing).toBe('rolled back');
    const { rows } = await sql<{ x: number }>`select x from tx_probe`.execute(database.db);
    expect(rows).toEqual([{ x: 2 }]);
  });
});
