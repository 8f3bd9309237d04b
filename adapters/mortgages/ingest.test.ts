import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { DATABASE_KINDS, openTestDatabase } from '../../db/testing/testDatabase';
import type { Database } from '../../db/database';
import { defaultSystemConfig } from '../kit/config';
import type { IngestedFile } from './ingestDrops';
import { createMortgagesAdapter, type MortgagesAdapter } from './mortgagesAdapter';

/*
 * Ingesting the drop folder, on both kinds of database, from hand-written files: the golden
 * extract and delta (simulators/mortgages/golden/, written from PROTOCOL.md, checksums by
 * `sha256sum`) and damaged copies of them. Every expected figure below is read off those files.
 */
const GOLDEN = path.join(__dirname, '..', '..', 'simulators', 'mortgages', 'golden');
const FULL = 'MORTGAGES_FULL_20261202.csv';
const DELTA = 'MORTGAGES_DELTA_20261203.csv';
const FULL_SHA = 'a25dc3751b547fb0e56cea1942033cac318e116a1437379bd9d37dae140966c1';
const DELTA_SHA = '154972993d3820e754b8ec96987f0acf2f5d4f6d1baec0874d1a2603f99bf043';

const manifest = (file: string, type: 'FULL' | 'DELTA', businessDate: string, recordCount: number, sha256: string) =>
  JSON.stringify({ file, type, businessDate, recordCount, sha256 }, null, 2) + '\n';

