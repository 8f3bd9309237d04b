import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pino from 'pino';
import { DATABASE_KINDS, openTestDatabase } from '../../db/testing/testDatabase';
import type { Database } from '../../db/database';
import { defaultSystemConfig } from '../kit/config';
import { createMortgagesAdapter } from './mortgagesAdapter';

/*
 * A full extract larger than one batch of upserts (the store writes 500 rows a statement): 1,200
 * single-borrower loans, borrower n on loan n, and one more loan for borrower 1 (a borrower with
 * two mortgages appears in the file twice, here within one batch). Every figure below follows from that construction.
 */
const HEADER = 'LOAN_NO,BORROWER_NO,BORROWER_SEQ,BORROWER_COUNT,FORENAME,SURNAME,DATE_OF_BIRTH,ADDR_LINE_1,ADDR_LINE_2,TOWN,POSTCODE,COUNTRY,PHONE,EMAIL,BORROWER_UPDATED,CCY,BALANCE,MONTHS_IN_ARREARS,NEXT_DUE_DATE,NEXT_DUE_AMOUNT,RATE_TYPE,MATURITY_DATE,LOAN_STATUS,LOAN_UPDATED';
const loanId = (n: number) => `ML${String(10_000_000 + n)}`;
const borrowerId = (n: number) => `MB${String(20_000_000 + n)}`;
const row = (loan: string, borrower: string, surname: string, balance: string) =>
  `${loan},${borrower},1,1,Jane,${surname},19800214,1 Mill Lane,,York,YO1 7HH,GB,07700 900123,,2024-01-15T12:00:00Z,GBP,${balance},0,20261210,2100.00,SVR,20380630,ACTIVE,2026-11-02T02:00:00Z`;

describe.each(DATABASE_KINDS)('a full extract of several upsert batches (%s database)', (kind) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let folder: string;

  beforeAll(async () => {
    ({ database, cleanup } = await openTestDatabase(kind));
    folder = await mkdtemp(path.join(os.tmpdir(), 'mortgage-batches-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await cleanup();
  });

  it('stores every borrower once and every loan, the borrower with two loans under both', async () => {
    const lines = [HEADER];
    for (let n = 1; n <= 1200; n += 1) lines.push(row(loanId(n), borrowerId(n), `Surname${n}`, '95000.00'));
    // Borrower 1's second loan, within the first batch of 500.
    lines.splice(3, 0, row(loanId(1201), borrowerId(1), 'Surname1', '5000.00'));
    const text = lines.join('\r\n') + '\r\n'; // CRLF, as PROTOCOL.md asks
    const file = 'MORTGAGES_FULL_20261202.csv';
    const sha256 = createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');
    await writeFile(path.join(folder, file), text, 'latin1');
    await writeFile(path.join(folder, `${file}.manifest`), JSON.stringify({ file, type: 'FULL', businessDate: '2026-12-02', recordCount: 1201, sha256 }));

    const outcomes: string[] = [];
    const mortgages = createMortgagesAdapter({
      config: defaultSystemConfig('MORTGAGES', pathToFileURL(folder + path.sep).href),
      database,
      env: { MORTGAGES_DROP_POLL_MS: '0' },
      clock: () => Date.parse('2026-12-03T06:00:00.000Z'),
      logger: pino({ level: 'silent' }),
      onIngest: (files) => outcomes.push(...files.map((f) => f.outcome)),
    });
    try {
      await mortgages.ready();
      expect(outcomes).toEqual(['APPLIED']);
      const count = async (table: 'mortgage_borrowers' | 'mortgage_loans') => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(database.db)).rows[0].n);
      expect(await count('mortgage_borrowers')).toBe(1200);
      expect(await count('mortgage_loans')).toBe(1201);
      const held = await mortgages.getLoans([borrowerId(1), borrowerId(501), borrowerId(1200)]);
      expect(held.get(borrowerId(1))!.map((l) => l.loanId).sort()).toEqual([loanId(1), loanId(1201)]);
      expect(held.get(borrowerId(501))!.map((l) => l.loanId)).toEqual([loanId(501)]);
      expect(held.get(borrowerId(1200))!.map((l) => l.loanId)).toEqual([loanId(1200)]);
      const parties = await mortgages.getParties([borrowerId(1), borrowerId(1001)]);
      expect(parties.get(borrowerId(1))).toMatchObject({ familyName: 'Surname1' });
      expect(parties.get(borrowerId(1001))).toMatchObject({ familyName: 'Surname1001' });
    } finally {
      mortgages.close();
    }
  }, 60_000);
});
