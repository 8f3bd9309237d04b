import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'kysely';
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import type { Database } from '../../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { FakeSourceAdapter, party } from '../testing/fakeSourceAdapter';
import { initialLoad } from './initialLoad';

const SYSTEMS: SourceSystem[] = ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'];
const NO_WAIT = { attempts: 3, backoffMs: 0 };
/** Two loads of 120 records on embedded PGlite, on a shared machine. */
const SLOW = 180_000;

/**
 * A system whose bulk extract breaks off after `failAfter` records on its first `failures`
 * extracts (a dropped connection mid-stream), and yields between records so that the four
 * extracts of a load interleave.
 */
class FlakyExtract extends FakeSourceAdapter {
  extracts = 0;

  constructor(
    system: SourceSystem,
    parties: readonly SourceParty[],
    private readonly failures: number,
    private readonly failAfter: number,
  ) {
    super(system, parties);
  }

  override async *extractParties(): AsyncIterable<SourceParty> {
    this.extracts += 1;
    let yielded = 0;
    for await (const record of super.extractParties()) {
      if (this.extracts <= this.failures && yielded === this.failAfter) throw new Error(`${this.system}: connection reset`);
      await nextTurn();
      yield record;
      yielded += 1;
    }
  }
}

/** Person n in every system: same name, birth date, email and phone (so one customer each). */
function populationOf(people: number): Record<SourceSystem, SourceParty[]> {
  // The four original systems' id formats (SYSTEMS), keyed by string: a system added to the registry does not make it incomplete.
  const ids: Record<string, (n: number) => string> = {
    CORE_BANKING: (n) => String(1_000_000_000 + n),
    CARDS: (n) => `CH${10_000_000 + n}`,
    ERP: (n) => String(2_000_000_000 + n),
    CALL_CENTER: (n) => `C${100_000_000 + n}`,
    MORTGAGES: (n) => `MB${10_000_000 + n}`,
  };
  const given = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John'];
  const family = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus'];
  const records = (system: SourceSystem) =>
    Array.from({ length: people }, (_, n) =>
      party(system, ids[system](n), {
        givenName: given[n % 8],
        familyName: `${family[n % 8]}${Math.floor(n / 8)}`,
        birthDate: `19${50 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`,
        emails: [`person${n}@example.org`],
        phones: [`07700 9${String(n).padStart(5, '0')}`],
      }),
    );
  return Object.fromEntries(SYSTEMS.map((s) => [s, records(s)])) as Record<SourceSystem, SourceParty[]>;
}

async function storedKeys(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('source_records').select('record_key').orderBy('record_key').execute();
  return rows.map((r) => r.record_key);
}

/** Rows per table that a load writes, and whether any record key appears twice where it must not. */
async function tableCounts(database: Database) {
  const { rows } = await sql<{ records: number; distinct_records: number; blocks: number; distinct_blocks: number; terms: number; crosswalk: number; customers: number }>`
    select (select count(*)::int from source_records) as records,
           (select count(distinct record_key)::int from source_records) as distinct_records,
           (select count(*)::int from blocking_keys) as blocks,
           (select count(*)::int from (select distinct block_key, record_key from blocking_keys) d) as distinct_blocks,
           (select count(*)::int from search_keys) as terms,
           (select count(*)::int from crosswalk where valid_to is null) as crosswalk,
           (select count(*)::int from customers) as customers`.execute(database.db);
  return rows[0];
}

async function crosswalkOf(database: Database): Promise<Array<[string, string]>> {
  const rows = await database.db.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).orderBy('record_key').execute();
  return rows.map((r) => [r.record_key, r.customer_id]);
}

