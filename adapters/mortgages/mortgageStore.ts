import { isDeepStrictEqual } from 'node:util';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { inList, unnestText } from '../../db/sqlArrays';
import type { ChangeEvent, SourceParty } from '../canonical';
import type { RejectionReason } from './dropFileRejected';
import type { DropContent } from './extractMapping';
import type { DropManifest } from './extractWire';
import type { MortgageLoan } from './mortgageLoan';

/*
 * The adapter's own tables (db/migrations/0004_mortgage_store.ts): the store of record for what
 * was ingested. Every write is one transaction per file, under an advisory lock, so replicas that
 * ingest the same drop folder apply each file once.
 */

interface MortgageTables {
  mortgage_drop_files: {
    file_name: string;
    sha256: string;
    type: 'FULL' | 'DELTA';
    business_date: string;
    record_count: number;
    outcome: FileOutcome;
    reason: string | null;
  };
  mortgage_borrowers: { borrower_id: string; party: string; as_of: string };
  mortgage_loans: { borrower_ids: string[]; loan_id: string; loan: string; as_of: string };
  mortgage_changes: { seq?: number; entity: string; local_id: string };
}

export type FileOutcome = 'APPLIED' | 'SUPERSEDED' | 'REJECTED';

/** The lock every ingest transaction takes (a constant of this store, apart from identity's locks). */
const INGEST_LOCK = 7_301_100;

/** What the store already knows of a (name, checksum), and whether the name was applied with other bytes. */
export interface FileStatus {
  outcome: FileOutcome | null;
  appliedWithOtherBytes: boolean;
}

/** Everything the reads need, loaded at once (the subgraph and identity read from memory: see mortgagesAdapter.ts). */
export interface StoreSnapshot {
  borrowers: Map<string, SourceParty>;
  loans: Map<string, MortgageLoan>;
  changes: Array<ChangeEvent & { seq: number }>;
  /** The latest business date of an applied file, or null before the first. */
  businessDate: string | null;
}

type LoanRow = { loan_id: string; borrower_ids: string[]; loan: Omit<MortgageLoan, 'asOf'>; as_of: string };

export class MortgageStore {
  private readonly db: Kysely<MortgageTables>;

  constructor(database: Pick<Database, 'db'>) {
    // The product's schema type does not list these tables: they are this adapter's own.
    this.db = database.db as unknown as Kysely<MortgageTables>;
  }

  async fileStatus(manifest: Pick<DropManifest, 'file' | 'sha256'>): Promise<FileStatus> {
    const rows = await this.db.selectFrom('mortgage_drop_files').select(['sha256', 'outcome']).where('file_name', '=', manifest.file).execute();
    return {
      outcome: rows.find((r) => r.sha256 === manifest.sha256)?.outcome ?? null,
      appliedWithOtherBytes: rows.some((r) => r.sha256 !== manifest.sha256 && r.outcome === 'APPLIED'),
    };
  }

