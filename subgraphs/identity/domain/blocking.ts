/**
 * Blocking: which pairs of records are worth comparing at all. Comparing every pair is
 * quadratic (5·10^11 pairs for a million records); instead each record gets a handful of keys
 * and only records sharing a key are compared, so the work grows with the number of records
 * times the (small) block sizes.
 *
 * Keys are chosen so that each noise kind leaves at least one key intact: a typo in one name
 * leaves the other name's key, a swap leaves both (keys do not care which field a token came
 * from), an out-of-date email leaves the phone. Blocks larger than `maxBlockSize` are skipped:
 * such a key is too common to say anything (a shared office switchboard, a placeholder email).
 */
import type { NormalisedParty } from './normalisedParty';

export const BLOCKING_KINDS = ['nationalId', 'email', 'phone', 'birthDateName', 'postcodeName'] as const;
export type BlockingKind = (typeof BLOCKING_KINDS)[number];

/** The name tokens a record is blocked under: both names, whichever field holds them. */
function nameTokens(p: NormalisedParty): string[] {
  const tokens: string[] = [];
  if (p.givenFirst.length > 1) tokens.push(p.givenFirst);
  if (p.family && !tokens.includes(p.family)) tokens.push(p.family);
  return tokens;
}

/** The record's keys of one kind, each prefixed by its kind so kinds never collide. */
export function blockingKeysOfKind(p: NormalisedParty, kind: BlockingKind): string[] {
  switch (kind) {
    case 'nationalId':
      return p.nationalId ? ['n:' + p.nationalId] : [];
    case 'email':
      return p.emails.map((e) => 'e:' + e);
    case 'phone':
      return p.phones.map((t) => 't:' + t);
    case 'birthDateName':
      return p.birthDate ? nameTokens(p).map((t) => `d:${p.birthDate}:${t}`) : [];
    case 'postcodeName':
      return p.postcode ? nameTokens(p).map((t) => `a:${p.postcode}:${t}`) : [];
  }
}

export function blockingKeys(p: NormalisedParty): string[] {
  const keys: string[] = [];
  for (const kind of BLOCKING_KINDS) keys.push(...blockingKeysOfKind(p, kind));
  return keys;
}

/** Whether two records share a key of this kind (no strings built: this runs once per candidate pair). */
export function shareKeyOfKind(a: NormalisedParty, b: NormalisedParty, kind: BlockingKind): boolean {
  switch (kind) {
    case 'nationalId':
      return a.nationalId !== null && a.nationalId === b.nationalId;
    case 'email':
      return a.emails.some((e) => b.emails.includes(e));
    case 'phone':
      return a.phones.some((t) => b.phones.includes(t));
    case 'birthDateName':
      return a.birthDate !== null && a.birthDate === b.birthDate && sharesNameToken(a, b);
    case 'postcodeName':
      return a.postcode !== '' && a.postcode === b.postcode && sharesNameToken(a, b);
  }
}

function sharesNameToken(a: NormalisedParty, b: NormalisedParty): boolean {
  const tb = nameTokens(b);
  return nameTokens(a).some((t) => tb.includes(t));
}

export interface BlockingStats {
  blocks: number;
  oversizedBlocks: number;
  candidatePairs: number;
}

/**
 * Every candidate pair `[i, j]` (i < j, indexes into `parties`) exactly once: a pair that shares
 * keys of several kinds is produced by the first kind only. One kind's blocks are held in memory
 * at a time, which keeps the peak for a million records to one map of keys.
 */
export function* candidatePairs(
  parties: readonly NormalisedParty[],
  maxBlockSize: number,
  stats?: BlockingStats,
  /**
   * The size of a key's block in the whole population, when `parties` is only part of it (the
   * incremental apply re-links a neighbourhood): a key too common overall is skipped there too,
   * so incremental and batch runs compare the same pairs.
   */
  populationBlockSize?: (key: string) => number,
): Generator<[number, number]> {
  // Keys whose block was skipped: sharing one of those does not mean the pair was produced.
  const oversized = new Set<string>();
  for (let k = 0; k < BLOCKING_KINDS.length; k++) {
    const kind = BLOCKING_KINDS[k];
    const blocks = new Map<string, number[]>();
    for (let i = 0; i < parties.length; i++) {
      for (const key of blockingKeysOfKind(parties[i], kind)) {
        const block = blocks.get(key);
        if (block) {
          // A record can hold two keys landing in one block (two name tokens equal): list it once.
          if (block[block.length - 1] !== i) block.push(i);
        } else blocks.set(key, [i]);
      }
    }
    for (const [key, block] of blocks) {
      if (block.length < 2) continue;
      if (stats) stats.blocks++;
      if (block.length > maxBlockSize || (populationBlockSize && populationBlockSize(key) > maxBlockSize)) {
        if (stats) stats.oversizedBlocks++;
        oversized.add(key);
        continue;
      }
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const i = block[x];
          const j = block[y];
          if (sharedEarlier(parties[i], parties[j], k, oversized)) continue;
          if (stats) stats.candidatePairs++;
          yield i < j ? [i, j] : [j, i];
        }
      }
    }
  }
}

/** Whether an earlier kind already produced this pair: they share a key of it whose block was compared. */
export function sharedEarlier(a: NormalisedParty, b: NormalisedParty, kindIndex: number, oversized: ReadonlySet<string>): boolean {
  for (let e = 0; e < kindIndex; e++) {
    const kind = BLOCKING_KINDS[e];
    if (!shareKeyOfKind(a, b, kind)) continue;
    if (oversized.size === 0) return true;
    const bKeys = blockingKeysOfKind(b, kind);
    if (blockingKeysOfKind(a, kind).some((key) => bKeys.includes(key) && !oversized.has(key))) return true;
  }
  return false;
}
