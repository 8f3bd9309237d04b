/**
 * The seeded random source every generator draws from.
 *
 * Determinism is the whole point of the dataset: same seed, same bytes. Each person gets its
 * own generator derived from (seed, person index), so person #17 is the same whether the
 * population holds 200 or 1,000,000 persons, and no draw for one person can shift another's.
 *
 * pure-rand 8 publishes only subpath exports, which the project's `moduleResolution: node`
 * cannot type; we require the two subpaths and type the small surface we use here.
 */
interface PureRandGenerator {
  next(): number;
}
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as {
  xoroshiro128plus(seed: number): PureRandGenerator;
};
const { uniformInt } = require('pure-rand/distribution/uniformInt') as {
  uniformInt(rng: PureRandGenerator, from: number, to: number): number;
};

/** Mixes a seed with a stream index into one 32-bit seed (splitmix-style finaliser). */
export function deriveSeed(seed: number, stream: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}

export class Random {
  private readonly rng: PureRandGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0);
  }

  /** A generator for one independent stream (a person, the advisors) of a dataset seed. */
  static forStream(seed: number, stream: number): Random {
    return new Random(deriveSeed(seed, stream));
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** Float in [0, 1). */
  float(): number {
    return (this.rng.next() >>> 0) / 4294967296;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick needs a non-empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: `weighted([['A', 3], ['B', 1]])` gives A three times out of four. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.float() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }
}
