import fc from 'fast-check';
import { sql } from 'kysely';
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import type { Database } from '../../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { applyChanges, createResolutionState, type ResolutionState } from '../domain';
import { createIdentityFollower } from '../identityFollower';
import { FakeSourceAdapter, party } from '../testing/fakeSourceAdapter';
import { applyFeedPage, decide, StaleCursorError } from './identityWrites';
import { searchQueryTerms } from '../searchTerms';
import { crosswalkHistory, customerOfRecord, membersOf, searchByTerms } from './identityReads';
import { initialLoad } from './initialLoad';
import { reindexIfRulesChanged } from './reindex';

const SYSTEMS: SourceSystem[] = ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'];
// The four original systems' id formats (SYSTEMS): keyed by string so a system added to the
// registry does not make this fixture incomplete.
const LOCAL_ID: Record<string, (n: number) => string> = {
  CORE_BANKING: (n) => String(1_000_000_000 + n),
  CARDS: (n) => `CH${String(10_000_000 + n)}`,
  ERP: (n) => String(2_000_000_000 + n),
  CALL_CENTER: (n) => `C${String(100_000_000 + n)}`,
  MORTGAGES: (n) => `MB${String(10_000_000 + n)}`,
};

/** Person n as system `system` holds them: the same name, birth date, email and phone everywhere. */
function personRecord(system: SourceSystem, n: number, over: Partial<SourceParty> = {}): SourceParty {
  const names = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Frances Allen', 'John Backus'];
  const [given, family] = names[n % names.length].split(' ');
  return party(system, LOCAL_ID[system](n), {
    givenName: given,
    familyName: `${family}${n >= names.length ? Math.floor(n / names.length) : ''}`,
    birthDate: system === 'CALL_CENTER' ? null : `19${50 + n}-0${1 + (n % 9)}-1${n % 10}`,
    emails: [`person${n}@example.org`],
    phones: [`07700 9${String(n).padStart(5, '0')}`],
    ...over,
  });
}

function population(people: number) {
  const adapters = Object.fromEntries(SYSTEMS.map((s) => [s, new FakeSourceAdapter(s)])) as Record<SourceSystem, FakeSourceAdapter>;
  const initial: SourceParty[] = [];
  for (let n = 0; n < people; n += 1) {
    for (const system of SYSTEMS) {
      // Not everyone is in every system.
      if (system !== 'CORE_BANKING' && (n + system.length) % 3 === 0) continue;
      const record = personRecord(system, n);
      adapters[system].edit(record);
      initial.push(record);
    }
  }
  return { adapters, initial, list: SYSTEMS.map((s) => adapters[s]) };
}

async function crosswalkOf(database: Database): Promise<Record<string, string>> {
  const rows = await database.db.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).orderBy('record_key').execute();
  return Object.fromEntries(rows.map((r) => [r.record_key, r.customer_id]));
}

const referenceCrosswalk = (state: ResolutionState): Record<string, string> => Object.fromEntries([...state.clusterOf.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));