describe.each(DATABASE_KINDS)('initial load when an extract fails (%s)', (kind) => {
  const PEOPLE = 30;
  const population = populationOf(PEOPLE);
  const expectedKeys = SYSTEMS.flatMap((s) => population[s].map((p) => `${s}:${p.localId}`)).sort();
  let opened: Array<{ database: Database; cleanup(): Promise<void> }> = [];
  const open = async () => {
    const handle = await openTestDatabase(kind);
    opened.push(handle);
    return handle.database;
  };
  afterEach(async () => {
    for (const handle of opened) await handle.cleanup();
    opened = [];
  });

  it('extracts a system that broke off mid-stream again, alone: every record once, the same store as an uninterrupted load', async () => {
    const reference = await open();
    await initialLoad(reference.db, SYSTEMS.map((s) => new FakeSourceAdapter(s, population[s])), undefined, { retry: NO_WAIT });

    const database = await open();
    const cards = new FlakyExtract('CARDS', population.CARDS, 2, 25);
    const others = SYSTEMS.filter((s) => s !== 'CARDS').map((s) => new FlakyExtract(s, population[s], 0, 0));
    const stages: string[] = [];
    const stats = await initialLoad(database.db, [others[0], cards, others[1], others[2]], (stage) => stages.push(stage), { retry: NO_WAIT });

    expect(cards.extracts).toBe(3); // two broken extracts, then a whole one
    expect(others.map((a) => a.extracts)).toEqual([1, 1, 1]); // the others were not extracted again
    expect(stages.filter((s) => s.includes('extract failed'))).toHaveLength(2);
    expect(stats).toMatchObject({ records: 4 * PEOPLE, customers: PEOPLE });
    expect(await storedKeys(database)).toEqual(expectedKeys);
    const counts = await tableCounts(database);
    expect(counts.distinct_records).toBe(counts.records);
    expect(counts.distinct_blocks).toBe(counts.blocks);
    expect(counts).toEqual(await tableCounts(reference));
    expect(await crosswalkOf(database)).toEqual(await crosswalkOf(reference));
  }, SLOW);

  it('gives up after the last attempt: the load fails, the others stop, and the store stays empty and unloaded', async () => {
    const database = await open();
    const erp = new FlakyExtract('ERP', population.ERP, 3, 10);
    const others = SYSTEMS.filter((s) => s !== 'ERP').map((s) => new FlakyExtract(s, population[s], 0, 0));
    await expect(initialLoad(database.db, [...others, erp], undefined, { retry: NO_WAIT })).rejects.toThrow('ERP: connection reset');
    expect(erp.extracts).toBe(3);
    expect(await tableCounts(database)).toEqual({ records: 0, distinct_records: 0, blocks: 0, distinct_blocks: 0, terms: 0, crosswalk: 0, customers: 0 });
    const loaded = await database.db.selectFrom('identity_meta').select('value').where('name', '=', 'loaded_at').executeTakeFirst();
    expect(loaded).toBeUndefined();
    // The next start loads from scratch, and completes once the system answers.
    await initialLoad(database.db, SYSTEMS.map((s) => new FakeSourceAdapter(s, population[s])), undefined, { retry: NO_WAIT });
    expect(await storedKeys(database)).toEqual(expectedKeys);
  }, SLOW);

  it('encodes full batches on a worker thread when writing with COPY: the same store as a load encoded in this thread', async () => {
    const reference = await open();
    await initialLoad(reference.db, SYSTEMS.map((s) => new FakeSourceAdapter(s, population[s])), undefined, { retry: NO_WAIT });

    const database = await open();
    const cards = new FlakyExtract('CARDS', population.CARDS, 1, 12); // a retry, with batches already written
    const others = SYSTEMS.filter((s) => s !== 'CARDS').map((s) => new FlakyExtract(s, population[s], 0, 0));
    const stages: string[] = [];
    // Batches of 7: four full batches and a partial one per system; the partial ones stay here.
    await initialLoad(database.db, [...others, cards], (stage) => stages.push(stage), { retry: NO_WAIT, batch: 7, threadsFrom: 7 });

    expect(stages.filter((s) => s.startsWith('records encoded on'))).toHaveLength(kind === 'server' ? 1 : 0);
    expect(await storedKeys(database)).toEqual(expectedKeys);
    expect(await tableCounts(database)).toEqual(await tableCounts(reference));
    const keysOf = async (handle: Database) => ({
      blocks: (await handle.db.selectFrom('blocking_keys').select(['block_key', 'record_key']).orderBy('block_key').orderBy('record_key').execute()).map((r) => `${r.block_key} ${r.record_key}`),
      terms: (await handle.db.selectFrom('search_keys').select(['search_term', 'record_key']).orderBy('search_term').orderBy('record_key').execute()).map((r) => `${r.search_term} ${r.record_key}`),
      parties: (await handle.db.selectFrom('source_records').select(['record_key', 'party']).orderBy('record_key').execute()).map((r) => [r.record_key, r.party]),
    });
    expect(await keysOf(database)).toEqual(await keysOf(reference));
    expect(await crosswalkOf(database)).toEqual(await crosswalkOf(reference));
  }, SLOW);

  it('stores values with tabs, newlines, backslashes and quotes exactly as extracted', async () => {
    const database = await open();
    const awkward = party('CALL_CENTER', 'C1', {
      givenName: 'Tab\there',
      familyName: 'Back\\slash "quoted" O\'Brien',
      rawName: 'line one\nline two\r\\N',
      emails: ['odd"mail\\@example.org'],
      phones: [],
    });
    // A batch of one from one on: on a server the record is encoded on a worker thread.
    await initialLoad(database.db, [new FakeSourceAdapter('CALL_CENTER', [awkward])], undefined, { retry: NO_WAIT, batch: 1, threadsFrom: 1 });
    const row = await database.db.selectFrom('source_records').select(['party', 'search_terms']).where('record_key', '=', 'CALL_CENTER:C1').executeTakeFirstOrThrow();
    expect(row.party).toEqual(awkward);
    expect(row.search_terms).toContain('e:odd"mail\\@example.org');
    const terms = await database.db.selectFrom('search_keys').select('search_term').where('record_key', '=', 'CALL_CENTER:C1').execute();
    expect(terms.map((t) => t.search_term).sort()).toEqual([...row.search_terms].sort());
  }, SLOW);
});
