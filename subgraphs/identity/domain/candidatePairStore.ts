/**
 * Candidate pairs with their comparison vectors, stored column-wise: a million-record run
 * compares tens of millions of pairs, and three typed columns cost twelve bytes a pair where
 * an object per pair would cost ten times that.
 */
import { BlockingIndex, emptyBlockingStats, type BlockingStats } from './blocking';
import { compareRecords } from './comparisons';
import type { MatchConfig } from './matchConfig';
import type { NormalisedParty } from './normalisedParty';

export class CandidatePairStore {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  gamma = new Uint32Array(1024);
  /** How many pairs each one stands for in training (a sampled blocking rule's pairs: its `sampleOneIn`). */
  weight = new Uint8Array(1024);
  length = 0;

  push(a: number, b: number, gamma: number, weight = 1): void {
    if (this.length === this.a.length) {
      const size = this.a.length * 2;
      const grow = <T extends Int32Array | Uint32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
        const next = make(size);
        next.set(old);
        return next;
      };
      this.a = grow(this.a, (n) => new Int32Array(n));
      this.b = grow(this.b, (n) => new Int32Array(n));
      this.gamma = grow(this.gamma, (n) => new Uint32Array(n));
      this.weight = grow(this.weight, (n) => new Uint8Array(n));
    }
    this.weight[this.length] = weight;
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.gamma[this.length] = gamma;
    this.length++;
  }
}

export interface ComparedCandidates {
  pairs: CandidatePairStore;
  blocking: BlockingIndex;
  stats: BlockingStats;
}

/** Blocks `parties` (sorted, deduplicated) and compares every candidate pair. */
export function compareCandidates(parties: readonly NormalisedParty[], config: MatchConfig, populationBlockSize?: (key: string) => number): ComparedCandidates {
  const blocking = new BlockingIndex(parties, config.blockingRules, config.maxBlockSize, populationBlockSize);
  const stats = emptyBlockingStats();
  const pairs = new CandidatePairStore();
  blocking.forEachPair((i, j, weight) => pairs.push(i, j, compareRecords(parties[i], parties[j]), weight), stats);
  return { pairs, blocking, stats };
}
