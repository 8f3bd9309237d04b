/**
 * Core banking accounts with a few recent transactions. Amounts are integer pence; loans carry
 * a negative balance (the customer owes the bank).
 */
import { accountNumberFor } from './ids';
import type { Random } from './random';
import type { CoreBankingAccountRecord, CoreBankingTransactionRecord } from './records';
import { AS_OF_MS, DAY_MS, isoDate } from './timeline';

type AccountType = CoreBankingAccountRecord['type'];

const DEBITS = ['TESCO STORES', 'SAINSBURYS', 'TFL TRAVEL', 'DD COUNCIL TAX', 'DD BRITISH GAS', 'AMAZON UK', 'CASH WITHDRAWAL', 'STANDING ORDER RENT'];
const CREDITS = ['SALARY', 'TRANSFER IN', 'REFUND', 'HMRC TAX REFUND'];

function balanceFor(type: AccountType, rng: Random): number {
  switch (type) {
    case 'CURRENT':
      return rng.int(-50_000, 800_000);
    case 'SAVINGS':
      return rng.int(0, 5_000_000);
    case 'TERM_DEPOSIT':
      return rng.int(100_000, 10_000_000);
    case 'LOAN':
      return -rng.int(100_000, 25_000_000);
  }
}

function transactionFor(type: AccountType, accountNumber: string, seq: number, rng: Random): CoreBankingTransactionRecord {
  const bookingDate = isoDate(AS_OF_MS - rng.int(1, 60) * DAY_MS);
  let amountMinor: number;
  let description: string;
  switch (type) {
    case 'LOAN':
      amountMinor = rng.int(10_000, 150_000);
      description = 'LOAN REPAYMENT';
      break;
    case 'TERM_DEPOSIT':
      amountMinor = rng.int(100, 20_000);
      description = 'INTEREST';
      break;
    case 'SAVINGS':
      amountMinor = rng.chance(0.7) ? rng.int(1_000, 100_000) : -rng.int(1_000, 100_000);
      description = amountMinor > 0 ? 'TRANSFER IN' : 'TRANSFER OUT';
      break;
    default:
      if (rng.chance(0.25)) {
        amountMinor = rng.int(5_000, 400_000);
        description = rng.pick(CREDITS);
      } else {
        amountMinor = -rng.int(100, 60_000);
        description = rng.pick(DEBITS);
      }
  }
  return { txnId: `${accountNumber}T${seq}`, bookingDate, amountMinor, description };
}

function accountFor(type: AccountType, accountNumber: string, rng: Random): CoreBankingAccountRecord {
  const closed = rng.chance(0.04);
  const transactions: CoreBankingTransactionRecord[] = [];
  const count = closed ? 0 : rng.int(3, 6);
  for (let k = 0; k < count; k++) transactions.push(transactionFor(type, accountNumber, k + 1, rng));
  // Newest first, the way statements list them.
  transactions.sort((a, b) => (a.bookingDate < b.bookingDate ? 1 : a.bookingDate > b.bookingDate ? -1 : 0));
  return {
    accountNumber,
    type,
    currency: 'GBP',
    balanceMinor: closed ? 0 : balanceFor(type, rng),
    openedOn: isoDate(AS_OF_MS - rng.int(90, 20 * 365) * DAY_MS),
    status: closed ? 'CLOSED' : 'OPEN',
    transactions,
  };
}

/** The accounts of one CIF: usually a current account, plus savings, deposits and loans. */
export function generateAccounts(person: number, dup: number, rng: Random, isDuplicate: boolean): CoreBankingAccountRecord[] {
  const types: AccountType[] = [];
  if (isDuplicate) {
    // A duplicate CIF is typically a forgotten product opened under a second onboarding.
    types.push(rng.pick<AccountType>(['SAVINGS', 'CURRENT', 'TERM_DEPOSIT']));
  } else {
    if (rng.chance(0.92)) types.push('CURRENT');
    if (rng.chance(0.5)) types.push('SAVINGS');
    if (rng.chance(0.12)) types.push('TERM_DEPOSIT');
    if (rng.chance(0.2)) types.push('LOAN');
    if (types.length === 0) types.push('SAVINGS');
  }
  return types.map((type, k) => accountFor(type, accountNumberFor(person, dup, k), rng));
}
