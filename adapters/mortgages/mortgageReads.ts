import type { ChangeEvent, SourceParty } from '../canonical';
import type { MortgageLoan } from './mortgageLoan';
import type { MortgageStore, StoreSnapshot } from './mortgageStore';

/**
 * Where the adapter's reads are answered from. On a PostgreSQL server, the store itself, per call
 * (indexed reads; replicas see each other's ingests at once; memory independent of the book's
 * size: a million-person population has 207,545 borrowers). On embedded PGlite, a copy in memory
 * refreshed after each ingest that changed the store: identity's initial load holds PGlite's only
 * session while it extracts, and a read waiting for that session would wait for ever.
 */
export interface MortgageReads {
  borrowers(ids: readonly string[]): Promise<Map<string, SourceParty>>;
  /** Each borrower's loans (a joint loan under each of its borrowers), open ones first, then by loan number. */
  loansOf(borrowerIds: readonly string[]): Promise<Map<string, MortgageLoan[]>>;
  /** Every borrower in id order. */
  allBorrowers(): AsyncIterable<SourceParty>;
  changesAfter(after: number, limit: number): Promise<Array<ChangeEvent & { seq: number }>>;
  /** The latest business date of an applied file (as of the last refresh), or null before the first. */
  businessDate(): string | null;
  /** After an ingest pass: `applied` when it applied a file (another replica may have too). */
  refresh(applied: boolean): Promise<void>;
}

/** Borrowers a page of the bulk extract reads from the store. */
const EXTRACT_PAGE = 2000;

const byStatusThenId = (a: MortgageLoan, b: MortgageLoan) => (a.status === b.status ? a.loanId.localeCompare(b.loanId) : a.status === 'OPEN' ? -1 : 1);

/** Groups loans under each of the asked borrowers, sorted. */
function loansByBorrower(borrowerIds: readonly string[], loans: Iterable<MortgageLoan>): Map<string, MortgageLoan[]> {
  const out = new Map<string, MortgageLoan[]>(borrowerIds.map((id) => [id, []]));
  for (const loan of loans) for (const { borrowerId } of loan.borrowers) out.get(borrowerId)?.push(loan);
  for (const list of out.values()) list.sort(byStatusThenId);
  return out;
}

export function storeReads(store: MortgageStore): MortgageReads {
  let date: string | null = null;
  return {
    borrowers: (ids) => store.borrowers(ids),
    loansOf: async (ids) => loansByBorrower(ids, await store.loansOfBorrowers(ids)),
    async *allBorrowers() {
      for (let after = ''; ; ) {
        const page = await store.borrowersAfter(after, EXTRACT_PAGE);
        yield* page;
        if (page.length < EXTRACT_PAGE) return;
        after = page[page.length - 1].localId;
      }
    },
    changesAfter: (after, limit) => store.changesAfter(after, limit),
    businessDate: () => date,
    async refresh() {
      date = await store.businessDate();
    },
  };
}

export function memoryReads(store: MortgageStore): MortgageReads {
  let snapshot: StoreSnapshot = { borrowers: new Map(), loans: new Map(), changes: [], businessDate: null };
  let byBorrower = new Map<string, MortgageLoan[]>();
  return {
    borrowers: async (ids) => {
      const found = new Map<string, SourceParty>();
      for (const id of ids) {
        const party = snapshot.borrowers.get(id);
        if (party) found.set(id, party);
      }
      return found;
    },
    loansOf: async (ids) => new Map(ids.map((id) => [id, byBorrower.get(id) ?? []])),
    async *allBorrowers() {
      for (const party of [...snapshot.borrowers.values()].sort((a, b) => a.localId.localeCompare(b.localId))) yield party;
    },
    changesAfter: async (after, limit) => snapshot.changes.filter((c) => c.seq > after).slice(0, limit),
    businessDate: () => snapshot.businessDate,
    async refresh(applied) {
      // Another replica may have applied files too: reload when the store changed at all.
      const last = snapshot.changes.at(-1)?.seq ?? 0;
      if (!applied && (await store.lastChange()) === last && snapshot.businessDate !== null) return;
      snapshot = await store.snapshot();
      const borrowerIds = [...new Set([...snapshot.loans.values()].flatMap((loan) => loan.borrowers.map((b) => b.borrowerId)))];
      byBorrower = loansByBorrower(borrowerIds, snapshot.loans.values());
    },
  };
}
