/**
 * Scored pairs worth keeping (linked or for review), stored column-wise in typed arrays: a
 * million-person run keeps some two million of them, and four typed columns cost 21 bytes a
 * pair where an object (or four arrays of boxed numbers) would cost several times that.
 */

/** Pair kinds in order of precedence. */
export const PAIR_REVIEW = 0;
export const PAIR_LINK = 1;
/** Linked by a deterministic rule (a fact, such as the same verified email), whatever the weight. */
export const PAIR_RULE = 2;

export class LinkList {
  a = new Int32Array(64);
  b = new Int32Array(64);
  /** Match weight (log2 odds, prior included). */
  weight = new Float64Array(64);
  kind = new Uint8Array(64);
  length = 0;

  push(a: number, b: number, weight: number, kind: number): void {
    if (this.length === this.a.length) {
      const size = Math.ceil(this.length * 1.5);
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T => {
        next.set(old);
        return next;
      };
      this.a = grow(this.a, new Int32Array(size));
      this.b = grow(this.b, new Int32Array(size));
      this.weight = grow(this.weight, new Float64Array(size));
      this.kind = grow(this.kind, new Uint8Array(size));
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.weight[this.length] = weight;
    this.kind[this.length] = kind;
    this.length++;
  }
}
