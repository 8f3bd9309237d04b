import DataLoader from 'dataloader';

/** How a loader tells keys that can exist from keys that cannot (malformed ids). */
export interface KeyCheck<K> {
  isValid(key: K): boolean;
  /** The error a malformed key's `load` rejects with (it never reaches the system). */
  invalid(key: K): Error;
}

/**
 * A per-request DataLoader over a batch operation of a legacy system.
 *
 * DataLoader already deduplicates keys and splits batches at `maxBatchSize`; what this adds is
 * the contract every adapter shares: the batch function answers with a Map (missing key =
 * not found = null); a failed batch fails each of its keys with the same typed error, so one
 * failing system nulls only its own fields; and with a `keyCheck`, a malformed key fails only
 * its own `load` and is never sent upstream, so one bad id cannot fail the batch it joined.
 */
export function createBatchLoader<K extends string, V>(
  maxBatchSize: number,
  batch: (keys: K[]) => Promise<Map<K, V | null>>,
  keyCheck?: KeyCheck<K>,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const valid = keyCheck ? keys.filter((key) => keyCheck.isValid(key)) : [...keys];
      const found = valid.length > 0 ? await batch(valid) : new Map<K, V | null>();
      // DataLoader rejects exactly the keys whose value is an Error.
      return keys.map((key) => (keyCheck && !keyCheck.isValid(key) ? keyCheck.invalid(key) : (found.get(key) ?? null)));
    },
    { maxBatchSize },
  );
}

/** Splits ids into chunks of at most `size`, for adapters that batch without DataLoader. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