describe.each(DATABASE_KINDS)('identity store (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterEach(async () => cleanup?.());

  it('loads an empty store once: records with their keys, customers, crosswalk, cursors at the feed heads', async () => {
    const { list, initial } = population(6);
    const stats = await initialLoad(database.db, list);
    expect(stats).toMatchObject({ records: initial.length, customers: 6 });
    // Every system's records of person n form one customer (same name, birth date, email, phone).
    for (let n = 0; n < 6; n += 1) {
      const ids = new Set(await Promise.all(initial.filter((p) => p.localId.endsWith(String(n))).map((p) => customerOfRecord(database.db, p.system, p.localId))));
      expect(ids.size).toBe(1);
    }
    const cursors = await database.db.selectFrom('feed_cursors').selectAll().orderBy('system').execute();
    expect(cursors.map((c) => [c.system, c.cursor])).toEqual(SYSTEMS.map((s) => [s, String(initial.filter((p) => p.system === s).length)]).sort());
    expect(await initialLoad(database.db, list)).toMatchObject({ records: 0 }); // already loaded: nothing happens
  });

  it('leaves the planner statistics on the tables it filled, gathered inside its own transaction', async () => {
    // Autovacuum cannot see a load's rows before it commits: without statistics the discrepancy
    // pass's per-batch read was planned as a scan of every source record (700 s at a million persons).
    // The follower's first reads (blocking and search keys) must not be planned over tables taken
    // for empty either. pg_stats lists a table once `analyze` has sampled rows of it.
    const analysed = async () =>
      (await sql<{ table: string }>`select distinct tablename as table from pg_stats where schemaname = current_schema()
        and tablename in ('customers', 'crosswalk', 'source_records', 'blocking_keys', 'search_keys', 'discrepancies')`.execute(database.db)).rows
        .map((r) => r.table)
        .sort();
    expect(await analysed()).toEqual([]);
    const { adapters, list } = population(6);
    // Person 2's card record gives another email: one discrepancy row at least.
    adapters.CARDS.edit(personRecord('CARDS', 2, { emails: ['someone.else@example.org'] }));
    await initialLoad(database.db, list);
    expect(Number((await sql<{ n: string }>`select count(*) as n from discrepancies`.execute(database.db)).rows[0].n)).toBeGreaterThan(0);
    expect(await analysed()).toEqual(['blocking_keys', 'crosswalk', 'customers', 'discrepancies', 'search_keys', 'source_records']);
  });

  it('writes the discrepancies of each customer’s own records, and only those', async () => {
    const { adapters, list } = population(6);
    // Person 2 is in all four systems; the card record alone gives another email.
    adapters.CARDS.edit(personRecord('CARDS', 2, { emails: ['someone.else@example.org'] }));
    await initialLoad(database.db, list);
    const person2 = await customerOfRecord(database.db, 'CORE_BANKING', LOCAL_ID.CORE_BANKING(2));
    const rows = await database.db.selectFrom('discrepancies').select(['customer_id', 'field', 'system_a', 'local_id_a', 'value_a', 'system_b', 'local_id_b', 'value_b']).execute();
    const pairs = rows.map((r) => [r.customer_id, r.field, r.system_a, r.local_id_a, r.value_a, r.system_b, r.local_id_b, r.value_b].join(' ')).sort();
    // Written down by hand: the card's email against each other system's, cards ranked after core banking only.
    expect(pairs).toEqual(
      [
        `${person2} EMAIL CARDS CH10000002 someone.else@example.org CALL_CENTER C100000002 person2@example.org`,
        `${person2} EMAIL CARDS CH10000002 someone.else@example.org ERP 2000000002 person2@example.org`,
        `${person2} EMAIL CORE_BANKING 1000000002 person2@example.org CARDS CH10000002 someone.else@example.org`,
      ].sort(),
    );
  });

  it('finds customers by name tokens across their records, by a phone in any format and by email', async () => {
    const { list } = population(4);
    await initialLoad(database.db, list);
    const idOf = (n: number) => customerOfRecord(database.db, 'CORE_BANKING', LOCAL_ID.CORE_BANKING(n));
    const cases: Array<[string, number[]]> = [
      ['grace hopper', [2]],
      ['GRACE', [2]],
      ['+44 7700 900001', [1]],
      ['(07700) 900003', [3]],
      ['Person0@Example.org', [0]],
      ['grace turing', []],
      ['nobody', []],
    ];
    for (const [text, people] of cases) {
      const expected = (await Promise.all(people.map(idOf))).sort();
      expect([text, await searchByTerms(database.db, searchQueryTerms(text), 10)]).toEqual([text, expected]);
    }
  });

  it('applies a feed page once, with its cursor, and refuses the same page again', async () => {
    const { adapters, list } = population(4);
    await initialLoad(database.db, list);
    const before = await customerOfRecord(database.db, 'CALL_CENTER', LOCAL_ID.CALL_CENTER(0));
    expect(before).toBe(await customerOfRecord(database.db, 'CORE_BANKING', LOCAL_ID.CORE_BANKING(0)));
    // The contact of person 0 takes person 2's name, email and phone: it moves to person 2.
    adapters.CALL_CENTER.edit(personRecord('CALL_CENTER', 2, { localId: LOCAL_ID.CALL_CENTER(0) }));
    adapters.CALL_CENTER.touchAccount('A1');
    const cursor = (await database.db.selectFrom('feed_cursors').select('cursor').where('system', '=', 'CALL_CENTER').executeTakeFirstOrThrow()).cursor;
    const page = { system: 'CALL_CENTER' as const, cursor, ...(await adapters.CALL_CENTER.changes(cursor)) };
    const parties = [adapters.CALL_CENTER.record(LOCAL_ID.CALL_CENTER(0))!];
    const outcome = await applyFeedPage(database.db, page, parties);
    expect(outcome.records).toBe(1);
    const after = await customerOfRecord(database.db, 'CALL_CENTER', LOCAL_ID.CALL_CENTER(0));
    expect(after).toBe(await customerOfRecord(database.db, 'CORE_BANKING', LOCAL_ID.CORE_BANKING(2)));
    expect(after).not.toBe(before);
    await expect(applyFeedPage(database.db, page, parties)).rejects.toBeInstanceOf(StaleCursorError);
    const logged = await database.db.selectFrom('feed_changes').select(['position', 'local_id']).execute();
    expect(logged).toEqual([{ position: 0, local_id: LOCAL_ID.CALL_CENTER(0) }]); // the account change is not a party change
    // The history keeps where it was: closed at the change that moved it.
    const history = await crosswalkHistory(database.db, before!, 0, 100);
    expect(history.filter((h) => h.record.localId === LOCAL_ID.CALL_CENTER(0)).map((h) => h.change)).toEqual(['JOINED', 'LEFT']);
  });

  it('gives the same crosswalk as the matcher over the whole population, change after change', async () => {
    const { adapters, list, initial } = population(12);
    await initialLoad(database.db, list);
    let reference = createResolutionState(initial);
    expect(await crosswalkOf(database)).toEqual(referenceCrosswalk(reference));
    const follower = createIdentityFollower({ db: database.db, adapters: list, intervalMs: 60_000 });
    // Each round edits a few records: one person taking over another's email, phone or name.
    const edit = fc.record({ system: fc.constantFrom(...SYSTEMS), n: fc.integer({ min: 0, max: 11 }), like: fc.integer({ min: 0, max: 11 }), field: fc.constantFrom('email', 'phone', 'name', 'all') });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const changed: SourceParty[] = [];
        for (const e of edits) {
          const current = adapters[e.system].record(LOCAL_ID[e.system](e.n));
          if (!current) continue;
          const like = personRecord(e.system, e.like);
          const next = {
            ...current,
            ...(e.field === 'email' || e.field === 'all' ? { emails: like.emails } : {}),
            ...(e.field === 'phone' || e.field === 'all' ? { phones: like.phones } : {}),
            ...(e.field === 'name' || e.field === 'all' ? { givenName: like.givenName, familyName: like.familyName } : {}),
          };
          adapters[e.system].edit(next);
          changed.push(next);
        }
        await follower.pollOnce();
        // The reference applies each system's page in the order the follower does (one system after another).
        for (const system of SYSTEMS) {
          const latest = new Map(changed.filter((p) => p.system === system).map((p) => [p.localId, adapters[system].record(p.localId)!]));
          if (latest.size > 0) reference = applyChanges(reference, [...latest.values()]).state;
        }
        expect(await crosswalkOf(database)).toEqual(referenceCrosswalk(reference));
      }),
      { numRuns: 12, seed: 4242 },
    );
    await follower.stop();
  });

  it('records a steward decision with who and why, and the latest decision about a pair wins', async () => {
    const { list } = population(4);
    await initialLoad(database.db, list);
    const core = { system: 'CORE_BANKING' as const, localId: LOCAL_ID.CORE_BANKING(0) };
    const card = { system: 'CARDS' as const, localId: LOCAL_ID.CARDS(0) };
    const unlinked = await decide(database.db, 'UNLINK', core, card, 'steward-1', 'not the same person');
    expect(unlinked).toMatchObject({ decision: { kind: 'UNLINK', decidedBy: 'steward-1', reason: 'not the same person' } });
    expect('customerIds' in unlinked && unlinked.customerIds).toHaveLength(2);
    const linked = await decide(database.db, 'LINK', core, card, 'steward-2', 'confirmed');
    expect('customerIds' in linked && linked.customerIds).toHaveLength(1);
    expect(await decide(database.db, 'LINK', core, { system: 'ERP', localId: '9999999999' }, 's', 'typo')).toEqual({ refused: 'UNKNOWN_RECORD', ref: { system: 'ERP', localId: '9999999999' } });
    const id = (linked as { customerIds: string[] }).customerIds[0];
    expect((await membersOf(database.db, [id])).get(id)).toEqual(expect.arrayContaining([core, card]));
  });

  it('rebuilds the blocking keys when the blocking rules changed', async () => {
    const { list } = population(3);
    await initialLoad(database.db, list);
    expect(await reindexIfRulesChanged(database.db)).toBeNull();
    const key = `CORE_BANKING:${LOCAL_ID.CORE_BANKING(0)}`;
    const keysBefore = await database.db.selectFrom('blocking_keys').select('block_key').where('record_key', '=', key).orderBy('block_key').execute();
    // As if the keys had been built by other rules.
    await database.db.deleteFrom('blocking_keys').where('record_key', '=', key).execute();
    await sql`update source_records set block_keys = '{}' where record_key = ${key}`.execute(database.db);
    await sql`update identity_meta set value = 'older-rules' where name = 'blocking_rules'`.execute(database.db);
    expect(await reindexIfRulesChanged(database.db)).toBe(1);
    const keysAfter = await database.db.selectFrom('blocking_keys').select('block_key').where('record_key', '=', key).orderBy('block_key').execute();
    expect(keysAfter).toEqual(keysBefore);
    expect(keysBefore.length).toBeGreaterThan(3);
    expect(await reindexIfRulesChanged(database.db)).toBeNull();
  });
});
