/**
 * The simulator's customer master: the initial records indexed by CIF (and accounts by number)
 * so an inquiry is a Map lookup, plus an overlay of operator edits. Edits never touch the
 * initial records, so `reset` is clearing the overlay: no deep copy of a large population.
 */

import { z } from 'zod/v4';
import { nonEmptyChanges } from '../kit/nonEmptyChanges';
import type { CoreBankingAccountRecord, CoreBankingCustomerRecord } from '../dataset/records';
import { AdminInputError } from '../kit/simulatorServer';

const text = z.string().max(200).nullable();

/** `POST /__admin/records` body: which CIF, and the customer fields to change. */
export const editRecordSchema = z
  .object({
    cif: z.string().regex(/^\d{10}$/, 'cif must be 10 digits'),
    changes: nonEmptyChanges(z
      .object({
        givenName: z.string().min(1).max(200),
        familyName: z.string().min(1).max(200),
        birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
        nationalId: text,
        addressLine1: text,
        addressLine2: text,
        city: text,
        postalCode: text,
        country: z.string().regex(/^[A-Z]{2}$/).nullable(),
        phone: text,
        email: text,
        incomeMinor: z.number().int().min(0).max(99_999_999_999_99).nullable(),
      })
      .partial()
      .strict()),
  })
  .strict();

export type EditRecordInput = z.infer<typeof editRecordSchema>;

export interface AccountEntry {
  cif: string;
  account: CoreBankingAccountRecord;
}

export class CustomerStore {
  private readonly initial = new Map<string, CoreBankingCustomerRecord>();
  private readonly edited = new Map<string, CoreBankingCustomerRecord>();
  private readonly accounts = new Map<string, AccountEntry>();

  constructor(records: readonly CoreBankingCustomerRecord[]) {
    for (const record of records) {
      this.initial.set(record.cif, record);
      for (const account of record.accounts) this.accounts.set(account.accountNumber, { cif: record.cif, account });
    }
  }

  get size(): number {
    return this.initial.size;
  }

  get(cif: string): CoreBankingCustomerRecord | undefined {
    return this.edited.get(cif) ?? this.initial.get(cif);
  }

  account(accountNumber: string): AccountEntry | undefined {
    return this.accounts.get(accountNumber);
  }

  /** Every current record, in load order (edited ones in their edited state). */
  *all(): Generator<CoreBankingCustomerRecord> {
    for (const [cif, record] of this.initial) yield this.edited.get(cif) ?? record;
  }

  /** Applies an operator edit; stamps the record's changedAt as the system would. */
  edit(body: unknown, now: () => Date = () => new Date()): CoreBankingCustomerRecord {
    const parsed = editRecordSchema.safeParse(body);
    if (!parsed.success) {
      throw new AdminInputError(`invalid edit: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}`);
    }
    const current = this.get(parsed.data.cif);
    if (!current) throw new AdminInputError('no customer with that cif');
    const updated: CoreBankingCustomerRecord = { ...current, ...parsed.data.changes, changedAt: now().toISOString() };
    this.edited.set(updated.cif, updated);
    return updated;
  }

  reset(): void {
    this.edited.clear();
  }
}
