import DataLoader from 'dataloader';

/**
 * A per-request DataLoader over a batch operation of a legacy system.
 *
 * DataLoader already deduplicates keys and splits batches at `maxBatchSize`; what this adds is
 * the contract every adapter shares: the batch function answers with a Map (missing key =
 * not found = null), and a failed batch fails each of its keys with the same typed error, so
 * one failing system nulls only its own fields.
 */
export function createBatchLoader<K extends string, V>(
  maxBatchSize: number,
  batch: (keys: readonly K[]) => Promise<Map<K, V | null>>,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const found = await batch(keys);
      return keys.map((key) => found.get(key) ?? null);
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
