import type { SourceParty } from '../../../adapters/canonical';
import type { Database } from '../../../db/database';
import { DATABASE_KINDS, openTestDatabase } from '../../../db/testing/testDatabase';
import { normaliseParty, type ResolvedCluster } from '../matcherApi';
import { party } from '../testing/fakeSourceAdapter';
import { openBulkWriter } from './bulkRows';
import { customerRecordBatches, memberTextNumbers } from './customerRecordBatches';
import { computeAllDiscrepancies, writeDiscrepancies } from './discrepancyPass';
import { discrepancyComputer, DiscrepancyPassError, discrepancyThreads, type DiscrepancyComputer } from './discrepancyThreads';
import { packTexts, PartyTexts } from './partyTexts';

const person = (system: SourceParty['system'], localId: string, email: string, phone = '07700 900123') =>
  party(system, localId, { givenName: 'Ada', familyName: 'Lovelace', emails: [email], phones: [phone] });

/** Customer id -> its records, as the batch matcher clustered them. */
const CUSTOMERS: Record<string, SourceParty[]> = {
  cust_a: [person('CORE_BANKING', '1000000001', 'ada@example.org'), person('CARDS', 'CH10000001', 'ada.l@example.org')],
  // The same phone in two shapes: no discrepancy.
  cust_b: [person('CORE_BANKING', '1000000002', 'b@example.org', '07700 900222'), person('CARDS', 'CH10000002', 'b@example.org', '+44 7700 900222')],
  cust_c: [person('CALL_CENTER', 'C100000003', 'c@example.org', '07700 900333'), person('CORE_BANKING', '1000000003', 'c@example.org', '07700 900334')],
  // One record: nothing to disagree with.
  cust_d: [person('CORE_BANKING', '1000000004', 'd@example.org')],
  cust_f: [person('ERP', '2000000006', 'f@example.org'), person('CARDS', 'CH10000006', 'f2@example.org')],
};

/** Written down by hand from CUSTOMERS. */
const EXPECTED = [
  ['cust_a', 'EMAIL', 'CORE_BANKING', '1000000001', 'ada@example.org', 'CARDS', 'CH10000001', 'ada.l@example.org'],
  ['cust_c', 'MOBILE_PHONE', 'CORE_BANKING', '1000000003', '07700 900334', 'CALL_CENTER', 'C100000003', '07700 900333'],
  ['cust_f', 'EMAIL', 'CARDS', 'CH10000006', 'f2@example.org', 'ERP', '2000000006', 'f@example.org'],
];

const CLUSTERS: ResolvedCluster[] = Object.entries(CUSTOMERS).map(([customerId, records]) => ({ customerId, members: records.map((r) => ({ system: r.system, localId: r.localId })) }));

/**
 * The records as an extract would have kept them: in another order than the clusters' (reversed),
 * in batches of two, the JSON numbered in a third order (the second batch first).
 */
