import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Database } from '../../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { FakeSourceAdapter, party } from '../testing/fakeSourceAdapter';
import { applyFeedPage, decide } from './identityWrites';
import { customerOfRecord } from './identityReads';
import { initialLoad } from './initialLoad';
import { IDENTITY_LOCKS } from './locks';
import { retrainStore, RetrainInProgressError } from './retrainStore';
import { reviewQueueCount, reviewQueuePage, storedPair } from './reviewQueueStore';

/**
 * A small population (under the 500 records the matcher trains on, so the committed default
 * model scores it) with two pairs a steward must look at, made by hand:
 * - Margaret Okonkwo in core banking, and a call-center contact with her name and no birth date
 *   (call centers rarely hold one): both names agree, nothing else is there to compare;
 * - Tobias Lindqvist in core banking and a cardholder "Tobias Lindqvest" born one day later.
 * The other people are clearly different persons, each in one system.
 */
const MARGARET = party('CORE_BANKING', '1000000001', { givenName: 'Margaret', familyName: 'Okonkwo', birthDate: '1961-04-12' });
const MARGARET_CALLS = party('CALL_CENTER', 'C100000001', { givenName: 'Margaret', familyName: 'Okonkwo' });
const TOBIAS = party('CORE_BANKING', '1000000002', { givenName: 'Tobias', familyName: 'Lindqvist', birthDate: '1979-10-21' });
const TOBIAS_CARDS = party('CARDS', 'CH10000002', { givenName: 'Tobias', familyName: 'Lindqvest', birthDate: '1979-10-22' });
const OTHERS = [
  party('CORE_BANKING', '1000000003', { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1955-12-10', emails: ['ada@example.org'] }),
  party('ERP', '2000000004', { givenName: 'Alan', familyName: 'Turing', birthDate: '1952-06-23', phones: ['07700 900123'] }),
  party('CARDS', 'CH10000005', { givenName: 'Grace', familyName: 'Hopper', birthDate: '1966-12-09' }),
];

const MARGARET_PAIR = ['CALL_CENTER:C100000001', 'CORE_BANKING:1000000001'];
const TOBIAS_PAIR = ['CARDS:CH10000002', 'CORE_BANKING:1000000002'];

function adaptersWith(records: readonly SourceParty[]) {
  const adapters = (['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'] as const).map((system) => new FakeSourceAdapter(system));
  for (const record of records) adapters.find((a) => a.system === record.system)!.edit(record);
  return adapters;
}

const queuedPairs = async (database: Database) => (await reviewQueuePage(database.db, null, 100)).map((p) => [p.a, p.b]);

/**
 * The weight of a pair computed here, from the committed model file as docs/matching.md states
 * the model (not through the matcher's code): the prior's log2 odds plus log2(m/u) of each
 * comparison's level. The default model is used without its name frequencies (docs/matching.md),
 * so no term-frequency adjustment applies.
 */
function independentWeight(levels: Record<string, string>): number {
  const model = JSON.parse(readFileSync(join(__dirname, '../domain/defaultMatchModel.json'), 'utf8')) as {
    probabilityTwoRandomRecordsMatch: number;
    comparisons: Array<{ name: string; levels: Array<{ label: string; m: number; u: number }> }>;
  };
  const p = model.probabilityTwoRandomRecordsMatch;
  let weight = Math.log2(p / (1 - p));
  for (const [name, label] of Object.entries(levels)) {
    const comparison = model.comparisons.find((c) => c.name === name)!;
    const level = comparison.levels.find((l) => l.label === label)!;
    weight += Math.log2(level.m / level.u);
  }
  return weight;
}

describe.each(DATABASE_KINDS)('the stewards\' review queue in the store (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterEach(async () => cleanup?.());

  it('queues the review-band pairs of the initial load, each explained by weights that sum to its score', async () => {
    await initialLoad(database.db, adaptersWith([MARGARET, MARGARET_CALLS, TOBIAS, TOBIAS_CARDS, ...OTHERS]));
    expect(await queuedPairs(database)).toEqual(expect.arrayContaining([MARGARET_PAIR, TOBIAS_PAIR]));
    expect(await reviewQueueCount(database.db)).toBe(2);
    // The two records of a queued pair were not linked.
    expect(await customerOfRecord(database.db, 'CORE_BANKING', '1000000001')).not.toBe(await customerOfRecord(database.db, 'CALL_CENTER', 'C100000001'));

    const margaret = (await storedPair(database.db, MARGARET_PAIR[0], MARGARET_PAIR[1]))!;
    expect(margaret).toMatchObject({ band: 'REVIEW', reason: 'REVIEW_BAND' });
    expect(margaret.probability).toBeGreaterThanOrEqual(0.5);
    expect(margaret.probability).toBeLessThan(0.9);
    const levels = Object.fromEntries(margaret.explanation.steps.map((s) => [s.comparison, s.level]));
    expect(levels).toEqual({ givenName: 'exact', familyName: 'exact', birthDate: 'missing', nationalId: 'missing', postcode: 'missing', street: 'missing', locality: 'missing', phone: 'missing', email: 'missing' });
    const expected = independentWeight({ givenName: 'exact', familyName: 'exact' });
    expect(margaret.matchWeight).toBeCloseTo(expected, 6);
    const sum = margaret.explanation.priorWeight + margaret.explanation.steps.reduce((total, s) => total + s.weight, 0);
    expect(sum).toBeCloseTo(margaret.matchWeight, 9);
    expect(margaret.probability).toBeCloseTo(2 ** expected / (1 + 2 ** expected), 9);
    // Levels and weights only: no compared value is stored with the explanation.
    expect(JSON.stringify(margaret.explanation)).not.toMatch(/okonkwo|margaret|1961/i);
  });

  it('a pair a steward decided leaves the queue and stays out after a retrain; undecided pairs are re-scored and stay', async () => {
    await initialLoad(database.db, adaptersWith([MARGARET, MARGARET_CALLS, TOBIAS, TOBIAS_CARDS, ...OTHERS]));
    const outcome = await decide(database.db, 'UNLINK', { system: 'CORE_BANKING', localId: '1000000001' }, { system: 'CALL_CENTER', localId: 'C100000001' }, 'steward-ada', 'different people: checked at the branch');
    expect('decision' in outcome).toBe(true);
    expect(await queuedPairs(database)).toEqual([TOBIAS_PAIR]);

    const linked = await decide(database.db, 'LINK', { system: 'CORE_BANKING', localId: '1000000002' }, { system: 'CARDS', localId: 'CH10000002' }, 'steward-ada', 'same person: birth certificate seen');
    expect('decision' in linked).toBe(true);
    expect(await queuedPairs(database)).toEqual([]);

    const retrained = await retrainStore(database.db, { requestedBy: 'steward-ada', reason: 'new records' });
    expect(retrained).toMatchObject({ records: 7, queued: 0 });
    expect(await queuedPairs(database)).toEqual([]);
    // The decisions still hold: Tobias's two records are one customer, Margaret's two are not.
    expect(await customerOfRecord(database.db, 'CORE_BANKING', '1000000002')).toBe(await customerOfRecord(database.db, 'CARDS', 'CH10000002'));
    expect(await customerOfRecord(database.db, 'CORE_BANKING', '1000000001')).not.toBe(await customerOfRecord(database.db, 'CALL_CENTER', 'C100000001'));
    const change = await database.db.selectFrom('identity_changes').select('cause').where('change_id', '=', retrained.changeId).executeTakeFirstOrThrow();
    expect(change.cause).toBe('RETRAIN');
    const model = await database.db.selectFrom('identity_meta').select('value').where('name', '=', 'match_model').executeTakeFirstOrThrow();
    expect(JSON.parse(model.value)).toMatchObject({ format: 'unified-view/match-model' });
  });

  it('a retrain re-scores the undecided pairs: they are still queued', async () => {
    await initialLoad(database.db, adaptersWith([MARGARET, MARGARET_CALLS, TOBIAS, TOBIAS_CARDS, ...OTHERS]));
    await database.db.deleteFrom('match_review_queue').execute();
    await retrainStore(database.db, { requestedBy: 'steward-ada', reason: 'new records' });
    expect((await queuedPairs(database)).sort()).toEqual([MARGARET_PAIR, TOBIAS_PAIR].sort());
  });

  it('the incremental path queues a changed record\'s review-band pair, and drops it when the change takes it out of the band', async () => {
    await initialLoad(database.db, adaptersWith([MARGARET, TOBIAS, ...OTHERS]));
    expect(await queuedPairs(database)).toEqual([]);
    const page = (changes: number) => ({ system: 'CALL_CENTER' as const, cursor: String(changes), nextCursor: String(changes + 1), changes: [{ system: 'CALL_CENTER' as const, entity: 'party' as const, localId: 'C100000001', changedAt: new Date().toISOString() }] });
    await database.db.insertInto('feed_cursors').values({ system: 'CALL_CENTER', cursor: '0' }).onConflict((c) => c.column('system').doUpdateSet({ cursor: '0' })).execute();
    await applyFeedPage(database.db, page(0), [MARGARET_CALLS]);
    expect(await queuedPairs(database)).toEqual([MARGARET_PAIR]);
    await applyFeedPage(database.db, page(1), [{ ...MARGARET_CALLS, givenName: 'Ngozi', familyName: 'Adeyemi' }]);
    expect(await queuedPairs(database)).toEqual([]);
  });

  it('pages through the queue most probable first, and a decision between pages skips nothing', async () => {
    await initialLoad(database.db, adaptersWith([MARGARET, MARGARET_CALLS, TOBIAS, TOBIAS_CARDS, ...OTHERS]));
    const all = await reviewQueuePage(database.db, null, 100);
    expect(all.map((p) => p.probability)).toEqual([...all.map((p) => p.probability)].sort((a, b) => b - a));
    const [first] = await reviewQueuePage(database.db, null, 1);
    await decide(database.db, 'UNLINK', { system: first.a.split(':')[0] as 'CARDS', localId: first.a.split(':')[1] }, { system: first.b.split(':')[0] as 'CARDS', localId: first.b.split(':')[1] }, 'steward-ada', 'not the same person');
    const next = await reviewQueuePage(database.db, { probability: first.probability, a: first.a, b: first.b }, 1);
    expect(next.map((p) => [p.a, p.b])).toEqual([[all[1].a, all[1].b]]);
  });

  if (kind === 'server') {
    it('refuses a retrain while another one runs (any process), writing nothing', async () => {
      await initialLoad(database.db, adaptersWith([MARGARET, MARGARET_CALLS, ...OTHERS]));
      const changesBefore = await database.db.selectFrom('identity_changes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const other = database.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${IDENTITY_LOCKS.RETRAIN})`.execute(trx);
        locked();
        await held;
      });
      await isLocked;
      await expect(retrainStore(database.db, { requestedBy: 'steward-ada', reason: 'new records' })).rejects.toBeInstanceOf(RetrainInProgressError);
      release();
      await other;
      const changesAfter = await database.db.selectFrom('identity_changes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      expect(changesAfter.n).toBe(changesBefore.n);
    });
  }
});
