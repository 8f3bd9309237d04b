/**
 * Where cached values live. A store is dumb on purpose: it keeps an entry (a JSON-serialisable
 * value and the time it was fetched upstream) for a physical TTL and forgets it after. Whether an
 * entry is still fresh, or only good enough to serve while the upstream is failing, is decided by
 * SystemCache from `storedAt`, so every replica judges freshness the same way whatever the store.
 *
 * A store never throws and never hangs on a read or write: a store that cannot answer reports a
 * miss (reads) or does nothing (writes). A cache is an optimisation; losing it must cost latency,
 * never availability.
 */
export interface CacheEntry<V = unknown> {
  value: V;
  /** Epoch milliseconds when the value was read from its system of record. */
  storedAt: number;
}

export interface CacheWrite {
  key: string;
  entry: CacheEntry;
  /** How long the store keeps the entry at all (freshness TTL + max-stale). */
  ttlMs: number;
}

export interface CacheStore {
  /** `memory`: this process only; `redis`: shared by every replica. */
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<CacheEntry | undefined>;
  /** One answer per key, in order; `undefined` for a miss. */
  mget(keys: readonly string[]): Promise<Array<CacheEntry | undefined>>;
  set(key: string, entry: CacheEntry, ttlMs: number): Promise<void>;
  mset(writes: readonly CacheWrite[]): Promise<void>;
  del(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The on-wire form of an entry (short field names: it is stored once per key). */
interface StoredEntry {
  v: unknown;
  t: number;
}

export function encodeEntry(entry: CacheEntry): string {
  const stored: StoredEntry = { v: entry.value, t: entry.storedAt };
  return JSON.stringify(stored);
}

/** An unreadable entry (another version's format, a hand-written key) is a miss, not an error. */
export function decodeEntry(raw: string | null | undefined): CacheEntry | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredEntry> | null;
    if (parsed === null || typeof parsed !== 'object' || typeof parsed.t !== 'number' || !('v' in parsed)) return undefined;
    return { value: parsed.v, storedAt: parsed.t };
  } catch {
    return undefined;
  }
}
