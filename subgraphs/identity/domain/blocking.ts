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

/** Whether the two records share a name token (allocation-free: this runs for every examined pair). */
function sharesNameToken(a: NormalisedParty, b: NormalisedParty): boolean {
  return countSharedNameTokens(a, b) > 0;
}

function countSharedNameTokens(a: NormalisedParty, b: NormalisedParty): number {
  const a1 = a.givenFirst.length > 1 ? a.givenFirst : '';
  const a2 = a.family && a.family !== a1 ? a.family : '';
  const b1 = b.givenFirst.length > 1 ? b.givenFirst : '';
  const b2 = b.family && b.family !== b1 ? b.family : '';
  let n = 0;
  if (a1 && (a1 === b1 || a1 === b2)) n++;
  if (a2 && (a2 === b1 || a2 === b2)) n++;
  return n;
}

/** How many keys of this kind a record holds, without building them. */
function keyCount(p: NormalisedParty, kind: BlockingKind): number {
  switch (kind) {
    case 'email':
      return p.emails.length;
    case 'phone':
      return p.phones.length;
    case 'birthDateName':
    case 'postcodeName':
      return 2;
    default:
      return 1;
  }
}

/**
 * Whether this run (of key hash `hash`) is the one that produces the pair: the pair's first
 * shared, compared key of this kind. Keys are only hashed when the pair shares several of them.
 */
function isFirstSharedRun(a: NormalisedParty, b: NormalisedParty, kind: BlockingKind, hash: number, oversized: ReadonlySet<number>): boolean {
  const single = keyCount(a, kind) === 1 || keyCount(b, kind) === 1 || ((kind === 'birthDateName' || kind === 'postcodeName') && countSharedNameTokens(a, b) === 1);
  // One shared key: the pair sits in that key's run only (a hash collision aside, which costs one duplicate comparison at most).
  if (single) return true;
  let first = Infinity;
  for (const h of sharedKeyHashes(a, b, kind)) if (h < first && !oversized.has(h)) first = h;
  return first === hash;
}

export interface BlockingStats {
  blocks: number;
  oversizedBlocks: number;
  candidatePairs: number;
}

const FNV_OFFSET = 0x811c9dc5;

/** Continues an FNV-1a hash over a string's UTF-16 code units (FNV is streaming: parts hash like their concatenation). */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** 30 bits of the hash (see `candidatePairs` for the packing). */
const finish = (h: number): number => (h >>> 2) & 0x3fffffff;

/** FNV-1a of a blocking key, cut to 30 bits. */
export function keyHash(key: string): number {
  return finish(fnv(FNV_OFFSET, key));
}

const PREFIX_HASH = {
  nationalId: fnv(FNV_OFFSET, 'n:'),
  email: fnv(FNV_OFFSET, 'e:'),
  phone: fnv(FNV_OFFSET, 't:'),
  birthDateName: fnv(FNV_OFFSET, 'd:'),
  postcodeName: fnv(FNV_OFFSET, 'a:'),
  postcodeHouse: fnv(FNV_OFFSET, 'h:'),
} as const;

/**
 * `blockingKeysOfKind(p, kind).map(keyHash)`, computed without building the key strings: a
 * million-record run would otherwise allocate some ten million short-lived strings.
 */
export function blockingHashesOfKind(p: NormalisedParty, kind: BlockingKind): number[] {
  const start = PREFIX_HASH[kind];
  switch (kind) {
    case 'nationalId':
      return p.nationalId ? [finish(fnv(start, p.nationalId))] : [];
    case 'email':
    case 'phone': {
      const values = kind === 'email' ? p.emails : p.phones;
      const out: number[] = [];
      for (const v of values) out.push(finish(fnv(start, v)));
      return out;
    }
    case 'birthDateName':
    case 'postcodeName': {
      const field = kind === 'birthDateName' ? p.birthDate : p.postcode;
      if (!field) return [];
      const base = fnv(fnv(start, field), ':');
      const out: number[] = [];
      if (p.givenFirst.length > 1) out.push(finish(fnv(base, p.givenFirst)));
      if (p.family && !(p.givenFirst.length > 1 && p.family === p.givenFirst)) out.push(finish(fnv(base, p.family)));
      return out;
    }
    case 'postcodeHouse':
      return p.postcode && p.houseNumber ? [finish(fnv(fnv(fnv(start, p.postcode), ':'), p.houseNumber))] : [];
  }
}

const INDEX_BITS = 23;
const INDEX_SPACE = 2 ** INDEX_BITS;
/** The largest population one batch run blocks (the packing below leaves 23 bits for the index). */
export const MAX_BLOCKED_RECORDS = INDEX_SPACE;

/** Hashes of the keys of one kind that both records hold (callers have checked they share a real key). */
function sharedKeyHashes(a: NormalisedParty, b: NormalisedParty, kind: BlockingKind): number[] {
  const bHashes = blockingHashesOfKind(b, kind);
  const out: number[] = [];
  for (const h of blockingHashesOfKind(a, kind)) if (bHashes.includes(h)) out.push(h);
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
 * strings and arrays (which doubled the peak memory), and no key string is ever built. Two keys whose 30-bit hashes collide share
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
  // One pass over the records for all kinds: the records are scattered over the heap, and
  // visiting each once (rather than once per kind) saves most of the cache misses.
  const entriesOf: Float64Array[] = BLOCKING_KINDS.map(() => new Float64Array(Math.max(16, parties.length * 2)));
  const counts: number[] = BLOCKING_KINDS.map(() => 0);
  for (let i = 0; i < parties.length; i++) {
    for (let k = 0; k < BLOCKING_KINDS.length; k++) {
      for (const hash of blockingHashesOfKind(parties[i], BLOCKING_KINDS[k])) {
        if (counts[k] === entriesOf[k].length) {
          const grown = new Float64Array(entriesOf[k].length * 2);
          grown.set(entriesOf[k]);
          entriesOf[k] = grown;
        }
        entriesOf[k][counts[k]++] = hash * INDEX_SPACE + i;
      }
    }
  }
  for (let k = 0; k < BLOCKING_KINDS.length; k++) {
    const kind = BLOCKING_KINDS[k];
    const count = counts[k];
    const entries = entriesOf[k];
    const sorted = entries.subarray(0, count).sort();
    // The kind's array is not needed after its scan; let it go before the next kind's.
    entriesOf[k] = new Float64Array(0);
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
          if (sharedEarlier(a, b, k, oversized)) continue;
          // Produce the pair from the first shared (compared) key of this kind only.
          if (!isFirstSharedRun(a, b, kind, hash, oversized[k])) continue;
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
