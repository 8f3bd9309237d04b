/**
 * Blocking: which pairs of records are worth comparing at all. Comparing every pair is
 * quadratic (5·10^11 pairs for a million records); instead each record gets a handful of keys
 * (blockingRules.ts) and only records sharing a key are compared, so the work grows with the
 * number of records times the (small) block sizes. The candidate pairs are the union over the
 * rules. Blocks larger than `maxBlockSize` are skipped: such a key is too common to say anything
 * (a shared office switchboard, a placeholder email, JOHN SMITH born in 1980).
 */
import { BLOCKING_RULES, blockingKeysOfRule, type BlockingRule, type BlockingRuleName } from './blockingRules';
import { DEFAULT_MATCH_CONFIG } from './matchConfig';
import type { NormalisedParty } from './normalisedParty';

export interface BlockingStats {
  blocks: number;
  oversizedBlocks: number;
  candidatePairs: number;
  /** Candidate pairs by the rule that produced them (a pair counts for the first rule it shares a key of). */
  pairsByRule: Partial<Record<BlockingRuleName, number>>;
}

export function emptyBlockingStats(): BlockingStats {
  return { blocks: 0, oversizedBlocks: 0, candidatePairs: 0, pairsByRule: {} };
}

const FNV_OFFSET = 0x811c9dc5;

/** Continues an FNV-1a hash over a string's UTF-16 code units (FNV is streaming: parts hash like their concatenation). */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** 30 bits of the hash (see `BlockingIndex.pairs` for the packing). */
const finish = (h: number): number => (h >>> 2) & 0x3fffffff;

/** FNV-1a of a blocking key string, cut to 30 bits. */
export function keyHash(key: string): number {
  return finish(fnv(FNV_OFFSET, key));
}

/** Every blocking key of a record under the given rules (all rules by default), as strings. */
export function blockingKeys(p: NormalisedParty, rules: readonly BlockingRuleName[] = DEFAULT_MATCH_CONFIG.blockingRules): string[] {
  const keys: string[] = [];
  for (const name of rules) keys.push(...blockingKeysOfRule(p, BLOCKING_RULES[name]));
  return keys;
}

/**
 * Whether the pair of records whose keys hash to x and y is in a rule's one-in-`oneIn` sample:
 * symmetric, and a function of the two keys only, so a batch run and the incremental apply
 * (which sees the same records at other indexes) pick the same pairs. The sum is mixed with
 * MurmurHash3's finaliser so that the choice does not follow either key's hash.
 */
export function inSample(x: number, y: number, oneIn: number): boolean {
  let h = (x + y) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % oneIn === 0;
}

const INDEX_BITS = 23;
const INDEX_SPACE = 2 ** INDEX_BITS;
/** The largest population one batch run blocks (the packing below leaves 23 bits for the index). */
export const MAX_BLOCKED_RECORDS = INDEX_SPACE;

/**
 * The key hashes of every record under every rule, and (once `pairs` has run) which blocks were
 * too large to compare. Hashes are computed once, by streaming FNV-1a over a key's parts, so no
 * key string is built for a batch run (a million records would otherwise allocate some fifteen
 * million short-lived strings).
 */
export class BlockingIndex {
  private readonly rules: readonly BlockingRule[];
  /** Record i's hashes under rule r are hashes[offsets[i*R + r] .. offsets[i*R + r + 1]). */
  private readonly offsets: Uint32Array;
  private hashes: Int32Array;
  /**
   * 1 where the key in the same slot of `hashes` names a block skipped as too large (set as
   * `pairs` reaches the block): a flag beside the hash rather than a set of hashes, because
   * every candidate pair checks the keys it shares under the earlier rules, and at a million
   * persons that was some ten million set lookups.
   */
  private oversizedSlots: Uint8Array = new Uint8Array(0);
  /** Each record's key, hashed (for the sampled rules), computed when first needed. */
  private keyHashes: Int32Array | undefined;

