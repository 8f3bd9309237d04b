import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { blockingKeys, DEFAULT_MATCH_CONFIG, normaliseParty } from '../matcherApi';
import { party } from '../testing/fakeSourceAdapter';
import { loadNeighbourhood } from './neighbourhood';

// A changed record and the blocks its keys fall in, written straight into blocking_keys: one key
// shared by far more records than the matcher compares, one by a few, the rest by nobody else.
const changed = party('CARDS', 'CH10000001', { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1950-01-10', emails: ['ada@example.org'], phones: ['07700 900001'] });
const keys = [...new Set(blockingKeys(normaliseParty(changed)))];
const [commonKey, rareKey, ...otherKeys] = keys;
const pad = (n: number) => String(n).padStart(3, '0');
/** 150 members of the common block: ERP:B000 .. ERP:B149. */
const commonMembers = Array.from({ length: 150 }, (_, n) => `ERP:B${pad(n)}`);
const rareMembers = ['ERP:S2', 'ERP:S0', 'ERP:S1'];
// A block is read up to this many members: one more than the matcher compares, plus the changed
// record itself (the changed record is not in the table yet).
const LIMIT = DEFAULT_MATCH_CONFIG.maxBlockSize + 1 + 1;

describe.each(DATABASE_KINDS)("a change's neighbourhood: the blocks it reads (%s)", (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
    // Inserted out of order: the members kept must be the lowest keys, not the first rows written.
    const shuffled = [...commonMembers.filter((_, n) => n % 2 === 1), ...commonMembers.filter((_, n) => n % 2 === 0).reverse()];
    const rows = [...shuffled.map((record) => [commonKey, record]), ...rareMembers.map((record) => [rareKey, record])];
    // A key that is not the changed record's: never read.
    rows.push(['unrelated-key', 'ERP:S0']);
    await sql`insert into blocking_keys (block_key, record_key) select * from unnest(${rows.map((r) => r[0])}::text[], ${rows.map((r) => r[1])}::text[])`.execute(database.db);
  });
  afterAll(async () => cleanup?.());

  it('the record has at least two keys to test with', () => {
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(commonMembers.length).toBeGreaterThan(LIMIT);
  });

  // The matcher reads a block as a set and by its length: the order of its members is not part of it.
  const membersOf = (blocks: ReadonlyMap<string, readonly string[]>, key: string) => [...(blocks.get(key) ?? [])].sort();

  it("reads a common key's block up to the limit, the members of lowest record key, enough to show it is too large", async () => {
    const { state } = await database.db.transaction().execute((trx) => loadNeighbourhood(trx, [], [changed]));
    expect(membersOf(state.blocks, commonKey)).toEqual(commonMembers.slice(0, LIMIT));
  });

  it('reads a small block whole, and a key nobody else holds as empty', async () => {
    const { state } = await database.db.transaction().execute((trx) => loadNeighbourhood(trx, [], [changed]));
    expect(membersOf(state.blocks, rareKey)).toEqual(['ERP:S0', 'ERP:S1', 'ERP:S2']);
    for (const key of otherKeys) expect(state.blocks.get(key)).toEqual([]);
    expect(state.blocks.has('unrelated-key')).toBe(false);
  });
});