describe.each(DATABASE_KINDS)('ingesting the mortgage drop folder (%s database)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let folder: string;
  let adapters: MortgagesAdapter[];
  let reports: IngestedFile[][];

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
  });
  afterAll(() => cleanup());

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'mortgage-ingest-'));
    adapters = [];
    reports = [];
    // Each test starts from an empty store.
    for (const table of ['mortgage_changes', 'mortgage_loans', 'mortgage_borrowers', 'mortgage_drop_files']) await database.db.deleteFrom(table as never).execute();
  });
  afterEach(async () => {
    for (const adapter of adapters) adapter.close();
    await rm(folder, { recursive: true, force: true });
  });

  const adapter = (now = '2026-12-04T06:00:00.000Z') => {
    const created = createMortgagesAdapter({
      config: defaultSystemConfig('MORTGAGES', pathToFileURL(folder + path.sep).href),
      database,
      env: { MORTGAGES_DROP_POLL_MS: '0' },
      clock: () => Date.parse(now),
      logger: pino({ level: 'silent' }),
      onIngest: (files) => reports.push([...files]),
    });
    adapters.push(created);
    return created;
  };
  const drop = async (file: string) => {
    await copyFile(path.join(GOLDEN, file), path.join(folder, file));
    await copyFile(path.join(GOLDEN, `${file}.manifest`), path.join(folder, `${file}.manifest`));
  };
  const dropBytes = async (file: string, bytes: Buffer | string | null, manifestText: string) => {
    if (bytes !== null) await writeFile(path.join(folder, file), bytes);
    await writeFile(path.join(folder, `${file}.manifest`), manifestText);
  };
  const loansOf = async (mortgages: MortgagesAdapter, ...ids: string[]) => Object.fromEntries(await mortgages.getLoans(ids));
  const feed = async (mortgages: MortgagesAdapter) => (await mortgages.changes()).changes.map((c) => `${c.entity}:${c.localId}`).sort();

  it('applies the full extract: each loan under each of its borrowers, with the business date of its file', async () => {
    await drop(FULL);
    const mortgages = adapter();
    await mortgages.ready();
    const loans = await loansOf(mortgages, 'MB00000001', 'MB00000002', 'MB00000003', 'MB00000099');
    const joint = {
      loanId: 'ML00000001',
      status: 'OPEN',
      balance: { amountMinor: 18_234_567, currency: 'GBP' },
      monthsInArrears: 0,
      nextPayment: { dueDate: '2026-12-15', amount: { amountMinor: 123_456, currency: 'GBP' } },
      rateType: 'FIXED',
      maturityDate: '2045-11-30',
      borrowers: [
        { borrowerId: 'MB00000001', role: 'PRIMARY' },
        { borrowerId: 'MB00000002', role: 'JOINT' },
      ],
      asOf: '2026-12-02',
    };
    expect(loans.MB00000001).toEqual([joint]);
    expect(loans.MB00000002).toEqual([joint]);
    expect(loans.MB00000003).toEqual([
      {
        loanId: 'ML00000002',
        status: 'OPEN',
        balance: { amountMinor: 9_500_000, currency: 'GBP' },
        monthsInArrears: 2,
        nextPayment: { dueDate: '2026-12-10', amount: { amountMinor: 210_000, currency: 'GBP' } },
        rateType: 'VARIABLE',
        maturityDate: '2038-06-30',
        borrowers: [{ borrowerId: 'MB00000003', role: 'PRIMARY' }],
        asOf: '2026-12-02',
      },
    ]);
    expect(loans.MB00000099).toEqual([]);
    const parties = await mortgages.getParties(['MB00000003', 'MB00000002']);
    expect(parties.get('MB00000003')).toEqual({
      system: 'MORTGAGES',
      localId: 'MB00000003',
      givenName: 'Jane',
      familyName: "O'Neil",
      rawName: null,
      birthDate: null,
      nationalId: null,
      phones: ['07700 900123'],
      emails: [],
      address: { line1: 'Flat 2, Rose Court', line2: '1 Mill Lane', city: 'York', postalCode: 'YO1 7HH', country: 'GB' },
      changedAt: '2024-01-15T12:00:00.000Z',
    });
    expect(parties.get('MB00000002')).toMatchObject({ givenName: 'Tomasz', familyName: 'Kowalski', birthDate: '1979-09-03', phones: [], emails: [] });
    expect(await feed(mortgages)).toEqual(['mortgages:MB00000001', 'mortgages:MB00000002', 'mortgages:MB00000003', 'party:MB00000001', 'party:MB00000002', 'party:MB00000003']);
    expect(mortgages.freshness()).toEqual({ asOf: '2026-12-02', ageMs: 30 * 3_600_000, stale: true });
  });

  it('a delta that closes a loan closes it, and a changed joint loan changes for both borrowers, each as of the delta', async () => {
    await drop(FULL);
    await drop(DELTA);
    const mortgages = adapter();
    await mortgages.ready();
    const loans = await loansOf(mortgages, 'MB00000001', 'MB00000002', 'MB00000003');
    expect(loans.MB00000003).toEqual([
      expect.objectContaining({ loanId: 'ML00000002', status: 'CLOSED', balance: { amountMinor: 0, currency: 'GBP' }, monthsInArrears: 0, nextPayment: null, asOf: '2026-12-03' }),
    ]);
    for (const borrower of ['MB00000001', 'MB00000002']) {
      expect(loans[borrower]).toEqual([expect.objectContaining({ loanId: 'ML00000001', status: 'OPEN', balance: { amountMinor: 18_111_111, currency: 'GBP' }, asOf: '2026-12-03' })]);
    }
    expect(reports[0].map((r) => [r.file, r.outcome])).toEqual([
      [FULL, 'APPLIED'],
      [DELTA, 'APPLIED'],
    ]);
    expect(mortgages.freshness()).toEqual({ asOf: '2026-12-03', ageMs: 6 * 3_600_000, stale: false });
  });

  it('the same files twice change nothing: no write, no change event, the same answers', async () => {
    await drop(FULL);
    await drop(DELTA);
    const mortgages = adapter();
    await mortgages.ready();
    const before = { loans: await loansOf(mortgages, 'MB00000001', 'MB00000003'), feed: await feed(mortgages) };
    // The same bytes delivered again (a re-sent drop) and a second pass over the folder.
    await drop(FULL);
    await drop(DELTA);
    expect((await mortgages.ingest()).map((r) => [r.file, r.outcome])).toEqual([
      [FULL, 'ALREADY_SEEN'],
      [DELTA, 'ALREADY_SEEN'],
    ]);
    expect({ loans: await loansOf(mortgages, 'MB00000001', 'MB00000003'), feed: await feed(mortgages) }).toEqual(before);
    const files = await database.db.selectFrom('mortgage_drop_files' as never).selectAll().execute();
    expect(files).toHaveLength(2);
  });

  it('an older full extract arriving late is superseded, not applied over newer data', async () => {
    await drop(FULL);
    await drop(DELTA);
    const mortgages = adapter();
    await mortgages.ready();
    const before = await loansOf(mortgages, 'MB00000001', 'MB00000003');
    const text = (await readFile(path.join(GOLDEN, FULL), 'latin1')).replaceAll('182345.67', '1.00');
    const sha = (await import('node:crypto')).createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');
    await dropBytes('MORTGAGES_FULL_20261201.csv', Buffer.from(text, 'latin1'), manifest('MORTGAGES_FULL_20261201.csv', 'FULL', '2026-12-01', 3, sha));
    expect((await mortgages.ingest()).find((r) => r.file === 'MORTGAGES_FULL_20261201.csv')?.outcome).toBe('SUPERSEDED');
    expect(await loansOf(mortgages, 'MB00000001', 'MB00000003')).toEqual(before);
  });

  describe('a damaged file is refused whole, reported once, and the previous data stays served', () => {
    const fullBytes = () => readFile(path.join(GOLDEN, FULL));
    const deltaBytes = () => readFile(path.join(GOLDEN, DELTA));
    const cases: Array<[string, () => Promise<{ file: string; bytes: Buffer | string | null; manifest: string }>, string]> = [
      [
        'a delta cut off inside a record (the transfer broke)',
        async () => ({ file: DELTA, bytes: (await deltaBytes()).subarray(0, 400), manifest: manifest(DELTA, 'DELTA', '2026-12-03', 3, DELTA_SHA) }),
        'TRUNCATED',
      ],
      [
        'a delta missing its last CRLF (checksum made over the cut file)',
        async () => {
          const cut = (await deltaBytes()).subarray(0, -2);
          return { file: DELTA, bytes: cut, manifest: manifest(DELTA, 'DELTA', '2026-12-03', 3, (await import('node:crypto')).createHash('sha256').update(cut).digest('hex')) };
        },
        'TRUNCATED',
      ],
      [
        'a delta whose manifest names a wrong SHA-256',
        async () => ({ file: DELTA, bytes: await deltaBytes(), manifest: manifest(DELTA, 'DELTA', '2026-12-03', 3, FULL_SHA) }),
        'CHECKSUM_MISMATCH',
      ],
      [
        'a delta with one byte changed (a balance altered in transit)',
        async () => ({ file: DELTA, bytes: Buffer.from((await deltaBytes()).toString('latin1').replace('181111.11', '181111.19'), 'latin1'), manifest: manifest(DELTA, 'DELTA', '2026-12-03', 3, DELTA_SHA) }),
        'CHECKSUM_MISMATCH',
      ],
      [
        'a delta whose manifest counts 2 records (there are 3)',
        async () => ({ file: DELTA, bytes: await deltaBytes(), manifest: manifest(DELTA, 'DELTA', '2026-12-03', 2, DELTA_SHA) }),
        'COUNT_MISMATCH',
      ],
      ['a manifest that is not JSON', async () => ({ file: DELTA, bytes: await deltaBytes(), manifest: '{"file": "MORTGAGES_DELTA_2026' }), 'MANIFEST_INVALID'],
      [
        'a manifest without a checksum',
        async () => ({ file: DELTA, bytes: await deltaBytes(), manifest: JSON.stringify({ file: DELTA, type: 'DELTA', businessDate: '2026-12-03', recordCount: 3 }) }),
        'MANIFEST_INVALID',
      ],
      [
        'a manifest naming another business date than its file name',
        async () => ({ file: DELTA, bytes: await deltaBytes(), manifest: manifest(DELTA, 'DELTA', '2026-12-04', 3, DELTA_SHA) }),
        'NAME_MISMATCH',
      ],
      [
        'a manifest whose data file never arrived',
        async () => ({ file: DELTA, bytes: null, manifest: manifest(DELTA, 'DELTA', '2026-12-03', 3, DELTA_SHA) }),
        'TRUNCATED',
      ],
    ];

    it.each(cases)('%s', async (_what, make, reason) => {
      await drop(FULL);
      const mortgages = adapter();
      await mortgages.ready();
      const before = { loans: await loansOf(mortgages, 'MB00000001', 'MB00000002', 'MB00000003'), feed: await feed(mortgages), freshness: mortgages.freshness() };
      const bad = await make();
      await dropBytes(bad.file, bad.bytes, bad.manifest);
      const first = await mortgages.ingest();
      expect(first.filter((r) => r.outcome === 'REJECTED').map((r) => [r.file, r.reason, r.firstReport])).toEqual([[DELTA, reason, true]]);
      expect({ loans: await loansOf(mortgages, 'MB00000001', 'MB00000002', 'MB00000003'), feed: await feed(mortgages), freshness: mortgages.freshness() }).toEqual(before);
      // The next pass refuses the same bytes again without a second report (a bad manifest has no checksum to remember).
      const second = await mortgages.ingest();
      expect(second.filter((r) => r.outcome === 'REJECTED').map((r) => [r.reason, r.firstReport])).toEqual([[reason, reason === 'MANIFEST_INVALID' || reason === 'NAME_MISMATCH']]);
    });

    const malformed: Array<[string, (text: string) => string]> = [
      ['a maturity date that does not exist', (t) => t.replace('20380630', '20380631')],
      ['a joint loan whose two rows disagree on the balance', (t) => t.replace(/(MB00000002,2,2,.*?GBP,)182345\.67/, '$1182345.68')],
      ['a joint loan with one of its two rows missing', (t) => t.split('\r\n').filter((line) => !line.includes('MB00000002')).join('\r\n')],
      ['a header that is not the layout', (t) => t.replace('LOAN_NO,', 'LOAN_NUMBER,')],
      ['a row with a field too many', (t) => t.replace('ACTIVE,2026-11-02T02:00:00Z', 'ACTIVE,2026-11-02T02:00:00Z,EXTRA')],
      ['an unknown rate type', (t) => t.replace(',SVR,', ',XYZ,')],
      ['a negative balance', (t) => t.replace('95000.00', '-95000.00')],
      ['an unterminated quoted field', (t) => t.replace('"Flat 2, Rose Court"', '"Flat 2, Rose Court')],
    ];

    it.each(malformed)('a full extract with %s is MALFORMED, and the store stays empty', async (_what, damage) => {
      const text = damage((await fullBytes()).toString('latin1'));
      const records = text.split('\r\n').filter((line) => line !== '').length - 1;
      const sha = (await import('node:crypto')).createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');
      await dropBytes(FULL, Buffer.from(text, 'latin1'), manifest(FULL, 'FULL', '2026-12-02', records, sha));
      const mortgages = adapter();
      await mortgages.ready();
      expect(reports[0].map((r) => [r.outcome, r.reason])).toEqual([['REJECTED', 'MALFORMED']]);
      expect(await loansOf(mortgages, 'MB00000001', 'MB00000003')).toEqual({ MB00000001: [], MB00000003: [] });
      expect(await feed(mortgages)).toEqual([]);
      expect(mortgages.freshness()).toMatchObject({ asOf: null, stale: true });
    });

    it('reports each file checked to the legacy-call hooks once: applied ok, refused with its reason, never its content', async () => {
      await drop(FULL);
      await dropBytes(DELTA, (await deltaBytes()).subarray(0, 400), manifest(DELTA, 'DELTA', '2026-12-03', 3, DELTA_SHA));
      const calls: Array<{ operation: string; outcome: string }> = [];
      const mortgages = createMortgagesAdapter({
        config: defaultSystemConfig('MORTGAGES', pathToFileURL(folder + path.sep).href),
        database,
        env: { MORTGAGES_DROP_POLL_MS: '0' },
        logger: pino({ level: 'silent' }),
        hooks: { onCall: ({ system, operation, outcome }) => calls.push({ operation: `${system}:${operation}`, outcome }) },
      });
      adapters.push(mortgages);
      await mortgages.ready();
      await mortgages.ingest();
      expect(calls).toEqual([
        { operation: 'MORTGAGES:ingestDropFile', outcome: 'ok' },
        { operation: 'MORTGAGES:ingestDropFile', outcome: 'DROP_FILE_TRUNCATED' },
      ]);
    });

    it('a truncated delta delivered again whole is then applied', async () => {
      await drop(FULL);
      await dropBytes(DELTA, (await deltaBytes()).subarray(0, 400), manifest(DELTA, 'DELTA', '2026-12-03', 3, DELTA_SHA));
      const mortgages = adapter();
      await mortgages.ready();
      expect(reports[0].map((r) => r.outcome)).toEqual(['APPLIED', 'REJECTED']);
      await drop(DELTA);
      expect((await mortgages.ingest()).map((r) => r.outcome)).toEqual(['ALREADY_SEEN', 'APPLIED']);
      expect((await loansOf(mortgages, 'MB00000003')).MB00000003[0]).toMatchObject({ status: 'CLOSED', asOf: '2026-12-03' });
    });
  });

  it('serves a borrower whose birth date cannot exist with the birth date unknown, the rest of the file applied', async () => {
    const text = (await readFile(path.join(GOLDEN, FULL), 'latin1')).replace('19790903', '19790985');
    const sha = (await import('node:crypto')).createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');
    await dropBytes(FULL, Buffer.from(text, 'latin1'), manifest(FULL, 'FULL', '2026-12-02', 3, sha));
    const mortgages = adapter();
    await mortgages.ready();
    expect((await mortgages.getParties(['MB00000002'])).get('MB00000002')).toMatchObject({ givenName: 'Tomasz', birthDate: null });
    expect((await loansOf(mortgages, 'MB00000002')).MB00000002.map((l) => l.loanId)).toEqual(['ML00000001']);
  });

  it('holds a delta back until a full extract has been applied', async () => {
    await drop(DELTA);
    const mortgages = adapter();
    await mortgages.ready();
    expect(reports[0].map((r) => [r.file, r.outcome])).toEqual([[DELTA, 'WAITING']]);
    expect(await loansOf(mortgages, 'MB00000003')).toEqual({ MB00000003: [] });
    await drop(FULL);
    expect((await mortgages.ingest()).map((r) => [r.file, r.outcome])).toEqual([
      [FULL, 'APPLIED'],
      [DELTA, 'APPLIED'],
    ]);
    expect((await loansOf(mortgages, 'MB00000003')).MB00000003[0]).toMatchObject({ status: 'CLOSED', asOf: '2026-12-03' });
  });

  it('nothing of record is lost on restart: a new adapter over the same store serves it with the drop folder emptied', async () => {
    await drop(FULL);
    await drop(DELTA);
    const first = adapter();
    await first.ready();
    const served = await loansOf(first, 'MB00000001', 'MB00000003');
    first.close();
    await rm(folder, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(folder);
    const restarted = adapter();
    await restarted.ready();
    expect(await loansOf(restarted, 'MB00000001', 'MB00000003')).toEqual(served);
    expect(restarted.freshness().asOf).toBe('2026-12-03');
  });

  it('serves what another replica ingested: at once on a server (read per call), after its own next pass on PGlite (a copy in memory)', async () => {
    await drop(FULL);
    const first = adapter();
    await first.ready();
    const statusOf = async () => (await first.getLoans(['MB00000003'])).get('MB00000003')?.map((loan) => loan.status);
    expect(await statusOf()).toEqual(['OPEN']);
    const changesBefore = (await first.changes()).changes.length;
    await drop(DELTA); // closes ML00000002, MB00000003's loan
    await adapter().ready(); // the other replica ingests it
    expect(await statusOf()).toEqual([kind === 'server' ? 'CLOSED' : 'OPEN']);
    expect((await first.changes()).changes.length > changesBefore).toBe(kind === 'server');
    await first.ingest(); // its own pass: the file is already applied, the store changed
    expect(await statusOf()).toEqual(['CLOSED']);
    expect((await first.changes()).changes.length).toBeGreaterThan(changesBefore);
    expect(first.freshness().asOf).toBe('2026-12-03');
  });

  it('answers UPSTREAM_UNAVAILABLE while its store cannot be read, and serves once it can', async () => {
    await drop(FULL);
    let reachable = false;
    // The store's connection refused at first (the database restarting), then back.
    const flaky = {
      get db() {
        if (!reachable) throw new Error('connection refused');
        return database.db;
      },
    } as unknown as Database;
    const mortgages = createMortgagesAdapter({ config: defaultSystemConfig('MORTGAGES', pathToFileURL(folder + path.sep).href), database: flaky, env: { MORTGAGES_DROP_POLL_MS: '0' }, logger: pino({ level: 'silent' }) });
    adapters.push(mortgages);
    await expect(mortgages.getLoans(['MB00000003'])).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'MORTGAGES' });
    reachable = true;
    expect((await mortgages.getLoans(['MB00000003'])).get('MB00000003')).toEqual([expect.objectContaining({ loanId: 'ML00000002' })]);
  });

  it('refuses malformed borrower ids before reading anything', async () => {
    const mortgages = adapter();
    await expect(mortgages.getLoans(['MB1'])).rejects.toMatchObject({ code: 'BAD_USER_INPUT', system: 'MORTGAGES' });
    await expect(mortgages.getParties(["MB00000001' or 1=1"])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