  constructor(
    private readonly parties: readonly NormalisedParty[],
    ruleNames: readonly BlockingRuleName[],
    private readonly maxBlockSize: number,
    /**
     * The size of a key's block in the whole population, when `parties` is only part of it (the
     * incremental apply re-links a neighbourhood): a key too common overall is skipped there too,
     * so incremental and batch runs compare the same pairs.
     */
    private readonly populationBlockSize?: (key: string) => number,
  ) {
    if (parties.length > INDEX_SPACE) throw new RangeError(`blocking handles at most ${INDEX_SPACE} records in one run`);
    this.rules = ruleNames.map((name) => BLOCKING_RULES[name]);
    const R = this.rules.length;
    this.offsets = new Uint32Array(parties.length * R + 1);
    this.hashes = new Int32Array(Math.max(16, parties.length * 4));
    let count = 0;
    const prefixHashes = this.rules.map((rule) => fnv(FNV_OFFSET, rule.prefix));
    // One sink for every record and rule (a closure per record would be ten million closures).
    let start = 0;
    const grow = (size: number): void => {
      const grown = new Int32Array(size);
      grown.set(this.hashes.subarray(0, count));
      this.hashes = grown;
    };
    const sink = (a: string, b?: string, c?: string): void => {
      if (count === this.hashes.length) grow(this.hashes.length * 2);
      let h = fnv(start, a);
      if (b !== undefined) h = fnv(fnv(h, ':'), b);
      if (c !== undefined) h = fnv(fnv(h, ':'), c);
      this.hashes[count++] = finish(h);
    };
    const SAMPLE = 4096;
    for (let i = 0; i < parties.length; i++) {
      // Sized from the first records rather than by doubling: at a million persons the doubling
      // would hold (and copy) up to twice the 100 MB the hashes need.
      if (i === SAMPLE && parties.length > 2 * SAMPLE) grow(Math.max(this.hashes.length, Math.ceil((count / SAMPLE) * parties.length * 1.1) + 16));
      for (let r = 0; r < R; r++) {
        start = prefixHashes[r];
        this.rules[r].keysOf(parties[i], sink);
        this.offsets[i * R + r + 1] = count;
      }
    }
  }

  /**
   * The first (rule, smallest hash) under which x and y share a key whose block is compared, as
   * `rule * 2^30 + hash`; -1 when none (up to rule `lastRule`).
   */
  private firstShared(x: number, y: number, lastRule: number): number {
    const R = this.rules.length;
    const h = this.hashes;
    const over = this.oversizedSlots;
    for (let r = 0; r <= lastRule; r++) {
      const xs = this.offsets[x * R + r];
      const xe = this.offsets[x * R + r + 1];
      const ys = this.offsets[y * R + r];
      const ye = this.offsets[y * R + r + 1];
      if (xs === xe || ys === ye) continue;
      let best = -1;
      for (let i = xs; i < xe; i++) {
        const hash = h[i];
        if ((best >= 0 && hash >= best) || over[i] === 1) continue;
        for (let j = ys; j < ye; j++) {
          if (h[j] === hash) {
            best = hash;
            break;
          }
        }
      }
      if (best >= 0) return r * 2 ** 30 + best;
    }
    return -1;
  }

  /**
   * Every candidate pair `[i, j]` (i < j, indexes into `parties`) exactly once: a pair sharing
   * several keys is produced by the first rule and, within it, the smallest key hash it shares.
   *
   * Blocks are found by sorting, not by a map of keys: each (key, record) becomes one number,
   * `hash(key) * 2^23 + index`, in a Float64Array; after a numeric sort the records of one key are
   * adjacent, and blocks come in ascending hash order (so when a block is reached, whether each
   * smaller hash was compared is already known). Two keys whose 30-bit hashes collide share a
   * block: that costs a few extra comparisons, never a missed pair.
   */
  *pairs(stats?: BlockingStats): Generator<[number, number]> {
    const out: Array<[number, number]> = [];
    this.forEachPair((i, j) => out.push([i, j]), stats);
    yield* out;
  }

