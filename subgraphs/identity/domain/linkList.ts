/**
 * Scored pairs worth keeping (linked or for review), stored column-wise: a million-record run
 * keeps hundreds of thousands of them, and number columns cost a fraction of an object per pair.
 */

/** Pair kinds in order of precedence. */
export const PAIR_REVIEW = 0;
export const PAIR_LINK = 1;
/** Linked by a deterministic rule (a fact, such as the same verified email), whatever the weight. */
export const PAIR_RULE = 2;

export class LinkList {
  readonly a: number[] = [];
  readonly b: number[] = [];
  /** Match weight (log2 odds, prior included). */
  readonly weight: number[] = [];
  readonly kind: number[] = [];

  get length(): number {
    return this.a.length;
  }

  push(a: number, b: number, weight: number, kind: number): void {
    this.a.push(a);
    this.b.push(b);
    this.weight.push(weight);
    this.kind.push(kind);
  }
}
