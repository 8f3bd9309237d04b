/**
 * Blocking: which pairs of records are worth comparing at all. Comparing every pair is
 * quadratic (5·10^11 pairs for a million records); instead each record gets a handful of keys
 * and only records sharing a key are compared, so the work grows with the number of records
 * times the (small) block sizes.
 *
 * Keys are chosen so that each noise kind leaves at least one key intact: a typo in one name
 * leaves the other name's key, a swap leaves both (keys do not care which field a token came
 * from), an out-of-date email leaves the phone, and postcode + house number catches names
 * mangled beyond both name keys. Blocks larger than `maxBlockSize` are skipped:
 * such a key is too common to say anything (a shared office switchboard, a placeholder email).
 */
import type { NormalisedParty } from './normalisedParty';

export const BLOCKING_KINDS = ['nationalId', 'email', 'phone', 'birthDateName', 'postcodeName', 'postcodeHouse'] as const;
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
    case 'postcodeHouse':
      // Catches names mangled on both sides (typo + swap); a household is a small block.
      return p.postcode && p.houseNumber ? [`h:${p.postcode}:${p.houseNumber}`] : [];
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
    case 'postcodeHouse':
      return a.postcode !== '' && a.houseNumber !== '' && a.postcode === b.postcode && a.houseNumber === b.houseNumber;
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

/** FNV-1a over the key's UTF-16 code units, cut to 30 bits (see `candidatePairs` for the packing). */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 2) & 0x3fffffff;
}

const INDEX_BITS = 23;
const INDEX_SPACE = 2 ** INDEX_BITS;
/** The largest population one batch run blocks (the packing below leaves 23 bits for the index). */
export const MAX_BLOCKED_RECORDS = INDEX_SPACE;

/** Hashes of the keys of one kind that both records hold. */
function sharedKeyHashes(a: NormalisedParty, b: NormalisedParty, kind: BlockingKind): number[] {
  const bKeys = blockingKeysOfKind(b, kind);
  const out: number[] = [];
  for (const key of blockingKeysOfKind(a, kind)) if (bKeys.includes(key)) out.push(keyHash(key));
  return out;
}

/** Whether an earlier kind already produced this pair: they share a key of it whose block was compared. */
function sharedEarlier(a: NormalisedParty, b: NormalisedParty, kindIndex: number, oversized: ReadonlyArray<ReadonlySet<number>>): boolean {
  for (let e = 0; e < kindIndex; e++) {
    const kind = BLOCKING_KINDS[e];
    if (!shareKeyOfKind(a, b, kind)) continue;
    if (oversized[e].size === 0) return true;
    if (sharedKeyHashes(a, b, kind).some((h) => !oversized[e].has(h))) return true;
  }
  return false;
}

/**
 * Every candidate pair `[i, j]` (i < j, indexes into `parties`) exactly once: a pair sharing
 * several keys is produced by the first kind and, within it, the first key it shares.
 *
 * Blocks are found by sorting, not by a map of keys: each (key, record) becomes one number,
 * `hash(key) * 2^23 + index`, in a Float64Array; after a numeric sort the records of one key are
 * adjacent. A million records thus cost a 16 MB array per kind instead of a map of two million
 * strings and arrays (which doubled the peak memory). Two keys whose 30-bit hashes collide share
 * a run; every pair is checked for a real shared key, so a collision costs a comparison, never
 * a wrong candidate.
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
  if (parties.length > INDEX_SPACE) throw new RangeError(`blocking handles at most ${INDEX_SPACE} records in one run`);
  // Per kind, the hashes of the blocks that were skipped as too large.
  const oversized: Set<number>[] = BLOCKING_KINDS.map(() => new Set<number>());
  for (let k = 0; k < BLOCKING_KINDS.length; k++) {
    const kind = BLOCKING_KINDS[k];
    let entries = new Float64Array(Math.max(16, parties.length * 2));
    let count = 0;
    for (let i = 0; i < parties.length; i++) {
      for (const key of blockingKeysOfKind(parties[i], kind)) {
        if (count === entries.length) {
          const grown = new Float64Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[count++] = keyHash(key) * INDEX_SPACE + i;
      }
    }
    const sorted = entries.subarray(0, count).sort();
    const block: number[] = [];
    for (let start = 0; start < count; ) {
      const hash = Math.floor(sorted[start] / INDEX_SPACE);
      block.length = 0;
      let end = start;
      for (; end < count && Math.floor(sorted[end] / INDEX_SPACE) === hash; end++) {
        const index = sorted[end] - hash * INDEX_SPACE;
        // A record holding two keys with one hash (equal name tokens) is listed once.
        if (block[block.length - 1] !== index) block.push(index);
      }
      start = end;
      if (block.length < 2) continue;
      if (stats) stats.blocks++;
      if (block.length > maxBlockSize || (populationBlockSize && populationBlockSize(keyOfHash(parties[block[0]], kind, hash)) > maxBlockSize)) {
        if (stats) stats.oversizedBlocks++;
        oversized[k].add(hash);
        continue;
      }
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const a = parties[block[x]];
          const b = parties[block[y]];
          if (!shareKeyOfKind(a, b, kind)) continue;
          // Produce the pair from the first shared (compared) key of this kind only.
          const hashes = sharedKeyHashes(a, b, kind).filter((h) => !oversized[k].has(h));
          if (hashes.length === 0 || Math.min(...hashes) !== hash) continue;
          if (sharedEarlier(a, b, k, oversized)) continue;
          if (stats) stats.candidatePairs++;
          yield [block[x], block[y]];
        }
      }
    }
  }
}

function keyOfHash(p: NormalisedParty, kind: BlockingKind, hash: number): string {
  return blockingKeysOfKind(p, kind).find((key) => keyHash(key) === hash) ?? '';
}
