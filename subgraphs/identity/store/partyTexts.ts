/**
 * The initial load's records as JSON text (what the `party` column stores), kept in UTF-8 bytes
 * off the JavaScript heap from the extract until the discrepancy pass, so that pass compares
 * each customer's records without reading them back from the database. At a million persons
 * that read was some 60 s of the database's CPU (200 joins of the crosswalk and the source
 * records, ~300 ms each) on cores the comparing threads needed; the bytes cost about 350 a
 * record (0.9 GB at a million persons) outside the heap, and no collection work.
 */

/** A batch of texts back to back in UTF-8: text i ends before byte `ends[i]` (and starts at `ends[i-1]`, or 0). */
export interface PackedTexts {
  bytes: Uint8Array;
  ends: Uint32Array;
}

const utf8 = new TextEncoder();

/** Packs texts into one buffer each of whose pieces is its own (the buffers can be handed to another thread). */
export function packTexts(texts: readonly string[]): PackedTexts {
  const ends = new Uint32Array(texts.length);
  let length = 0;
  for (let i = 0; i < texts.length; i += 1) {
    length += Buffer.byteLength(texts[i], 'utf8');
    ends[i] = length;
  }
  const bytes = new Uint8Array(length);
  for (let i = 0, start = 0; i < texts.length; start = ends[i], i += 1) utf8.encodeInto(texts[i], bytes.subarray(start, ends[i]));
  return { bytes, ends };
}

/** Texts added batch by batch, each addressed by the number `add` gave it (numbers follow on across batches). */
export class PartyTexts {
  private readonly batches: Array<{ bytes: Buffer; ends: Uint32Array; first: number }> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Keeps a packed batch (not copied) and returns its first text's number. */
  add(packed: PackedTexts): number {
    const first = this.count;
    if (packed.ends.length === 0) return first;
    this.batches.push({ bytes: Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset, packed.bytes.byteLength), ends: packed.ends, first });
    this.count += packed.ends.length;
    return first;
  }

  /** Text number `n`; a number never given is a RangeError (a bug, not data). */
  text(n: number): string {
    if (!Number.isInteger(n) || n < 0 || n >= this.count) throw new RangeError(`no text number ${n}`);
    const batch = this.batches[this.batchOf(n)];
    const i = n - batch.first;
    return batch.bytes.toString('utf8', i === 0 ? 0 : batch.ends[i - 1], batch.ends[i]);
  }

  /** The last batch whose first number is at most n (binary search: batches are in number order). */
  private batchOf(n: number): number {
    let low = 0;
    let high = this.batches.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.batches[middle].first <= n) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
