import type { SourceParty } from '../canonical';
import { fromDecimalString } from '../money';
import { DropFileRejected } from './dropFileRejected';
import { deltaRowSchema, extractRowSchema, type DropManifest, type ExtractRow } from './extractWire';
import type { MortgageLoan, RateType } from './mortgageLoan';

/** What one applied file says: each loan it lists (with the delta's change) and each borrower. */
export interface DropContent {
  loans: Array<{ loan: MortgageLoan; closed: boolean }>;
  borrowers: SourceParty[];
}

const RATE_TYPE: Record<ExtractRow['RATE_TYPE'], RateType> = { FXD: 'FIXED', TRK: 'TRACKER', SVR: 'VARIABLE' };

/** `20261203` -> `2026-12-03`, refusing dates that do not exist. */
function isoDate(fileDate: string): string | null {
  const iso = `${fileDate.slice(0, 4)}-${fileDate.slice(4, 6)}-${fileDate.slice(6, 8)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? null : iso;
}

const orNull = (value: string) => (value === '' ? null : value);

function borrowerOf(row: ExtractRow): SourceParty {
  const hasAddress = row.ADDR_LINE_1 || row.ADDR_LINE_2 || row.TOWN || row.POSTCODE || row.COUNTRY;
  return {
    system: 'MORTGAGES',
    localId: row.BORROWER_NO,
    givenName: orNull(row.FORENAME),
    familyName: orNull(row.SURNAME),
    rawName: null,
    // A birth date that cannot exist (`19880785`: keyed in wrong years ago) is data the system
    // holds, not a broken file: it is served as unknown, the record and its loans still count.
    birthDate: row.DATE_OF_BIRTH ? isoDate(row.DATE_OF_BIRTH) : null,
    nationalId: null,
    phones: row.PHONE ? [row.PHONE] : [],
    emails: row.EMAIL ? [row.EMAIL] : [],
    address: hasAddress
      ? { line1: orNull(row.ADDR_LINE_1), line2: orNull(row.ADDR_LINE_2), city: orNull(row.TOWN), postalCode: orNull(row.POSTCODE), country: orNull(row.COUNTRY) }
      : null,
    changedAt: new Date(row.BORROWER_UPDATED).toISOString(),
  };
}

/** The loan fields every row of one loan must repeat identically. */
const LOAN_FIELDS = ['BORROWER_COUNT', 'CCY', 'BALANCE', 'MONTHS_IN_ARREARS', 'NEXT_DUE_DATE', 'NEXT_DUE_AMOUNT', 'RATE_TYPE', 'MATURITY_DATE', 'LOAN_STATUS', 'LOAN_UPDATED'] as const;

/**
 * The loans and borrowers of a decoded file, validated field by field. Any bad record refuses the
 * whole file (MALFORMED, with its line number only): a loan's rows must agree on the loan's
 * fields, number its borrowers 1..n with n its BORROWER_COUNT, and its dates must exist (a
 * borrower's impossible birth date is served as unknown instead).
 */
export function mapDropRecords(manifest: DropManifest, records: ReadonlyArray<Record<string, string>>): DropContent {
  const malformed = (index: number, what: string) => new DropFileRejected(manifest.file, 'MALFORMED', `line ${index + 2}: ${what}`);
  const schema = manifest.type === 'DELTA' ? deltaRowSchema : extractRowSchema;
  const byLoan = new Map<string, Array<{ row: ExtractRow; change: string | null; index: number }>>();
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw malformed(index, `invalid ${parsed.error.issues[0]?.path.join('.') ?? 'record'}`);
    const row = parsed.data as ExtractRow & { CHANGE_CODE?: string };
    const rows = byLoan.get(row.LOAN_NO) ?? [];
    rows.push({ row, change: row.CHANGE_CODE ?? null, index });
    byLoan.set(row.LOAN_NO, rows);
  });

  const loans: DropContent['loans'] = [];
  const borrowers = new Map<string, SourceParty>();
  for (const [loanId, rows] of byLoan) {
    const first = rows[0];
    const { row } = first;
    for (const other of rows) {
      const differing = LOAN_FIELDS.find((field) => other.row[field] !== row[field]);
      if (differing || other.change !== first.change) throw malformed(other.index, `loan ${loanId} differs from its first record in ${differing ?? 'CHANGE_CODE'}`);
    }
    const sequence = rows.map((r) => Number(r.row.BORROWER_SEQ)).sort((a, b) => a - b);
    if (Number(row.BORROWER_COUNT) !== rows.length || sequence.some((seq, i) => seq !== i + 1)) throw malformed(first.index, `loan ${loanId} lists ${rows.length} borrowers, BORROWER_COUNT says ${row.BORROWER_COUNT}`);
    const maturity = isoDate(row.MATURITY_DATE);
    const due = row.NEXT_DUE_DATE ? isoDate(row.NEXT_DUE_DATE) : null;
    if (!maturity || (row.NEXT_DUE_DATE && !due)) throw malformed(first.index, 'a date that does not exist');
    if (Boolean(row.NEXT_DUE_DATE) !== Boolean(row.NEXT_DUE_AMOUNT)) throw malformed(first.index, 'NEXT_DUE_DATE and NEXT_DUE_AMOUNT must come together');
    const closed = first.change === 'X' || row.LOAN_STATUS === 'REDEEMED';
    const ordered = [...rows].sort((a, b) => Number(a.row.BORROWER_SEQ) - Number(b.row.BORROWER_SEQ));
    loans.push({
      closed,
      loan: {
        loanId,
        status: closed ? 'CLOSED' : 'OPEN',
        balance: closed ? { amountMinor: 0, currency: row.CCY } : fromDecimalString(row.BALANCE, row.CCY),
        monthsInArrears: closed ? 0 : Number(row.MONTHS_IN_ARREARS),
        nextPayment: !closed && due ? { dueDate: due, amount: fromDecimalString(row.NEXT_DUE_AMOUNT, row.CCY) } : null,
        rateType: RATE_TYPE[row.RATE_TYPE],
        maturityDate: maturity,
        borrowers: ordered.map((r, i) => ({ borrowerId: r.row.BORROWER_NO, role: i === 0 ? 'PRIMARY' : 'JOINT' })),
        asOf: manifest.businessDate,
      },
    });
    for (const r of ordered) {
      const party = borrowerOf(r.row);
      const known = borrowers.get(party.localId);
      if (!known || (known.changedAt ?? '') < (party.changedAt ?? '')) borrowers.set(party.localId, party);
    }
  }
  return { loans, borrowers: [...borrowers.values()] };
}