  /** Whether a full extract was ever applied (a delta has nothing to apply to before). */
  async hasAppliedFull(): Promise<boolean> {
    const row = await this.db.selectFrom('mortgage_drop_files').select('file_name').where('type', '=', 'FULL').where('outcome', '=', 'APPLIED').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Records a refused file (once per name and checksum). */
  async recordRejection(manifest: DropManifest, reason: RejectionReason): Promise<void> {
    await this.db
      .insertInto('mortgage_drop_files')
      .values({ file_name: manifest.file, sha256: manifest.sha256, type: manifest.type, business_date: manifest.businessDate, record_count: manifest.recordCount, outcome: 'REJECTED', reason })
      .onConflict((oc) => oc.columns(['file_name', 'sha256']).doNothing())
      .execute();
  }

  /**
   * Applies one validated file in one transaction: SUPERSEDED when a full extract of the same or a
   * later business date was applied already; otherwise each loan and borrower is written unless the
   * store holds it from a later file, a full extract closes the open loans it no longer lists, and
   * every borrower whose record or loans changed gets a change event. The same (name, checksum)
   * twice is a no-op.
   */
  async apply(manifest: DropManifest, content: DropContent): Promise<FileOutcome | 'ALREADY_SEEN'> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`.execute(trx);
      const seen = await trx.selectFrom('mortgage_drop_files').select('outcome').where('file_name', '=', manifest.file).where('sha256', '=', manifest.sha256).executeTakeFirst();
      if (seen && seen.outcome !== 'REJECTED') return 'ALREADY_SEEN';
      const latestFull = await trx
        .selectFrom('mortgage_drop_files')
        .select(sql<string | null>`max(business_date)::text`.as('date'))
        .where('type', '=', 'FULL')
        .where('outcome', '=', 'APPLIED')
        .executeTakeFirst();
      const superseded = latestFull?.date != null && manifest.businessDate <= latestFull.date;
      if (!superseded) await this.write(trx, manifest, content);
      const outcome: FileOutcome = superseded ? 'SUPERSEDED' : 'APPLIED';
      await trx
        .insertInto('mortgage_drop_files')
        .values({ file_name: manifest.file, sha256: manifest.sha256, type: manifest.type, business_date: manifest.businessDate, record_count: manifest.recordCount, outcome, reason: null })
        // A file refused earlier and whole now (its data file re-delivered) replaces its refusal.
        .onConflict((oc) => oc.columns(['file_name', 'sha256']).doUpdateSet({ outcome, reason: null }))
        .execute();
      return outcome;
    });
  }

  private async write(trx: Transaction<MortgageTables>, manifest: DropManifest, content: DropContent): Promise<void> {
    const date = manifest.businessDate;
    const changed = { party: new Set<string>(), mortgages: new Set<string>() };

    const borrowerIds = content.borrowers.map((b) => b.localId);
    const storedBorrowers = new Map<string, { party: SourceParty; as_of: string }>();
    for (const ids of chunks(borrowerIds)) {
      const rows = await trx.selectFrom('mortgage_borrowers').select(['borrower_id', 'party', sql<string>`as_of::text`.as('as_of')]).where(inList('borrower_id', ids)).execute();
      for (const row of rows) storedBorrowers.set(row.borrower_id, { party: parse<SourceParty>(row.party), as_of: row.as_of });
    }
    // Upserts go in batches (a nightly full extract holds every borrower and loan), each batch one
    // statement over one JSON parameter (see rowsOf); one row per id, the file's last, as writing
    // them one by one in file order would leave.
    const borrowerRows = new Map<string, { borrower_id: string; party: SourceParty; as_of: string }>();
    for (const party of content.borrowers) {
      const stored = storedBorrowers.get(party.localId);
      if (stored && stored.as_of > date) continue;
      if (!stored || !isDeepStrictEqual(stored.party, party)) changed.party.add(party.localId);
      borrowerRows.set(party.localId, { borrower_id: party.localId, party, as_of: date });
    }
    for (const batch of chunks([...borrowerRows.values()])) {
      await sql`insert into mortgage_borrowers (borrower_id, party, as_of)
        select r->>'borrower_id', r->'party', (r->>'as_of')::date from ${rowsOf(batch)} r
        on conflict (borrower_id) do update set party = excluded.party, as_of = excluded.as_of`.execute(trx);
    }

    const loanIds = content.loans.map((l) => l.loan.loanId);
    const storedLoans = new Map<string, LoanRow>();
    for (const ids of chunks(loanIds)) {
      for (const row of await this.loanRows(trx, ids)) storedLoans.set(row.loan_id, row);
    }
    let loanRows = new Map<string, { loan_id: string; borrower_ids: string[]; loan: Omit<MortgageLoan, 'asOf'>; as_of: string }>();
    const writeLoan = (loan: MortgageLoan, previous: LoanRow | undefined) => {
      const { asOf: _asOf, ...figures } = loan;
      const ids = loan.borrowers.map((b) => b.borrowerId);
      if (!previous || !isDeepStrictEqual(previous.loan, figures)) {
        for (const id of [...ids, ...(previous?.borrower_ids ?? [])]) changed.mortgages.add(id);
      }
      loanRows.set(loan.loanId, { loan_id: loan.loanId, borrower_ids: ids, loan: figures, as_of: loan.asOf });
    };
    const flushLoans = async () => {
      for (const batch of chunks([...loanRows.values()])) {
        await sql`insert into mortgage_loans (loan_id, borrower_ids, loan, as_of)
          select r->>'loan_id', array(select jsonb_array_elements_text(r->'borrower_ids')), r->'loan', (r->>'as_of')::date from ${rowsOf(batch)} r
          on conflict (loan_id) do update set borrower_ids = excluded.borrower_ids, loan = excluded.loan, as_of = excluded.as_of`.execute(trx);
      }
      loanRows = new Map();
    };
    for (const { loan } of content.loans) {
      const previous = storedLoans.get(loan.loanId);
      if (previous && previous.as_of > date) continue;
      writeLoan(loan, previous);
    }
    await flushLoans();

    if (manifest.type === 'FULL') {
      // A full extract lists every loan serviced: an open loan it no longer lists has ended.
      const listed = new Set(loanIds);
      const open = await trx
        .selectFrom('mortgage_loans')
        .select(['loan_id', 'borrower_ids', 'loan', sql<string>`as_of::text`.as('as_of')])
        .where(sql`loan->>'status'`, '=', 'OPEN')
        .where('as_of', '<', date)
        .execute();
      for (const row of open) {
        if (listed.has(row.loan_id)) continue;
        const loan = parse<Omit<MortgageLoan, 'asOf'>>(row.loan);
        const previous: LoanRow = { ...row, loan };
        writeLoan({ ...loan, status: 'CLOSED', balance: { ...loan.balance, amountMinor: 0 }, monthsInArrears: 0, nextPayment: null, asOf: date }, previous);
      }
      await flushLoans();
    }

    const events = [
      ...[...changed.party].map((id) => ({ entity: 'party', local_id: id })),
      ...[...changed.mortgages].map((id) => ({ entity: 'mortgages', local_id: id })),
    ];
    for (const batch of chunks(events)) {
      await sql`insert into mortgage_changes (entity, local_id) select * from ${unnestText([batch.map((e) => e.entity), batch.map((e) => e.local_id)])}`.execute(trx);
    }
  }

  private async loanRows(db: Kysely<MortgageTables> | Transaction<MortgageTables>, ids: readonly string[]): Promise<LoanRow[]> {
    const rows = await db.selectFrom('mortgage_loans').select(['loan_id', 'borrower_ids', 'loan', sql<string>`as_of::text`.as('as_of')]).where(inList('loan_id', ids)).execute();
    return rows.map((row) => ({ ...row, loan: parse<Omit<MortgageLoan, 'asOf'>>(row.loan) }));
  }

  /** The last change's sequence number (0 for none): a cheap "did anything change" probe. */
  async lastChange(): Promise<number> {
    const row = await this.db.selectFrom('mortgage_changes').select(sql<string | number | null>`max(seq)`.as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /** The borrowers of `ids` that the store holds. */
  async borrowers(ids: readonly string[]): Promise<Map<string, SourceParty>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('mortgage_borrowers').select(['borrower_id', 'party']).where('borrower_id', 'in', [...ids]).execute();
    return new Map(rows.map((row) => [row.borrower_id, parse<SourceParty>(row.party)]));
  }

  /** Up to `limit` borrowers after `after` in id order (keyset pages of the bulk extract). */
  async borrowersAfter(after: string, limit: number): Promise<SourceParty[]> {
    const rows = await this.db.selectFrom('mortgage_borrowers').select('party').where('borrower_id', '>', after).orderBy('borrower_id').limit(limit).execute();
    return rows.map((row) => parse<SourceParty>(row.party));
  }

  /** Every loan that names one of `borrowerIds` as a borrower (the GIN index on borrower_ids). */
  async loansOfBorrowers(borrowerIds: readonly string[]): Promise<MortgageLoan[]> {
    if (borrowerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('mortgage_loans')
      .select(['loan', sql<string>`as_of::text`.as('as_of')])
      .where(sql<boolean>`borrower_ids && ${sql.val([...borrowerIds])}::text[]`)
      .execute();
    return rows.map((row) => ({ ...parse<Omit<MortgageLoan, 'asOf'>>(row.loan), asOf: row.as_of }));
  }

  /** Up to `limit` changes after sequence number `after`, in order. */
  async changesAfter(after: number, limit: number): Promise<Array<ChangeEvent & { seq: number }>> {
    const rows = await this.db.selectFrom('mortgage_changes').select(['seq', 'entity', 'local_id', sql<string>`changed_at`.as('changed_at')]).where('seq', '>', after).orderBy('seq').limit(limit).execute();
    return rows.map(changeEvent);
  }

  /** The latest business date of an applied file, or null before the first. */
  async businessDate(): Promise<string | null> {
    const row = await this.db.selectFrom('mortgage_drop_files').select(sql<string | null>`max(business_date)::text`.as('date')).where('outcome', '=', 'APPLIED').executeTakeFirst();
    return row?.date ?? null;
  }

  /** The whole store, for the in-memory read model. */
  async snapshot(): Promise<StoreSnapshot> {
    const [borrowers, loans, changes, date] = await Promise.all([
      this.db.selectFrom('mortgage_borrowers').select(['borrower_id', 'party']).execute(),
      this.db.selectFrom('mortgage_loans').select(['loan_id', 'loan', sql<string>`as_of::text`.as('as_of')]).execute(),
      this.db.selectFrom('mortgage_changes').select(['seq', 'entity', 'local_id', sql<string>`changed_at`.as('changed_at')]).orderBy('seq').execute(),
      this.db.selectFrom('mortgage_drop_files').select(sql<string | null>`max(business_date)::text`.as('date')).where('outcome', '=', 'APPLIED').executeTakeFirst(),
    ]);
    return {
      borrowers: new Map(borrowers.map((row) => [row.borrower_id, parse<SourceParty>(row.party)])),
      loans: new Map(loans.map((row) => [row.loan_id, { ...parse<Omit<MortgageLoan, 'asOf'>>(row.loan), asOf: row.as_of }])),
      changes: changes.map(changeEvent),
      businessDate: date?.date ?? null,
    };
  }
}

function changeEvent(row: { seq?: number | string; entity: string; local_id: string; changed_at: string }): ChangeEvent & { seq: number } {
  return { seq: Number(row.seq), system: 'MORTGAGES', entity: row.entity, localId: row.local_id, changedAt: new Date(row.changed_at as unknown as string | Date).toISOString() };
}

/** jsonb comes back parsed from pg and PGlite; a string only if a driver left it as text. */
function parse<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A batch of rows as `jsonb_array_elements($1::jsonb)`: one text parameter the database parses,
 * where `unnest` of text arrays had the driver escape every quote of every JSON value (a nightly
 * full file: 16 s of this process's CPU against 7 s row by row, most of it collecting the copies).
 */
function rowsOf(batch: readonly object[]): RawBuilder<unknown> {
  return sql`jsonb_array_elements(${JSON.stringify(batch)}::jsonb)`;
}

/** Rows a statement carries (one parameter whatever the count). */
const ROWS_A_STATEMENT = 5000;

function chunks<T>(items: readonly T[], size = ROWS_A_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
