import { sql } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Database } from '../../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { party } from '../testing/fakeSourceAdapter';
import { openBulkWriter } from './bulkRows';
import { writeAllDiscrepancies } from './discrepancyPass';
import { discrepancyComputer, DiscrepancyPassError, discrepancyThreads, type DiscrepancyComputer } from './discrepancyThreads';

const person = (system: SourceParty['system'], localId: string, email: string, phone = '07700 900123') =>
  party(system, localId, { givenName: 'Ada', familyName: 'Lovelace', emails: [email], phones: [phone] });

/** Customer id -> its records; a `closed` record was a member once and is no longer. */
const CUSTOMERS: Record<string, { records: SourceParty[]; closed?: SourceParty[]; retired?: boolean }> = {
  cust_a: { records: [person('CORE_BANKING', '1000000001', 'ada@example.org'), person('CARDS', 'CH10000001', 'ada.l@example.org')] },
  // The same phone in two shapes: no discrepancy.
  cust_b: { records: [person('CORE_BANKING', '1000000002', 'b@example.org', '07700 900222'), person('CARDS', 'CH10000002', 'b@example.org', '+44 7700 900222')] },
  cust_c: { records: [person('CALL_CENTER', 'C100000003', 'c@example.org', '07700 900333'), person('CORE_BANKING', '1000000003', 'c@example.org', '07700 900334')] },
  // A record that left the customer no longer counts.
  cust_d: { records: [person('CORE_BANKING', '1000000004', 'd@example.org')], closed: [person('CARDS', 'CH10000004', 'elsewhere@example.org')] },
  // A retired customer has no discrepancies.
  cust_e: { records: [person('CORE_BANKING', '1000000005', 'e@example.org'), person('CARDS', 'CH10000005', 'e2@example.org')], retired: true },
  cust_f: { records: [person('ERP', '2000000006', 'f@example.org'), person('CARDS', 'CH10000006', 'f2@example.org')] },
};

/** Written down by hand from CUSTOMERS. */
const EXPECTED = [
  ['cust_a', 'EMAIL', 'CORE_BANKING', '1000000001', 'ada@example.org', 'CARDS', 'CH10000001', 'ada.l@example.org'],
  ['cust_c', 'MOBILE_PHONE', 'CORE_BANKING', '1000000003', '07700 900334', 'CALL_CENTER', 'C100000003', '07700 900333'],
  ['cust_f', 'EMAIL', 'CARDS', 'CH10000006', 'f2@example.org', 'ERP', '2000000006', 'f@example.org'],
];

async function seed(database: Database): Promise<void> {
  const { db } = database;
  const change = await db.insertInto('identity_changes').values({ cause: 'INITIAL_LOAD', system: null, decision_id: null }).returning('change_id').executeTakeFirstOrThrow();
  const by = String(change.change_id);
  for (const [customerId, customer] of Object.entries(CUSTOMERS)) {
    const anchor = `${customer.records[0].system}:${customer.records[0].localId}`;
    await sql`insert into customers (customer_id, anchor, created_by, retired_at, retired_by) values (${customerId}, ${anchor}, ${by}, ${customer.retired ? sql`now()` : null}, ${customer.retired ? by : null})`.execute(db);
    for (const [records, open] of [[customer.records, true], [customer.closed ?? [], false]] as const) {
      for (const record of records) {
        const key = `${record.system}:${record.localId}`;
        await sql`insert into source_records (record_key, system, local_id, party, block_keys, search_terms) values (${key}, ${record.system}, ${record.localId}, ${JSON.stringify(record)}::jsonb, '{}', '{}')`.execute(db);
        await sql`insert into crosswalk (record_key, customer_id, valid_from, valid_to, opened_by) values (${key}, ${customerId}, now() - interval '1 day', ${open ? null : sql`now()`}, ${by})`.execute(db);
      }
    }
  }
}

async function discrepancyRows(database: Database): Promise<string[][]> {
  const rows = await database.db
    .selectFrom('discrepancies')
    .select(['customer_id', 'field', 'system_a', 'local_id_a', 'value_a', 'system_b', 'local_id_b', 'value_b'])
    .orderBy('customer_id')
    .orderBy('field')
    .execute();
  return rows.map((r) => [r.customer_id, r.field, r.system_a, r.local_id_a, r.value_a, r.system_b, r.local_id_b, r.value_b]);
}

describe.each(DATABASE_KINDS)('the initial load discrepancy pass (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
    await seed(database);
  });
  afterEach(async () => {
    await cleanup();
  });

  const run = (computer: DiscrepancyComputer, batchSize: number) =>
    database.db.transaction().execute(async (trx) => writeAllDiscrepancies(trx, await openBulkWriter(trx), computer, batchSize));

  it.each([
    ['in this thread, one customer a batch', () => discrepancyComputer(6), 1],
    ['in this thread, every customer in one batch', () => discrepancyComputer(6), 100],
    ['on two worker threads, two customers a batch', () => discrepancyThreads(2), 2],
    ['on two worker threads, one customer a batch', () => discrepancyThreads(2), 1],
  ] as const)('writes every live customer’s discrepancies %s', async (_how, computer, batchSize) => {
    await run(computer(), batchSize);
    expect(await discrepancyRows(database)).toEqual(EXPECTED);
  });

  it('fails when a thread cannot compute, and writes nothing (the caller rolls back)', async () => {
    const threads = discrepancyThreads(1);
    const failing: DiscrepancyComputer = { ...threads, rowsOf: (batch) => threads.rowsOf({ ...batch, parties: batch.parties.map(() => '{not json') }) };
    await expect(run(failing, 2)).rejects.toThrow(DiscrepancyPassError);
    expect(await discrepancyRows(database)).toEqual([]);
  });
}, 60_000);

describe('discrepancy threads', () => {
  it('refuse a batch that is not records with a reason that names no data', async () => {
    const threads = discrepancyThreads(1);
    try {
      const rejected = threads.rowsOf({ customerIds: ['cust_x'], counts: [1], parties: ['{"secret": 07700'] });
      await expect(rejected).rejects.toThrow(new DiscrepancyPassError('a stored record is not JSON'));
    } finally {
      await threads.close();
    }
  }, 30_000);

  it('refuse work once closed', async () => {
    const threads = discrepancyThreads(1);
    await threads.close();
    await expect(threads.rowsOf({ customerIds: [], counts: [], parties: [] })).rejects.toThrow(DiscrepancyPassError);
  }, 30_000);

  it('are used from the threshold on, not below it', async () => {
    const below = discrepancyComputer(19_999);
    const from = discrepancyComputer(20_000);
    try {
      expect(below.parallel).toBe(1);
      expect(from.parallel).toBe(2);
    } finally {
      await below.close();
      await from.close();
    }
  }, 30_000);
});
