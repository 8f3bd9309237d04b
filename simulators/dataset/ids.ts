/**
 * Source-system identifiers.
 *
 * Ids must be unique within a system and must not reveal the person behind them (a matcher
 * that could read the person index out of a CIF would be cheating). Each id family is an
 * affine permutation `(a*n + b) mod m` of a running number n built from the person index:
 * a bijection on [0, m) when gcd(a, m) = 1, so uniqueness is guaranteed without a lookup
 * table, and consecutive persons get scattered ids. All products stay below 2^53.
 */

/** Largest person index supported by the id spaces below (per-person slots multiply it). */
export const MAX_PERSONS = 5_000_000;

function permute(n: number, a: number, b: number, m: number): number {
  if (!Number.isSafeInteger(n) || n < 0 || n >= m) throw new RangeError('id number out of range');
  return (((a * n) % m) + b) % m;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Core banking CIF: 10 digits. `dup` is 0 for the first record of a person, 1 for a duplicate. */
export function cifFor(person: number, dup: number): string {
  return pad(permute(person * 2 + dup, 7_919_003, 3_141_592_653, 1e10), 10);
}

/** Cards: `CH` + 8 digits. */
export function cardholderIdFor(person: number, dup: number): string {
  return 'CH' + pad(permute(person * 2 + dup, 1_000_003, 27_182_818, 1e8), 8);
}

/** ERP business partner: 10 digits starting with 1 (SAP number range). */
export function partnerIdFor(person: number, dup: number): string {
  return '1' + pad(permute(person * 2 + dup, 104_729, 161_803_398, 1e9), 9);
}

/** Call center contact: `C` + 9 digits. */
export function contactIdFor(person: number, dup: number): string {
  return 'C' + pad(permute(person * 2 + dup, 15_485_867, 577_215_664, 1e9), 9);
}

/** Relationship manager: `A` + 4 digits, from A1000 (so at most 9000 advisors). */
export const MAX_ADVISORS = 9000;
export function advisorIdFor(index: number): string {
  if (index < 0 || index >= MAX_ADVISORS) throw new RangeError('advisor index out of range');
  return 'A' + String(1000 + index);
}

/** Account number: 12 digits; up to 4 accounts per record. */
export function accountNumberFor(person: number, dup: number, account: number): string {
  return pad(permute((person * 2 + dup) * 4 + account, 98_245_163, 271_828_182_845, 1e12), 12);
}

/** Card id (the issuer's internal card reference, not a PAN); up to 4 cards per record. */
export function cardIdFor(person: number, dup: number, card: number): string {
  return 'CRD' + pad(permute((person * 2 + dup) * 4 + card, 179_424_673, 141_421_356, 1e9), 9);
}

/** SAP sales order: 10 digits, zero-padded the way SAP shows VBELN; up to 8 orders per record. */
export function orderIdFor(person: number, dup: number, order: number): string {
  return '0' + pad(permute((person * 2 + dup) * 8 + order, 32_452_843, 223_606_797, 1e9), 9);
}

/** Unique mobile number per person, E.164 `+4474`..`+4478` + 8 digits (07xxx in national form). */
export function mobileFor(person: number): string {
  return '+447' + String(400_000_000 + permute(person, 1_299_709, 12_345_678, 5e8));
}

const NINO_PREFIXES = ['AB', 'AE', 'AH', 'AK', 'AL', 'AM', 'AP', 'AR', 'AS', 'AT', 'AW', 'AX', 'AY', 'AZ', 'BA', 'BB', 'BE', 'BH', 'BK', 'BL', 'BM', 'BT', 'CA', 'CB', 'CE', 'CH', 'CK', 'CL', 'CR', 'EA', 'EB', 'EE', 'EH', 'EK', 'EL', 'EM', 'ET', 'EX', 'EY', 'EZ', 'GY', 'HA', 'HB', 'HE', 'HH', 'HK', 'HL', 'HM', 'HP', 'HR'];
const NINO_SUFFIXES = ['A', 'B', 'C', 'D'];

/** UK National Insurance number `AB123456C`, unique per person (the KYC national id). */
export function nationalIdFor(person: number): string {
  const space = NINO_PREFIXES.length * 1e6 * NINO_SUFFIXES.length;
  const n = permute(person, 2_750_159, 99_991, space);
  const suffix = n % NINO_SUFFIXES.length;
  const rest = Math.floor(n / NINO_SUFFIXES.length);
  const digits = rest % 1e6;
  const prefix = Math.floor(rest / 1e6);
  return NINO_PREFIXES[prefix] + pad(digits, 6) + NINO_SUFFIXES[suffix];
}

/** Mortgage servicing borrower: `MB` + 8 digits (one per person). */
export function borrowerIdFor(person: number): string {
  return 'MB' + pad(permute(person, 2_750_159, 33_333_331, 1e8), 8);
}

/** Mortgage loan number: `ML` + 8 digits; up to 2 loans per person (a joint one and an own one). */
export function mortgageLoanIdFor(person: number, loan: number): string {
  return 'ML' + pad(permute(person * 2 + loan, 4_256_249, 12_345_677, 1e8), 8);
}