  /**
   * `pairs` without a tuple per pair: `visit(i, j, weight)` for every candidate pair, in the
   * same order; `weight` is how many pairs this one stands for (the rule's `sampleOneIn`, else 1).
   * What a batch run uses (tens of millions of pairs: two short-lived objects each, through a
   * generator, were a good part of the collector's work).
   */
  forEachPair(visit: (i: number, j: number, weight: number) => void, stats?: BlockingStats): void {
    const R = this.rules.length;
    const n = this.parties.length;
    this.oversizedSlots = new Uint8Array(this.hashes.length);
    for (let k = 0; k < R; k++) {
      let count = 0;
      for (let i = 0; i < n; i++) count += this.offsets[i * R + k + 1] - this.offsets[i * R + k];
      const entries = new Float64Array(count);
      let e = 0;
      for (let i = 0; i < n; i++) {
        for (let x = this.offsets[i * R + k]; x < this.offsets[i * R + k + 1]; x++) entries[e++] = this.hashes[x] * INDEX_SPACE + i;
      }
      entries.sort();
      const ruleName = this.rules[k].name;
      const oneIn = this.rules[k].sampleOneIn ?? 1;
      const block: number[] = [];
      for (let start = 0; start < count; ) {
        const hash = Math.floor(entries[start] / INDEX_SPACE);
        block.length = 0;
        let end = start;
        for (; end < count && Math.floor(entries[end] / INDEX_SPACE) === hash; end++) {
          const index = entries[end] - hash * INDEX_SPACE;
          // A record holding two keys with one hash (equal name tokens) is listed once.
          if (block[block.length - 1] !== index) block.push(index);
        }
        start = end;
        if (block.length < 2) continue;
        if (stats) stats.blocks++;
        if (block.length > this.maxBlockSize || (this.populationBlockSize && this.populationBlockSize(this.keyOfHash(block[0], k, hash)) > this.maxBlockSize)) {
          if (stats) stats.oversizedBlocks++;
          this.markOversized(block, k, hash);
          continue;
        }
        const here = k * 2 ** 30 + hash;
        for (let x = 0; x < block.length; x++) {
          for (let y = x + 1; y < block.length; y++) {
            // The sample first: it is cheaper than finding which key the pair shares first, and
            // a pair outside the sample is not compared here whichever rule produced it.
            if (oneIn > 1 && !this.sampled(block[x], block[y], oneIn)) continue;
            if (this.firstShared(block[x], block[y], k) !== here) continue;
            if (stats) {
              stats.candidatePairs++;
              stats.pairsByRule[ruleName] = (stats.pairsByRule[ruleName] ?? 0) + 1;
            }
            visit(block[x], block[y], oneIn);
          }
        }
      }
    }
  }

  /** Flags the slots of every record in the block (all the records holding the key) under rule k. */
  private markOversized(block: readonly number[], k: number, hash: number): void {
    const R = this.rules.length;
    for (const i of block) {
      for (let x = this.offsets[i * R + k]; x < this.offsets[i * R + k + 1]; x++) if (this.hashes[x] === hash) this.oversizedSlots[x] = 1;
    }
  }

  private sampled(x: number, y: number, oneIn: number): boolean {
    if (!this.keyHashes) {
      this.keyHashes = new Int32Array(this.parties.length);
      for (let i = 0; i < this.parties.length; i++) this.keyHashes[i] = keyHash(this.parties[i].key);
    }
    return inSample(this.keyHashes[x], this.keyHashes[y], oneIn);
  }

  /** Whether `pairs` produced (or would produce) the pair of records x and y. Valid once `pairs` has run to the end. */
  compared(x: number, y: number): boolean {
    if (x === y) return false;
    const shared = this.firstShared(x, y, this.rules.length - 1);
    if (shared < 0) return false;
    const oneIn = this.rules[Math.floor(shared / 2 ** 30)].sampleOneIn ?? 1;
    return oneIn === 1 || this.sampled(x, y, oneIn);
  }

  private keyOfHash(record: number, rule: number, hash: number): string {
    return blockingKeysOfRule(this.parties[record], this.rules[rule]).find((key) => keyHash(key) === hash) ?? '';
  }
}

/** Every candidate pair of `parties` under the given rules (see BlockingIndex.pairs). */
export function candidatePairs(
  parties: readonly NormalisedParty[],
  ruleNames: readonly BlockingRuleName[],
  maxBlockSize: number,
  stats?: BlockingStats,
  populationBlockSize?: (key: string) => number,
): Generator<[number, number]> {
  return new BlockingIndex(parties, ruleNames, maxBlockSize, populationBlockSize).pairs(stats);
}