function extracted() {
  const records = Object.values(CUSTOMERS).flat().reverse();
  const texts = new PartyTexts();
  const batches = [records.slice(0, 2), records.slice(2)];
  const second = texts.add(packTexts(batches[1].map((r) => JSON.stringify(r))));
  const first = texts.add(packTexts(batches[0].map((r) => JSON.stringify(r))));
  const textNumbers = Int32Array.from(records.map((_, i) => (i < 2 ? first + i : second + i - 2)));
  return { normalised: records.map((r) => normaliseParty(r)), textNumbers, texts };
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

describe('customer record batches', () => {
  it('give each customer its own records’ JSON, whatever order the extract kept them in', () => {
    const { normalised, textNumbers, texts } = extracted();
    const batches = [...customerRecordBatches(CLUSTERS, memberTextNumbers(CLUSTERS, normalised, textNumbers), texts, 2)];
    expect(batches.map((b) => b.customerIds)).toEqual([['cust_a', 'cust_b'], ['cust_c', 'cust_d'], ['cust_f']]);
    expect(batches.map((b) => b.counts)).toEqual([[2, 2], [2, 1], [2]]);
    const keyOf = (json: string) => {
      const record = JSON.parse(json) as SourceParty;
      return `${record.system}:${record.localId}`;
    };
    expect(batches.flatMap((b) => b.parties.map(keyOf))).toEqual([
      'CORE_BANKING:1000000001',
      'CARDS:CH10000001',
      'CORE_BANKING:1000000002',
      'CARDS:CH10000002',
      'CALL_CENTER:C100000003',
      'CORE_BANKING:1000000003',
      'CORE_BANKING:1000000004',
      'ERP:2000000006',
      'CARDS:CH10000006',
    ]);
  });

  it('refuse a customer holding a record the extract did not give (the load fails rather than compare the wrong records)', () => {
    const { normalised, textNumbers } = extracted();
    const stray: ResolvedCluster = { customerId: 'cust_x', members: [{ system: 'CARDS', localId: 'CH99999999' }] };
    expect(() => memberTextNumbers([...CLUSTERS, stray], normalised, textNumbers)).toThrow(/did not give/);
  });
});

describe.each(DATABASE_KINDS)('the initial load discrepancy pass (%s)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterEach(async () => {
    await cleanup();
  });

  const run = (computer: DiscrepancyComputer, batchSize: number) => {
    const { normalised, textNumbers, texts } = extracted();
    const batches = customerRecordBatches(CLUSTERS, memberTextNumbers(CLUSTERS, normalised, textNumbers), texts, batchSize);
    return database.db.transaction().execute(async (trx) => writeDiscrepancies(await openBulkWriter(trx), await computeAllDiscrepancies(computer, batches)));
  };

  it.each([
    ['in this thread, one customer a batch', () => discrepancyComputer(6), 1],
    ['in this thread, every customer in one batch', () => discrepancyComputer(6), 100],
    ['on two worker threads, two customers a batch', () => discrepancyThreads(2), 2],
    ['on two worker threads, one customer a batch', () => discrepancyThreads(2), 1],
  ] as const)('writes every customer’s discrepancies %s', async (_how, computer, batchSize) => {
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

describe('computing every discrepancy', () => {
  const batchOf = (id: string) => ({ customerIds: [id], counts: [0], parties: [] });

  /** A computer whose batches settle when the test says, recording how many were in flight at most. */
  function heldComputer(parallel: number) {
    const pending: Array<(rows: string[][] | Error) => void> = [];
    const state = { inFlight: 0, most: 0, closed: 0 };
    const computer: DiscrepancyComputer = {
      parallel,
      rowsOf: () =>
        new Promise<string[][]>((resolve, reject) => {
          state.most = Math.max(state.most, (state.inFlight += 1));
          const settle = (rows: string[][] | Error) => {
            state.inFlight -= 1;
            if (rows instanceof Error) reject(rows);
            else resolve(rows);
          };
          pending.push(settle);
        }),
      close: async () => {
        state.closed += 1;
      },
    };
    const settleNext = async (rows: string[][] | Error) => {
      while (pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
      pending.shift()!(rows);
    };
    return { computer, state, settleNext };
  }

  it('keeps at most parallel + 1 batches in flight, gives the rows in the batches’ order and closes the computer', async () => {
    const { computer, state, settleNext } = heldComputer(2);
    const all = computeAllDiscrepancies(computer, ['c1', 'c2', 'c3', 'c4', 'c5'].map(batchOf));
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) await settleNext([[id, 'EMAIL']]);
    expect(await all).toEqual([[['c1', 'EMAIL']], [['c2', 'EMAIL']], [['c3', 'EMAIL']], [['c4', 'EMAIL']], [['c5', 'EMAIL']]]);
    expect(state.most).toBe(3);
    expect(state.closed).toBe(1);
  });

  it('fails with the first failing batch and closes the computer all the same', async () => {
    const { computer, state, settleNext } = heldComputer(1);
    const all = computeAllDiscrepancies(computer, ['c1', 'c2', 'c3'].map(batchOf));
    await settleNext(new DiscrepancyPassError('a stored record is not JSON'));
    await settleNext([]);
    await expect(all).rejects.toThrow(DiscrepancyPassError);
    expect(state.closed).toBe(1);
  });
});

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
