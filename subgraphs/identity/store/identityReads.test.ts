import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Database } from '../../../db/database';
import { createIdentityLoaders } from '../identityLoaders';
import { identityResolvers, type IdentityContext } from '../resolvers';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { membersOf, resolveCurrentCustomer, resolveCustomer } from './identityReads';

const HOUR = 3_600_000;
// As text: the store writes instants as ISO strings (PGlite's parameter serializer refuses some Date values).
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString() as unknown as Date;

/**
 * A small crosswalk written row by row: cust_live holds two current records and one it lost;
 * cust_oldest was merged into cust_middle, which was merged into cust_live; cust_gone was retired
 * with no successor; cust_newer is created an hour from now; cust_empty is live with no record.
 */
async function seed(database: Database): Promise<void> {
  const { db } = database;
  const change = await db.insertInto('identity_changes').values({ cause: 'INITIAL_LOAD', system: null, decision_id: null }).returning('change_id').executeTakeFirstOrThrow();
  const by = Number(change.change_id);
  const customer = (customer_id: string, over: { created_at?: Date; retired_at?: Date; merged_into?: string } = {}) => ({
    customer_id,
    anchor: `CORE_BANKING:${customer_id}`,
    created_by: by,
    created_at: over.created_at ?? at(-48 * HOUR),
    retired_at: over.retired_at ?? null,
    retired_by: over.retired_at ? by : null,
    merged_into: over.merged_into ?? null,
  });
  await db.insertInto('customers').values([customer('cust_live'), customer('cust_empty'), customer('cust_newer', { created_at: at(HOUR) })]).execute();
  await db.insertInto('customers').values(customer('cust_middle', { retired_at: at(-2 * HOUR), merged_into: 'cust_live' })).execute();
  await db.insertInto('customers').values([customer('cust_oldest', { retired_at: at(-3 * HOUR), merged_into: 'cust_middle' }), customer('cust_gone', { retired_at: at(-HOUR) })]).execute();
  const row = (record_key: string, customer_id: string, valid_to: Date | null) => ({ record_key, customer_id, valid_from: at(-24 * HOUR), valid_to, opened_by: by, closed_by: valid_to ? by : null });
  await db
    .insertInto('crosswalk')
    .values([
      row('ERP:2000000001', 'cust_live', null),
      row('CORE_BANKING:1000000001', 'cust_live', null),
      row('CARDS:CH10000001', 'cust_live', at(-HOUR)),
      row('CARDS:CH10000001', 'cust_gone', null),
      row('CALL_CENTER:C100000009', 'cust_oldest', at(-3 * HOUR)),
    ])
    .execute();
}

/** Counts the statements a Kysely instance sends. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe.each(DATABASE_KINDS)('reading a customer now (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
    await seed(database);
  });
  afterAll(async () => cleanup?.());

  // [id asked for, the customer it stands for now and merged from, its records when read with it]
  it.each([
    ['cust_live', { id: 'cust_live', mergedFrom: null }, [{ system: 'CORE_BANKING', localId: '1000000001' }, { system: 'ERP', localId: '2000000001' }]],
    ['cust_empty', { id: 'cust_empty', mergedFrom: null }, []],
    ['cust_oldest', { id: 'cust_live', mergedFrom: 'cust_oldest' }, null],
    ['cust_middle', { id: 'cust_live', mergedFrom: 'cust_middle' }, null],
    ['cust_gone', null, null],
    ['cust_newer', null, null],
    ['cust_unknown', null, null],
  ])('%s', async (id, resolved, members) => {
    const current = await resolveCurrentCustomer(database.db, id);
    expect(current).toEqual(resolved === null ? null : { resolved, members });
    // The same answer as the two reads it replaces.
    expect(current?.resolved ?? null).toEqual(await resolveCustomer(database.db, id));
    if (current?.members) expect(current.members).toEqual((await membersOf(database.db, [current.resolved.id])).get(current.resolved.id));
  });

  describe('customer(id) with its links and source keys, as customer360 asks', () => {

    const read = async (id: string) => {
      const counter = new StatementCounter();
      const db = database.db.withPlugin(counter);
      const context = { db, loaders: createIdentityLoaders(db), principal: 'test' } as unknown as IdentityContext;
      const ref = await identityResolvers.Query.customer({}, { id }, context);
      const [links, sourceKeys] = ref ? await Promise.all([identityResolvers.Customer.links(ref, {}, context), identityResolvers.Customer.sourceKeys(ref, {}, context)]) : [null, null];
      return { ref, links, sourceKeys, statements: counter.count };
    };

    it('a live customer: one statement for the customer and its records', async () => {
      const { ref, sourceKeys, statements } = await read('cust_live');
      expect(ref).toEqual({ id: 'cust_live', asOf: null, mergedFrom: null });
      expect(sourceKeys).toEqual([{ system: 'CORE_BANKING', localId: '1000000001' }, { system: 'ERP', localId: '2000000001' }]);
      expect(statements).toBe(1);
    });

    it('an id merged away twice: followed to the live customer, with that customer\'s records', async () => {
      const { ref, sourceKeys } = await read('cust_oldest');
      expect(ref).toEqual({ id: 'cust_live', asOf: null, mergedFrom: 'cust_oldest' });
      expect(sourceKeys).toEqual([{ system: 'CORE_BANKING', localId: '1000000001' }, { system: 'ERP', localId: '2000000001' }]);
    });
  });
});
